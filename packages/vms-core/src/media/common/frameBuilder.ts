/**
 * Builds frames in place, in memory carved from shared blocks: a frame's bytes are appended
 * where the frame will live, and take() hands out a view with no copy. A camera makes 25 or
 * more frames a second, each kept for seconds (pre-buffer, live GOP, writer queue); one
 * allocation per frame was the largest single cost of the receive path, and building in a
 * scratch buffer and then copying out cost a full pass over every byte. A block lives while any
 * frame in it does, so the waste is at most one partly used block per source. A frame that
 * outgrows what is left of its block moves, with what it has so far, to a new block at least
 * twice its size.
 */
export class FrameBuilder {
  private block: Uint8Array;
  private view: DataView;
  private start = 0;
  private end = 0;

  /**
   * `allocate` may return memory that is not zero-filled (the Node side passes one): only bytes
   * appended are ever handed out, never what lies past them.
   */
  constructor(
    private readonly blockBytes = 256 * 1024,
    private readonly allocate: (bytes: number) => Uint8Array = (n) => new Uint8Array(n),
  ) {
    this.block = allocate(blockBytes);
    this.view = new DataView(this.block.buffer, this.block.byteOffset, this.block.byteLength);
  }

  /** Bytes in the frame being built. */
  get length(): number {
    return this.end - this.start;
  }

  append(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.block.set(bytes, this.end);
    this.end += bytes.length;
  }

  appendUint32(value: number): void {
    this.reserve(4);
    this.view.setUint32(this.end, value);
    this.end += 4;
  }

  /** The frame built so far; the caller owns it, and later appends never touch it. */
  take(): Uint8Array {
    const frame = this.block.subarray(this.start, this.end);
    this.start = this.end;
    return frame;
  }

  /** Drops the frame being built. */
  discard(): void {
    this.end = this.start;
  }

  private reserve(extra: number): void {
    if (this.end + extra <= this.block.length) return;
    const have = this.end - this.start;
    const next = this.allocate(Math.max(this.blockBytes, (have + extra) * 2));
    next.set(this.block.subarray(this.start, this.end));
    this.block = next;
    this.view = new DataView(next.buffer, next.byteOffset, next.byteLength);
    this.start = 0;
    this.end = have;
  }
}
