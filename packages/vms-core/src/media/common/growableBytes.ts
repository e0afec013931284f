/**
 * A reusable byte buffer that grows by doubling. The RTP path copies what it must keep into
 * one of these instead of holding views into the socket's read buffer: that buffer is reused
 * for every read (no allocation per read), and a copy of a few hundred kilobytes a second
 * costs far less than the allocations and garbage collection it replaces.
 */
export class GrowableBytes {
  private buf: Uint8Array;
  private view: DataView;
  length = 0;

  constructor(initialBytes = 64 * 1024) {
    this.buf = new Uint8Array(initialBytes);
    this.view = new DataView(this.buf.buffer);
  }

  append(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buf.set(bytes, this.length);
    this.length += bytes.length;
  }

  appendUint32(value: number): void {
    this.reserve(4);
    this.view.setUint32(this.length, value);
    this.length += 4;
  }

  /** Overwrites 4 bytes already appended (a length prefix written before its data was known). */
  setUint32(offset: number, value: number): void {
    this.view.setUint32(offset, value);
  }

  /** A view of the bytes appended so far: valid until the next append or reset. */
  bytes(start = 0, end = this.length): Uint8Array {
    return this.buf.subarray(start, end);
  }

  /** Empties the buffer; a buffer that grew past `shrinkAbove` is given back, so one huge frame does not pin memory. */
  reset(shrinkAbove = 4 << 20): void {
    this.length = 0;
    if (this.buf.length > shrinkAbove) {
      this.buf = new Uint8Array(64 * 1024);
      this.view = new DataView(this.buf.buffer);
    }
  }

  private reserve(extra: number): void {
    const need = this.length + extra;
    if (need <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < need) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
}
