import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { FileHeader } from '../common/frameFile';
import { decodeFileHeader, FILE_HEADER_BYTES, FRAME_HEADER_BYTES, readFrameHeader } from '../common/frameFile';
import { FrameIndexBuilder } from '../common/frameIndex';

export interface FrameFileScan {
  header: FileHeader | undefined;
  /** Frames found complete, in file order. */
  frames: { ptsOffset: number; length: number; isKey: boolean; fileOffset: number }[];
  /** Byte length of the valid prefix: the file header plus every complete frame. */
  validBytes: number;
  fileBytes: number;
  contentSha256: Buffer;
  index: FrameIndexBuilder;
}

/**
 * Reads a frame file from its own headers only, stopping at the first record that is torn or
 * not a frame. This is what recovery trusts after a crash and what check compares to the index.
 */
export async function scanFrameFile(path: string): Promise<FrameFileScan> {
  const b = await readFile(path);
  const header = decodeFileHeader(b);
  const hash = createHash('sha256');
  const index = new FrameIndexBuilder();
  const frames: FrameFileScan['frames'] = [];
  let pos = FILE_HEADER_BYTES;
  if (header) {
    for (;;) {
      const h = readFrameHeader(b, pos);
      if (!h || pos + FRAME_HEADER_BYTES + h.length > b.length) break;
      const fileOffset = pos + FRAME_HEADER_BYTES;
      hash.update(b.subarray(fileOffset, fileOffset + h.length));
      index.add(h.ptsOffset, h.length, h.isKey);
      frames.push({ ...h, fileOffset });
      pos = fileOffset + h.length;
    }
  }
  return {
    header,
    frames,
    validBytes: header ? pos : 0,
    fileBytes: b.length,
    contentSha256: hash.digest(),
    index,
  };
}
