import { createHash } from 'node:crypto';
import { mkdir, open, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { VmsError } from '../../base/common/errors';
import type { FileHeader } from '../common/frameFile';
import { decodeFileHeader, encodeFileHeader, FILE_FLAG_ENCRYPTED, FILE_HEADER_BYTES, FILE_VERSION, FRAME_HEADER_BYTES,
  readFrameHeader, writeFrameHeader } from '../common/frameFile';
import { decodeFrameIndex, FrameIndexBuilder } from '../common/frameIndex';
import type { Grooming } from '../common/storageConfig';
import type { FrameCipher } from '../../security/node/frameCipher';

export interface StoredFrame {
  ptsOffset: number;
  isKey: boolean;
  /** Payload as stored in the file (ciphertext + tag when encrypted). */
  payload: Uint8Array;
}

export interface RecordingFile {
  header: FileHeader;
  frames: StoredFrame[];
  /** SHA-256 of the stored payloads in order, as the writer computes it. */
  contentSha256: Buffer;
}

/**
 * Reads a closed recording's file and checks it against its index row (size, every frame
 * header), so archiving never copies a damaged file into an archive as if it were whole.
 */
export async function readRecordingFile(file: string, frameIndex: Uint8Array, fileBytes: number): Promise<RecordingFile> {
  const b = await readFile(file);
  const header = decodeFileHeader(b);
  const corrupt = (what: string) => new VmsError('VMS_ERR_DATA_CORRUPT', `${file}: ${what}`);
  if (!header) throw corrupt('bad file header');
  if (b.length !== fileBytes) throw corrupt(`file has ${b.length} bytes, index says ${fileBytes}`);
  const hash = createHash('sha256');
  const frames = decodeFrameIndex(frameIndex).map((f, i) => {
    const h = readFrameHeader(b, f.fileOffset - FRAME_HEADER_BYTES);
    if (!h || h.length !== f.length || h.ptsOffset !== f.ptsOffset || h.isKey !== f.isKey || f.fileOffset + f.length > b.length) {
      throw corrupt(`frame ${i} differs from the index`);
    }
    const payload = b.subarray(f.fileOffset, f.fileOffset + f.length);
    hash.update(payload);
    return { ptsOffset: f.ptsOffset, isKey: f.isKey, payload };
  });
  return { header, frames, contentSha256: hash.digest() };
}

/**
 * Which frames grooming keeps (indices into `frames`). Nothing is re-encoded, so dropping a
 * frame other frames depend on is impossible: maxFps therefore thins key frames. Without
 * keyFramesOnly, a recording already at or below maxFps is kept whole, and one above it is
 * reduced to key frames. A recording with no key frame at all is kept whole (it cannot be
 * decoded either way, and an empty recording is not a recording).
 */
export function selectFrames(frames: readonly { ptsOffset: number; isKey: boolean }[], g: Grooming | undefined): number[] {
  const all = frames.map((_, i) => i);
  if (!g || frames.length < 2) return all;
  const span = frames[frames.length - 1]!.ptsOffset - frames[0]!.ptsOffset;
  const rate = span > 0 ? ((frames.length - 1) * 90_000) / span : Infinity;
  const keyOnly = g.keyFramesOnly || (g.maxFps !== undefined && rate > g.maxFps);
  if (!keyOnly) return all;
  const keys = all.filter((i) => frames[i]!.isKey);
  if (keys.length === 0) return all;
  if (g.maxFps === undefined || g.maxFps <= 0) return keys;
  // One tick of slack absorbs the rounding of frame times to 90 kHz.
  const minGap = 90_000 / g.maxFps - 1;
  const kept: number[] = [];
  let last = -Infinity;
  for (const i of keys) {
    const pts = frames[i]!.ptsOffset;
    if (pts - last >= minGap) {
      kept.push(i);
      last = pts;
    }
  }
  return kept;
}

export interface WrittenFile {
  frameIndex: Uint8Array;
  frames: number;
  keyFrames: number;
  fileBytes: number;
  contentSha256: Buffer;
}

/**
 * Writes the kept frames as a new frame file, re-encrypting each payload for the target
 * (a new random nonce prefix and the frame's new number, so no nonce repeats under a key),
 * and syncs file and folder before returning: the index may point at it only afterwards.
 */
export async function writeRecordingFile(
  file: string,
  o: { source: RecordingFile; keep: number[]; from?: FrameCipher; to?: FrameCipher; noncePrefix: Uint8Array },
): Promise<WrittenFile> {
  const encrypted = (o.source.header.flags & FILE_FLAG_ENCRYPTED) !== 0;
  if (encrypted && !o.from) throw new VmsError('VMS_ERR_BAD_INPUT', `${file}: source is encrypted but its storage has no key`);
  const index = new FrameIndexBuilder();
  const hash = createHash('sha256');
  const parts: Uint8Array[] = [encodeFileHeader({
    version: FILE_VERSION, flags: o.to ? FILE_FLAG_ENCRYPTED : 0, start90k: o.source.header.start90k,
    noncePrefix: o.to ? o.noncePrefix : new Uint8Array(8),
  })];
  let bytes = FILE_HEADER_BYTES;
  o.keep.forEach((sourceNumber, newNumber) => {
    const f = o.source.frames[sourceNumber]!;
    const plain = encrypted ? o.from!.decrypt(o.source.header.noncePrefix, sourceNumber, f.payload) : f.payload;
    const payload = o.to ? o.to.encrypt(o.noncePrefix, newNumber, plain) : plain;
    const header = new Uint8Array(FRAME_HEADER_BYTES);
    writeFrameHeader(header, 0, { length: payload.length, ptsOffset: f.ptsOffset, isKey: f.isKey });
    parts.push(header, payload);
    index.add(f.ptsOffset, payload.length, f.isKey);
    hash.update(payload);
    bytes += FRAME_HEADER_BYTES + payload.length;
  });
  await mkdir(dirname(file), { recursive: true });
  const fh = await open(file, 'wx');
  try {
    await fh.writeFile(Buffer.concat(parts));
    await fh.datasync();
  } finally {
    await fh.close();
  }
  await syncFolder(dirname(file));
  return { frameIndex: index.toBytes(), frames: index.count, keyFrames: index.keyCount, fileBytes: bytes,
    contentSha256: hash.digest() };
}

/** Makes the new file's directory entry durable before the index refers to it. */
async function syncFolder(path: string): Promise<void> {
  const fh = await open(path, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
