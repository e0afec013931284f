import { createHash } from 'node:crypto';
import type { StoredParams } from '../../../media-db/node/mediaDb';
import type { ChainedFields } from '../../../media-db/node/signatureChain';
import { FILE_HEADER_BYTES, FRAME_HEADER_BYTES, readFrameHeader } from '../../../media-db/common/frameFile';

/**
 * The manifest of a native export (manifest.json), signed by the site key (manifest.sig,
 * Ed25519 over the manifest's exact bytes). It lists every other file with its hash, and per
 * recording the chain fields the site signed when it was recorded, so a verifier needs nothing
 * but the archive to tell which file, recording and frames were altered.
 */

export interface ExportManifest {
  format: 'nightjar-export-manifest';
  version: 1;
  createdAt: string;
  creator: { userId: string };
  range: { from90k: number; to90k: number; from: string; to: string };
  /** The site's Ed25519 public key (SPKI PEM): compare its fingerprint with the site's. */
  sitePublicKey: string;
  cameras: { cameraId: string; recordings: number[]; gaps: { start90k: number; end90k: number }[] }[];
  recordings: ManifestRecording[];
  files: { name: string; bytes: number; sha256: string }[];
}

/** A recording as exported: the fields its chain link covers, plus what a player needs. */
export interface ManifestRecording extends ChainedFields {
  videoParams: { codec: string; width: number; height: number; rfc6381: string; vps: string[]; sps: string[]; pps: string[] };
  /**
   * Stored encrypted on the site: its signed content hash covers ciphertext, which the export
   * does not carry, so its frames are vouched for by the export signature alone.
   */
  encryptedAtSource: boolean;
  /** Archived, groomed copy: the groomed JSON the site signed (see media-database.md). */
  groomed: string | null;
  contentSha256: string;
  prevChainHash: string;
  chainHash: string;
  signature: string;
  media: string;
  index: string;
  /** SHA-256 of each GOP's payloads: localizes an alteration to a second or so of video. */
  gops: GopHash[];
}

export interface GopHash {
  firstFrame: number;
  endFrame: number;
  sha256: string;
}

export const MANIFEST_NAME = 'manifest.json';
export const SIGNATURE_NAME = 'manifest.sig';

export const hex = (b: Uint8Array) => Buffer.from(b).toString('hex');
export const sha256Hex = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export function paramsJson(p: StoredParams): ManifestRecording['videoParams'] {
  const b64 = (l: Uint8Array[]) => l.map((x) => Buffer.from(x).toString('base64'));
  return { codec: p.codec, width: p.width, height: p.height, rfc6381: p.rfc6381, vps: b64(p.vps), sps: b64(p.sps), pps: b64(p.pps) };
}

export interface ScannedFrame {
  ptsOffset: number;
  isKey: boolean;
  payload: Uint8Array;
}

/**
 * Frames of a frame file from its own headers; stops at the first record that is not a frame
 * (`brokenAt` then says which frame's header was damaged).
 */
export function scanFrames(file: Uint8Array): { frames: ScannedFrame[]; brokenAt: number | undefined } {
  const frames: ScannedFrame[] = [];
  let pos = FILE_HEADER_BYTES;
  while (pos < file.length) {
    const h = readFrameHeader(file, pos);
    const start = pos + FRAME_HEADER_BYTES;
    if (!h || start + h.length > file.length) return { frames, brokenAt: frames.length };
    frames.push({ ptsOffset: h.ptsOffset, isKey: h.isKey, payload: file.subarray(start, start + h.length) });
    pos = start + h.length;
  }
  return { frames, brokenAt: undefined };
}

/** Hashes of each run of frames from one key frame to the next. */
export function gopHashes(frames: readonly { isKey: boolean; payload: Uint8Array }[]): GopHash[] {
  const out: GopHash[] = [];
  let h = createHash('sha256');
  let first = 0;
  frames.forEach((f, i) => {
    if (f.isKey && i > first) {
      out.push({ firstFrame: first, endFrame: i, sha256: h.digest('hex') });
      h = createHash('sha256');
      first = i;
    }
    h.update(f.payload);
  });
  if (frames.length > first) out.push({ firstFrame: first, endFrame: frames.length, sha256: h.digest('hex') });
  return out;
}
