import { describe, expect, it } from 'vitest';
import { FrameBuilder } from './frameBuilder';
import { FramePool, escapeFrame, releaseFrame, retainFrame } from './framePool';
import type { FrameMemory, VideoFrame } from './types';

const POISON = 0xa5;

/** Frames of `size` bytes filled with their number, as the assembler hands them out. */
function framesFrom(builder: FrameBuilder, sizes: number[]): { data: Uint8Array; memory: FrameMemory | undefined }[] {
  return sizes.map((n, i) => {
    builder.append(new Uint8Array(n).fill(i + 1));
    const memory = builder.memory;
    memory?.retain(); // the producer's hold, kept here for the test's consumer
    return { data: builder.take(), memory };
  });
}

const frame = (f: { data: Uint8Array; memory: FrameMemory | undefined }): VideoFrame =>
  ({ time90k: 0, isKey: true, data: f.data, params: undefined as never, ...(f.memory ? { memory: f.memory } : {}) });

describe('FramePool', () => {
  it('recycles a block once the builder has moved on and every frame in it is released', () => {
    const pool = new FramePool((n) => new Uint8Array(n), { blockBytes: 100, maxFreeBlocks: 4, poison: POISON });
    const builder = new FrameBuilder(pool);
    const [a, b, c] = framesFrom(builder, [40, 40, 40]); // c does not fit: a second block
    expect(a!.memory).toBe(b!.memory);
    expect(c!.memory).not.toBe(a!.memory);
    expect(pool.freeBlocks).toBe(0);
    releaseFrame(frame(a!));
    expect(pool.freeBlocks).toBe(0); // b still holds the block
    expect([...b!.data]).toEqual(new Array(40).fill(2));
    releaseFrame(frame(b!));
    expect(pool.freeBlocks).toBe(1);
    expect(b!.data.every((x) => x === POISON)).toBe(true); // poisoned: a late reader would see it
    expect(c!.data.every((x) => x === 3)).toBe(true);
    // The next block the builder needs is the recycled one.
    framesFrom(builder, [70]);
    expect(pool.stats).toEqual({ allocated: 2, reused: 1 });
  });

  it('never recycles a block one of whose frames escaped', () => {
    const pool = new FramePool((n) => new Uint8Array(n), { blockBytes: 100, maxFreeBlocks: 4, poison: POISON });
    const builder = new FrameBuilder(pool);
    const [a, b] = framesFrom(builder, [60, 60]);
    escapeFrame(frame(a!));
    releaseFrame(frame(a!));
    expect(pool.freeBlocks).toBe(0);
    expect([...a!.data]).toEqual(new Array(60).fill(1));
    releaseFrame(frame(b!));
  });

  it('keeps a retained frame intact while others in its block are released', () => {
    const pool = new FramePool((n) => new Uint8Array(n), { blockBytes: 100, maxFreeBlocks: 4, poison: POISON });
    const builder = new FrameBuilder(pool);
    const [a, b] = framesFrom(builder, [30, 80]);
    const kept = frame(a!);
    retainFrame(kept); // a second consumer keeps it
    releaseFrame(kept);
    releaseFrame(frame(b!));
    expect(pool.freeBlocks).toBe(0);
    expect([...a!.data]).toEqual(new Array(30).fill(1));
    releaseFrame(kept);
    expect(pool.freeBlocks).toBe(1);
  });

  it('hands a frame larger than a block its own unpooled block, whose frames carry no memory', () => {
    const pool = new FramePool((n) => new Uint8Array(n), { blockBytes: 100, maxFreeBlocks: 4 });
    const builder = new FrameBuilder(pool);
    const [big] = framesFrom(builder, [150]);
    expect(big!.memory).toBeUndefined();
    expect(big!.data.length).toBe(150);
    expect(big!.data.every((x) => x === 1)).toBe(true);
  });

  it('keeps at most maxFreeBlocks free blocks', () => {
    const pool = new FramePool((n) => new Uint8Array(n), { blockBytes: 10, maxFreeBlocks: 2 });
    const builders = [0, 1, 2].map(() => new FrameBuilder(pool));
    const frames = builders.map((b) => framesFrom(b, [10, 10])[0]!);
    frames.forEach((f) => releaseFrame(frame(f)));
    expect(pool.freeBlocks).toBe(2);
  });

  it('refuses a release without a hold', () => {
    const pool = new FramePool((n) => new Uint8Array(n), { blockBytes: 100, maxFreeBlocks: 4 });
    const builder = new FrameBuilder(pool);
    const [a] = framesFrom(builder, [10]);
    framesFrom(builder, [95]); // the builder moves on and drops its hold
    releaseFrame(frame(a!));
    expect(() => releaseFrame(frame(a!))).toThrow(/released more often than held/);
  });
});
