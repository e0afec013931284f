/**
 * Memory for frames, carved from blocks: one allocation per block instead of one per frame.
 * A camera makes 25 or more frames a second, each kept for seconds (pre-buffer, live GOP,
 * writer queue); allocating each alone showed as the largest single cost of the receive path
 * and fed the garbage collector. A block lives while any frame in it does, so the waste is at
 * most one partly used block per source. Large frames (key frames of big pictures) get their
 * own allocation, so a block never pins a megabyte for one small frame.
 */
export class FrameSlab {
  private block = new Uint8Array(0);
  private used = 0;

  constructor(
    private readonly blockBytes = 256 * 1024,
    private readonly ownAbove = 64 * 1024,
  ) {}

  /** A copy of `bytes` that the caller owns (a view into a block it shares with other frames). */
  copy(bytes: Uint8Array): Uint8Array {
    const n = bytes.length;
    if (n > this.ownAbove) return bytes.slice();
    if (this.used + n > this.block.length) {
      this.block = new Uint8Array(this.blockBytes);
      this.used = 0;
    }
    const out = this.block.subarray(this.used, this.used + n);
    out.set(bytes);
    this.used += n;
    return out;
  }
}
