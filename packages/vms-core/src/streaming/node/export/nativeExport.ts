import { rename, rm } from 'node:fs/promises';
import { VmsError } from '../../../base/common/errors';
import { encodeFileHeader, FILE_HEADER_BYTES, FILE_VERSION, FRAME_HEADER_BYTES, writeFrameHeader } from '../../../media-db/common/frameFile';
import { FrameIndexBuilder } from '../../../media-db/common/frameIndex';
import type { MediaDb } from '../../../media-db/node/mediaDb';
import type { SiteKeys } from '../../../security/node/siteKeys';
import type { Time90k } from '../../../media/common/types';
import { planRecording, subPlan } from '../playback/hlsVod';
import type { RecordedFrame, RecordingReader } from '../recordingReader';
import { ArchiveWriter } from './exportArchive';
import type { ExportProgress } from './exportFile';
import type { ExportManifest, ManifestRecording } from './nativeManifest';
import { gopHashes, hex, MANIFEST_NAME, paramsJson, sha256Hex, SIGNATURE_NAME } from './nativeManifest';

export interface NativeExportRequest {
  cameraIds: readonly string[];
  from90k: Time90k;
  to90k: Time90k;
  /** Who asked for it (recorded in the signed manifest). */
  userId: string;
}

export interface NativeExportOptions {
  password?: string;
  signal?: AbortSignal;
  onProgress?: (p: ExportProgress) => void;
  /** Wall-clock time of the export (the injected clock's now). */
  nowMs?: number;
}

/**
 * Writes a signed native export (format: exportArchive.ts, manifest: nativeManifest.ts). Every
 * recording overlapping the range goes in whole — the site's signature covers whole recordings,
 * so only whole ones can be checked against it — as a plain frame file with its index. A
 * recording whose stored content no longer matches its signed hash is refused, so an export
 * never launders altered video under a fresh signature. The archive is written to `path.part`
 * and renamed when complete; on cancel or failure nothing is left.
 */
