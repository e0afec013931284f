import type { FrameMemory, VideoFrame } from './types';

export const retainFrame = (frame: VideoFrame): void => frame.memory?.retain();
export const releaseFrame = (frame: VideoFrame): void => frame.memory?.release();
export const escapeFrame = (frame: VideoFrame): void => frame.memory?.escape();

/** Where a FrameBuilder gets its blocks. */
export interface FrameBlockSource {
  /** The usual block size; a frame that outgrows a block asks for more. */
  readonly blockBytes: number;
  take(minBytes: number): FrameBlock;
}

/**
 * One block of frame memory, shared by the frames built in it. It counts holds: the builder's
 * while it builds there, and one per retained frame. When the last hold goes and nobody escaped
 * a frame of it, the block goes back to its pool.
 */
export class FrameBlock implements FrameMemory {
  private holds = 1;
  private escaped = false;

  constructor(
    readonly bytes: Uint8Array,
    /** Undefined: an unpooled block, whose frames carry no FrameMemory. */
    readonly pool: FramePool | undefined,
  ) {}

  retain(): void {
    this.holds++;
  }

  release(): void {
    const holds = --this.holds;
    if (holds > 0) return;
    if (holds < 0) throw new Error('frame memory released more often than held');
    if (!this.escaped) this.pool?.recycle(this);
  }

  escape(): void {
    this.escaped = true;
  }

  /** Taken from the free list: held by the builder again. */
  reuse(): this {
    this.holds = 1;
    return this;
  }
}

/** Blocks nobody recycles: memory is left to the garbage collector, frames carry no FrameMemory. */
export function unpooledBlocks(
  allocate: (bytes: number) => Uint8Array = (n) => new Uint8Array(n),
  blockBytes = 256 * 1024,
): FrameBlockSource {
  return { blockBytes, take: (minBytes) => new FrameBlock(allocate(minBytes), undefined) };
}

export interface FramePoolOptions {
  blockBytes: number;
  /** Free blocks kept for reuse; more are left to the garbage collector. */
  maxFreeBlocks: number;
  /** Fill recycled blocks with this byte, so a frame used after its release shows (tests). */
  poison?: number;
}

/**
 * Frame memory that is reused instead of allocated anew. Cameras deliver tens of megabytes a
 * second; as fresh ArrayBuffers that is V8 "external memory", and it set off a full garbage
 * collection every two seconds at 64 cameras (docs/design/frame-memory.md). A block returns here
 * when every frame in it was released and none escaped. Blocks larger than blockBytes (a frame
 * bigger than a block) are never pooled.
 */
export class FramePool implements FrameBlockSource {
  private readonly free: FrameBlock[] = [];
  /** Blocks made and blocks reused (tests, benchmarks). */
  readonly stats = { allocated: 0, reused: 0 };

  constructor(
    private readonly allocate: (bytes: number) => Uint8Array,
    readonly options: FramePoolOptions,
  ) {}

  take(minBytes: number): FrameBlock {
    if (minBytes > this.options.blockBytes) return new FrameBlock(this.allocate(minBytes), undefined);
    const block = this.free.pop();
    if (block) {
      this.stats.reused++;
      return block.reuse();
    }
    this.stats.allocated++;
    return new FrameBlock(this.allocate(this.options.blockBytes), this);
  }

  get blockBytes(): number {
    return this.options.blockBytes;
  }

  get freeBlocks(): number {
    return this.free.length;
  }

  recycle(block: FrameBlock): void {
    if (this.options.poison !== undefined) block.bytes.fill(this.options.poison);
    if (this.free.length < this.options.maxFreeBlocks) this.free.push(block);
  }
}
