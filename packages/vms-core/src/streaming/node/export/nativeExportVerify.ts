import { createHash, createPublicKey, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { errorMessage } from '../../../base/common/errors';
import { FrameIndexBuilder } from '../../../media-db/common/frameIndex';
import { verifyGroomed } from '../../../media-db/node/archiver';
import type { GroomedInfo } from '../../../media-db/node/archiver';
import { chainMetadata } from '../../../media-db/node/signatureChain';
import { bytesEqual } from '../../../media/common/types';
import { ArchiveReader } from './exportArchive';
import type { ExportManifest, ManifestRecording } from './nativeManifest';
import { gopHashes, MANIFEST_NAME, scanFrames, sha256Hex, SIGNATURE_NAME } from './nativeManifest';

export interface ExportFinding {
  /** What was altered: the manifest (or its signature), a file, or a recording's frames. */
  where: 'manifest' | 'file' | 'recording';
  file?: string;
  recordingId?: number;
  cameraId?: string;
  /** Frames [first, end) of the recording's file, and their wall times. */
  frames?: [number, number];
  time90k?: [number, number];
  detail: string;
}

export interface ExportVerifyReport {
  good: boolean;
  findings: ExportFinding[];
  manifest: ExportManifest | undefined;
  /** SHA-256 of the signing key (DER): compare it with the site's to trust the export. */
  keyFingerprint: string | undefined;
  recordings: number;
  frames: number;
}

/**
 * Verifies a native export from the archive alone: the manifest signature, every listed file's
 * hash (and no unlisted file), and per recording the site's chain link and signature and, for
 * video stored plainly on the site, that the frames still hash to the signed content. A media
 * file that differs is narrowed to the GOPs (frame ranges) whose hashes differ.
 * Throws only when the archive cannot be opened (not an export, missing or wrong password).
 */
export async function verifyNativeExport(path: string, o: { password?: string } = {}): Promise<ExportVerifyReport> {
  const archive = await ArchiveReader.open(path, o);
  const findings: ExportFinding[] = [];
  const report: ExportVerifyReport = { good: false, findings, manifest: undefined, keyFingerprint: undefined, recordings: 0, frames: 0 };
  try {
    const bytes = await archive.read(MANIFEST_NAME);
    const signature = await archive.read(SIGNATURE_NAME);
    let manifest: ExportManifest | undefined;
    try {
      manifest = bytes ? (JSON.parse(bytes.toString('utf8')) as ExportManifest) : undefined;
    } catch {
      manifest = undefined;
    }
    if (!bytes || !manifest) {
      findings.push({ where: 'manifest', file: MANIFEST_NAME, detail: 'manifest.json is missing, unreadable or fails decryption: the manifest was altered' });
      return report;
    }
    let key: KeyObject | undefined;
    try {
      key = createPublicKey(manifest.sitePublicKey);
      report.keyFingerprint = createHash('sha256').update(key.export({ format: 'der', type: 'spki' })).digest('hex');
    } catch (e) {
      findings.push({ where: 'manifest', file: MANIFEST_NAME, detail: `the site public key in the manifest is unusable: ${errorMessage(e)}` });
    }
    if (!key || !signature || !verify(null, bytes, key, signature)) {
      findings.push({ where: 'manifest', file: MANIFEST_NAME, detail: 'the manifest signature does not verify: manifest.json (or manifest.sig) was altered after export' });
    }
    report.manifest = manifest;
    const listed = new Set([MANIFEST_NAME, SIGNATURE_NAME, ...manifest.files.map((f) => f.name)]);
    for (const name of archive.names()) {
      if (!listed.has(name)) findings.push({ where: 'file', file: name, detail: 'file is not listed in the manifest (added after export)' });
    }
    const content = new Map<string, Buffer | undefined>();
    for (const f of manifest.files) {
      const data = await archive.read(f.name);
      content.set(f.name, data);
      const isMedia = manifest.recordings.some((r) => r.media === f.name);
      if (!data) findings.push({ where: 'file', file: f.name, detail: archive.encrypted ? 'file is missing or fails decryption (altered)' : 'file is missing' });
      else if (sha256Hex(data) !== f.sha256 && !isMedia) findings.push({ where: 'file', file: f.name, detail: 'file content differs from the manifest hash' });
    }
    for (const r of manifest.recordings) {
      report.recordings++;
      report.frames += r.frames;
      checkRecording(r, content.get(r.media), content.get(r.index), key, manifest, findings);
    }
    report.good = findings.length === 0;
    return report;
  } finally {
    await archive.close();
  }
}

function checkRecording(
  r: ManifestRecording, media: Buffer | undefined, index: Buffer | undefined, key: KeyObject | undefined,
  manifest: ExportManifest, findings: ExportFinding[],
): void {
  const at = { where: 'recording' as const, recordingId: r.id, cameraId: r.cameraId, file: r.media };
  const verifyWithSite = (data: Uint8Array, sig: Uint8Array) => key !== undefined && verify(null, data, key, sig);
  const chainHash = Buffer.from(r.chainHash, 'hex');
  const expected = createHash('sha256').update(Buffer.from(r.prevChainHash, 'hex'))
    .update(chainMetadata({ ...r, frames: r.groomed ? (JSON.parse(r.groomed) as GroomedInfo).originalFrames : r.frames }))
    .update(Buffer.from(r.contentSha256, 'hex')).digest();
  if (!bytesEqual(expected, chainHash)) findings.push({ ...at, detail: 'chain fields do not match the recording (chain-link)' });
  if (!verifyWithSite(chainHash, Buffer.from(r.signature, 'base64'))) findings.push({ ...at, detail: 'recording signature does not verify with the site key' });
  if (!media) return;
  const { frames, brokenAt } = scanFrames(media);
  const file = manifest.files.find((f) => f.name === r.media);
  if (brokenAt !== undefined) {
    findings.push({ ...at, frames: [brokenAt, r.frames], detail: `frame ${brokenAt}'s header is damaged: frames ${brokenAt}..${r.frames - 1} cannot be read` });
  }
  const gops = gopHashes(frames);
  for (const g of r.gops) {
    const now = gops.find((x) => x.firstFrame === g.firstFrame && x.endFrame === g.endFrame);
    if (brokenAt !== undefined && g.endFrame > brokenAt) continue;
    if (now?.sha256 === g.sha256) continue;
    const t0 = r.start90k + (frames[g.firstFrame]?.ptsOffset ?? 0);
    const last = frames[g.endFrame - 1];
    findings.push({
      ...at, frames: [g.firstFrame, g.endFrame], time90k: [t0, last ? r.start90k + last.ptsOffset : t0],
      detail: `frames ${g.firstFrame}..${g.endFrame - 1} were altered (their hash differs from the signed manifest)`,
    });
  }
  if (file && sha256Hex(media) !== file.sha256 && !findings.some((f) => f.recordingId === r.id && f.frames)) {
    findings.push({ ...at, detail: 'frame file differs from the manifest hash (file header or frame headers altered)' });
  }
  const payloads = createHash('sha256');
  const rebuilt = new FrameIndexBuilder();
  for (const f of frames) {
    payloads.update(f.payload);
    rebuilt.add(f.ptsOffset, f.payload.length, f.isKey);
  }
  if (index && !bytesEqual(rebuilt.toBytes(), index)) findings.push({ ...at, file: r.index, detail: 'per-frame index does not match the frame file' });
  const hash = payloads.digest('hex');
  if (r.groomed) {
    const info = JSON.parse(r.groomed) as GroomedInfo;
    if (!verifyGroomed({ verify: verifyWithSite }, chainHash, info)) findings.push({ ...at, detail: 'archived copy is not signed as derived from its original' });
    if (brokenAt === undefined && hash !== info.contentSha256 && !findings.some((f) => f.recordingId === r.id)) {
      findings.push({ ...at, detail: 'frames differ from the signed (groomed) content hash' });
    }
  } else if (!r.encryptedAtSource && brokenAt === undefined && hash !== r.contentSha256 && !findings.some((f) => f.recordingId === r.id)) {
    findings.push({ ...at, detail: 'frames differ from the content hash the site signed when recording' });
  }
}