export async function exportNative(
  deps: { db: MediaDb; reader: RecordingReader; keys: SiteKeys },
  req: NativeExportRequest,
  path: string,
  o: NativeExportOptions = {},
): Promise<{ path: string; recordings: number; frames: number }> {
  if (new Set(req.cameraIds).size !== req.cameraIds.length) throw new VmsError('VMS_ERR_BAD_INPUT', 'a camera is listed twice');
  const cameras: ExportManifest['cameras'] = [];
  const rows = [];
  for (const cameraId of req.cameraIds) {
    const plan = await deps.reader.plan(cameraId, req.from90k, req.to90k, { sealedOnly: true });
    const ids = plan.items.flatMap((i) => (i.kind === 'recording' ? [i.recordingId] : []));
    cameras.push({ cameraId, recordings: ids, gaps: plan.gaps.map((g) => ({ start90k: g.start90k, end90k: g.end90k })) });
    for (const id of ids) rows.push(deps.db.getRecording(id)!);
  }
  if (rows.length === 0) throw new VmsError('VMS_ERR_NOT_FOUND', 'no recording in the range');
  const totalFrames = rows.reduce((n, r) => n + r.frames, 0);
  const totalBytes = rows.reduce((n, r) => n + r.fileBytes, 0);
  const done = { frames: 0, bytes: 0 };
  const part = `${path}.part`;
  const archive = await ArchiveWriter.create(part, { password: o.password });
  try {
    const recordings: ManifestRecording[] = [];
    const files: ExportManifest['files'] = [];
    const add = async (name: string, data: Uint8Array) => {
      await archive.add(name, data);
      files.push({ name, bytes: data.length, sha256: sha256Hex(data) });
    };
    for (const row of rows) {
      o.signal?.throwIfAborted();
      const { recording, plan } = await planRecording(deps, row.cameraId, row.id);
      const frames: RecordedFrame[] = [];
      for await (const item of deps.reader.read(subPlan(plan, recording), { signal: o.signal })) if (item.kind === 'frame') frames.push(item);
      const { file, index } = frameFile(row.start90k, frames);
      const seal = deps.db.sealFields(row.id);
      if (!seal?.contentSha256 || !seal.chainHash || !seal.prevChainHash || !seal.signature) {
        throw new VmsError('VMS_ERR_SIGNATURE', `recording ${row.id} is not sealed`);
      }
      const payloadHash = sha256Hex(Buffer.concat(frames.map((f) => f.data)));
      const signedHash = seal.groomed ? (JSON.parse(seal.groomed) as { contentSha256: string }).contentSha256 : hex(seal.contentSha256);
      if (!recording.encrypted && payloadHash !== signedHash) {
        throw new VmsError('VMS_ERR_SIGNATURE', `recording ${row.id} of camera ${row.cameraId} differs from its signed content; not exported`);
      }
      const base = `recordings/${row.cameraId.replace(/[^A-Za-z0-9._-]/g, '_')}/${row.id}`;
      await add(`${base}.njf`, file);
      await add(`${base}.idx`, index);
      recordings.push({
        id: row.id, cameraId: row.cameraId, streamKey: row.streamKey, start90k: row.start90k, end90k: row.end90k!, frames: row.frames,
        videoParams: paramsJson(plan.params.get(recording.videoParamsId)!), encryptedAtSource: recording.encrypted, groomed: seal.groomed,
        contentSha256: hex(seal.contentSha256), prevChainHash: hex(seal.prevChainHash), chainHash: hex(seal.chainHash),
        signature: Buffer.from(seal.signature).toString('base64'), media: `${base}.njf`, index: `${base}.idx`,
        gops: gopHashes(frames.map((f) => ({ isKey: f.isKey, payload: f.data }))),
      });
      done.frames += row.frames;
      done.bytes += row.fileBytes;
      o.onProgress?.({ frames: done.frames, totalFrames, bytes: done.bytes, totalBytes });
    }
    const iso = (t: number) => new Date(Math.floor(t / 90)).toISOString();
    const manifest: ExportManifest = {
      format: 'nightjar-export-manifest', version: 1, createdAt: new Date(o.nowMs ?? Date.now()).toISOString(),
      creator: { userId: req.userId },
      range: { from90k: req.from90k, to90k: req.to90k, from: iso(req.from90k), to: iso(req.to90k) },
      sitePublicKey: deps.keys.publicKeyPem(), cameras, recordings, files,
    };
    const bytes = Buffer.from(JSON.stringify(manifest, null, 2));
    await archive.add(MANIFEST_NAME, bytes);
    await archive.add(SIGNATURE_NAME, Buffer.from(deps.keys.sign(bytes)));
    await archive.finish();
    await rename(part, path);
    return { path, recordings: recordings.length, frames: done.frames };
  } catch (e) {
    await archive.close();
    await rm(part, { force: true });
    throw e;
  }
}

/** A plain frame file (media-db/common/frameFile.ts) of the frames, and its per-frame index. */
function frameFile(start90k: Time90k, frames: readonly RecordedFrame[]): { file: Buffer; index: Uint8Array } {
  const size = FILE_HEADER_BYTES + frames.reduce((n, f) => n + FRAME_HEADER_BYTES + f.data.length, 0);
  const file = Buffer.alloc(size);
  file.set(encodeFileHeader({ version: FILE_VERSION, flags: 0, start90k, noncePrefix: new Uint8Array(8) }), 0);
  const index = new FrameIndexBuilder();
  let pos = FILE_HEADER_BYTES;
  for (const f of frames) {
    const ptsOffset = f.time90k - start90k;
    writeFrameHeader(file, pos, { length: f.data.length, ptsOffset, isKey: f.isKey });
    file.set(f.data, pos + FRAME_HEADER_BYTES);
    pos += FRAME_HEADER_BYTES + f.data.length;
    index.add(ptsOffset, f.data.length, f.isKey);
  }
  return { file, index: index.toBytes() };
}
