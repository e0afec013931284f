/**
 * A small ISO-BMFF (MP4) box writer. Boxes nest by callback into one growing buffer: the size
 * of a box is patched in when its body is done, so building a moov never copies child boxes.
 * All integers are big-endian. Numbers above 2^32 are written with arithmetic, not bit
 * operations, because 90 kHz wall-clock times exceed 32 bits (they stay below 2^53).
 */
export class ByteWriter {
  private buf: Uint8Array;
  private view: DataView;
  private pos = 0;

  constructor(initialBytes = 1024) {
    this.buf = new Uint8Array(initialBytes);
    this.view = new DataView(this.buf.buffer);
  }

  get length(): number {
    return this.pos;
  }

  u8(v: number): this {
    this.reserve(1);
    this.view.setUint8(this.pos, v);
    this.pos += 1;
    return this;
  }

  u16(v: number): this {
    this.reserve(2);
    this.view.setUint16(this.pos, v);
    this.pos += 2;
    return this;
  }

  u24(v: number): this {
    return this.u8((v >>> 16) & 0xff).u16(v & 0xffff);
  }

  u32(v: number): this {
    this.reserve(4);
    this.view.setUint32(this.pos, v >>> 0);
    this.pos += 4;
    return this;
  }

  i32(v: number): this {
    this.reserve(4);
    this.view.setInt32(this.pos, v);
    this.pos += 4;
    return this;
  }

  u64(v: number): this {
    if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`u64 out of range: ${v}`);
    return this.u32(Math.floor(v / 2 ** 32)).u32(v % 2 ** 32);
  }

  /** A four-character code (box type, brand, handler). */
  fourcc(s: string): this {
    if (s.length !== 4) throw new RangeError(`fourcc must have 4 characters: ${s}`);
    for (let i = 0; i < 4; i++) this.u8(s.charCodeAt(i) & 0xff);
    return this;
  }

  bytes(b: Uint8Array): this {
    this.reserve(b.length);
    this.buf.set(b, this.pos);
    this.pos += b.length;
    return this;
  }

  zeros(n: number): this {
    this.reserve(n);
    this.buf.fill(0, this.pos, this.pos + n);
    this.pos += n;
    return this;
  }

  /** Overwrites a u32 written earlier (sizes and offsets known only later). */
  patchU32(at: number, v: number): void {
    this.view.setUint32(at, v >>> 0);
  }

  box(type: string, body: () => void): this {
    const start = this.pos;
    this.u32(0).fourcc(type);
    body();
    const size = this.pos - start;
    if (size > 0xffffffff) throw new RangeError(`box ${type} too large for a 32-bit size`);
    this.patchU32(start, size);
    return this;
  }

  fullBox(type: string, version: number, flags: number, body: () => void): this {
    return this.box(type, () => {
      this.u8(version).u24(flags);
      body();
    });
  }

  /** The bytes written so far (a view; the writer must not be used afterwards). */
  finish(): Uint8Array {
    return this.buf.subarray(0, this.pos);
  }

  private reserve(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
}

/**
 * Header of an mdat holding `payloadBytes`, streamed after it. A 64-bit largesize is used
 * only when needed, so ordinary files keep the common 8-byte header.
 */
export function mdatHeader(payloadBytes: number): Uint8Array {
  const w = new ByteWriter(16);
  if (payloadBytes + 8 <= 0xffffffff) w.u32(payloadBytes + 8).fourcc('mdat');
  else w.u32(1).fourcc('mdat').u64(payloadBytes + 16);
  return w.finish();
}

/** Seconds from 1904-01-01 (the MP4 epoch) to 1970-01-01. */
const MP4_EPOCH_OFFSET_S = 2_082_844_800;

/** MP4 creation_time (seconds since 1904) from a 90 kHz Unix time; 0 means unknown. */
export function mp4Time(unix90k: number | undefined): number {
  return unix90k === undefined ? 0 : Math.floor(unix90k / 90_000) + MP4_EPOCH_OFFSET_S;
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
