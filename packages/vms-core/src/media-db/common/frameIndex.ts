import { FILE_HEADER_BYTES, FRAME_HEADER_BYTES } from './frameFile';

/**
 * The per-frame index kept in SQLite for each closed recording: for every frame its pts
 * offset, payload length and key flag, as varints (about 4 bytes a frame). Byte offsets in the
 * file follow from the lengths, so a time range maps to file ranges without reading the file.
 */
export interface IndexedFrame {
  /** pts offset from the recording's start, 90 kHz */
  ptsOffset: number;
  /** payload bytes as stored (ciphertext + tag when encrypted) */
  length: number;
  isKey: boolean;
  /** byte offset of the frame's payload in the file */
  fileOffset: number;
}


export class FrameIndexBuilder {
  private bytes: number[] = [];
  private lastPts = 0;
  count = 0;
  keyCount = 0;

  add(ptsOffset: number, length: number, isKey: boolean): void {
    writeVarint(this.bytes, zigzag(ptsOffset - this.lastPts));
    writeVarint(this.bytes, length * 2 + (isKey ? 1 : 0));
    this.lastPts = ptsOffset;
    this.count++;
    if (isKey) this.keyCount++;
  }

  toBytes(): Uint8Array {
    return Uint8Array.from(this.bytes);
  }
}

export function decodeFrameIndex(blob: Uint8Array): IndexedFrame[] {
  const out: IndexedFrame[] = [];
  const pos = { i: 0 };
  let pts = 0;
  let fileOffset = FILE_HEADER_BYTES;
  while (pos.i < blob.length) {
    pts += unzigzag(readVarint(blob, pos));
    const v = readVarint(blob, pos);
    const length = Math.floor(v / 2);
    fileOffset += FRAME_HEADER_BYTES;
    out.push({ ptsOffset: pts, length, isKey: v % 2 === 1, fileOffset });
    fileOffset += length;
  }
  return out;
}

function zigzag(n: number): number {
  return n >= 0 ? n * 2 : -n * 2 - 1;
}
function unzigzag(n: number): number {
  return n % 2 === 0 ? n / 2 : -(n + 1) / 2;
}

function writeVarint(out: number[], n: number): void {
  // Numbers here stay below 2^53; use arithmetic, not bit ops, past 32 bits.
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
}

function readVarint(b: Uint8Array, pos: { i: number }): number {
  let result = 0;
  let mul = 1;
  for (;;) {
    const byte = b[pos.i++];
    if (byte === undefined) throw new Error('truncated frame index');
    result += (byte & 0x7f) * mul;
    if (byte < 0x80) return result;
    mul *= 0x80;
    if (mul > 2 ** 56) throw new Error('frame index varint too long');
  }
}
