import type { FrameBlock, FrameBlockSource } from './framePool';
import type { FrameMemory } from './types';
import { unpooledBlocks } from './framePool';

/**
 * Builds frames in place, in memory carved from shared blocks: a frame's bytes are appended
 * where the frame will live, and take() hands out a view with no copy. A camera makes 25 or
 * more frames a second, each kept for seconds (pre-buffer, live GOP, writer queue); one
 * allocation per frame was the largest single cost of the receive path, and building in a
 * scratch buffer and then copying out cost a full pass over every byte. A frame that outgrows
 * what is left of its block moves, with what it has so far, to a new block (twice its size when
 * it is larger than a block). Blocks come from a FramePool, which reuses them once their frames
 * are released, or are left to the garbage collector (unpooledBlocks).
 */
export class FrameBuilder {
  private current: FrameBlock;
  private block: Uint8Array;
  private start = 0;
  private end = 0;

  /**
   * The source may hand out memory that is not zero-filled (the Node side does): only bytes
   * appended are ever handed out, never what lies past them.
   */
  constructor(private readonly blocks: FrameBlockSource = unpooledBlocks()) {
    this.current = blocks.take(blocks.blockBytes);
    this.block = this.current.bytes;
  }

  /** Bytes in the frame being built. */
  get length(): number {
    return this.end - this.start;
  }

  /** The memory of the frame being built, when it is recycled (see FrameMemory). */
  get memory(): FrameMemory | undefined {
    return this.current.pool ? this.current : undefined;
  }

  append(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.block.set(bytes, this.end);
    this.end += bytes.length;
  }

  appendUint32(value: number): void {
    this.reserve(4);
    const b = this.block;
    const at = this.end;
    b[at] = value >>> 24;
    b[at + 1] = value >>> 16;
    b[at + 2] = value >>> 8;
    b[at + 3] = value;
    this.end = at + 4;
  }

  /**
   * The frame built so far; later appends never touch it. With recycled memory it is valid
   * until the block's holds are gone: take `memory` first and retain it.
   */
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
    const { blockBytes } = this.blocks;
    const next = this.blocks.take(have + extra <= blockBytes ? blockBytes : (have + extra) * 2);
    next.bytes.set(this.block.subarray(this.start, this.end));
    const old = this.current;
    this.current = next;
    this.block = next.bytes;
    this.start = 0;
    this.end = have;
    old.release(); // the builder's hold: frames taken from it keep theirs
  }
}
