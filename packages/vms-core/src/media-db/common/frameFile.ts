/**
 * Layout of a recording's frame file. The file is a log: a fixed header, then one record per
 * frame, each a 12-byte header followed by the payload. The headers make the file
 * self-describing, so start-up can rebuild the index of a recording that was being written
 * when the process died, without trusting anything but the bytes on disk.
 *
 *   file header (32 bytes): magic "NJFRAMES" | u16 version | u16 flags | u32 reserved |
 *                           f64 start_90k | u64 nonce prefix (encryption; zero otherwise)
 *   frame header (12 bytes): u32 payload length | u32 pts offset from start_90k (90 kHz) |
 *                            u8 flags (bit 0: key frame) | u8 0xA5 | u16 reserved (0)
 */
export const FILE_MAGIC = 'NJFRAMES';
export const FILE_VERSION = 1;
export const FILE_HEADER_BYTES = 32;
export const FRAME_HEADER_BYTES = 12;
export const FRAME_MARKER = 0xa5;
export const FILE_FLAG_ENCRYPTED = 1;
/** A frame larger than this is not a camera frame; recovery treats it as a torn write. */
export const MAX_FRAME_BYTES = 32 * 1024 * 1024;

export interface FileHeader {
  version: number;
  flags: number;
  start90k: number;
  noncePrefix: Uint8Array;
}

export interface FrameHeader {
  length: number;
  ptsOffset: number;
  isKey: boolean;
}

export function encodeFileHeader(h: FileHeader): Uint8Array {
  const out = new Uint8Array(FILE_HEADER_BYTES);
  const v = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) out[i] = FILE_MAGIC.charCodeAt(i);
  v.setUint16(8, h.version);
  v.setUint16(10, h.flags);
  v.setFloat64(16, h.start90k);
  out.set(h.noncePrefix.subarray(0, 8), 24);
  return out;
}

export function decodeFileHeader(b: Uint8Array): FileHeader | undefined {
  if (b.length < FILE_HEADER_BYTES) return undefined;
  for (let i = 0; i < 8; i++) if (b[i] !== FILE_MAGIC.charCodeAt(i)) return undefined;
  const v = new DataView(b.buffer, b.byteOffset, FILE_HEADER_BYTES);
  return {
    version: v.getUint16(8),
    flags: v.getUint16(10),
    start90k: v.getFloat64(16),
    noncePrefix: b.slice(24, 32),
  };
}

/** Byte by byte: a DataView per frame showed in the recording profile. */
export function writeFrameHeader(out: Uint8Array, offset: number, h: FrameHeader): void {
  const { length: n, ptsOffset: p } = h;
  out[offset] = n >>> 24;
  out[offset + 1] = n >>> 16;
  out[offset + 2] = n >>> 8;
  out[offset + 3] = n;
  out[offset + 4] = p >>> 24;
  out[offset + 5] = p >>> 16;
  out[offset + 6] = p >>> 8;
  out[offset + 7] = p;
  out[offset + 8] = h.isKey ? 1 : 0;
  out[offset + 9] = FRAME_MARKER;
  out[offset + 10] = 0;
  out[offset + 11] = 0;
}

/** Returns undefined when the bytes cannot be a frame header (torn or foreign data). */
export function readFrameHeader(b: Uint8Array, offset: number): FrameHeader | undefined {
  if (offset + FRAME_HEADER_BYTES > b.length) return undefined;
  const v = new DataView(b.buffer, b.byteOffset + offset, FRAME_HEADER_BYTES);
  const length = v.getUint32(0);
  const flags = v.getUint8(8);
  if (v.getUint8(9) !== FRAME_MARKER || flags > 1 || v.getUint16(10) !== 0) return undefined;
  if (length === 0 || length > MAX_FRAME_BYTES) return undefined;
  return { length, ptsOffset: v.getUint32(4), isKey: flags === 1 };
}
