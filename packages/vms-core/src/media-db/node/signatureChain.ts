import type { SiteKeys } from '../../security/node/siteKeys';
import { sha256 } from '../../security/node/siteKeys';

export const CHAIN_GENESIS = new Uint8Array(32);

export interface ChainedFields {
  id: number;
  cameraId: string;
  streamKey: string;
  start90k: number;
  end90k: number;
  frames: number;
}

/** The bytes a recording's chain link covers besides the content hash and the previous link. */
export function chainMetadata(r: ChainedFields): Buffer {
  return Buffer.from(`nightjar-recording-v1|${r.id}|${r.cameraId}|${r.streamKey}|${r.start90k}|${r.end90k}|${r.frames}`);
}

export function linkRecording(
  keys: SiteKeys,
  prevChainHash: Uint8Array,
  fields: ChainedFields,
  contentSha256: Uint8Array,
): { chainHash: Buffer; signature: Uint8Array } {
  const chainHash = sha256(prevChainHash, chainMetadata(fields), contentSha256);
  return { chainHash, signature: keys.sign(chainHash) };
}
