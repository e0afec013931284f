import { describe, expect, it } from 'vitest';
import { FrameSlab } from './frameSlab';

describe('FrameSlab', () => {
  it('copies frames into shared blocks, each frame keeping its own bytes', () => {
    const slab = new FrameSlab(100, 40);
    const source = new Uint8Array(40);
    const frames = [10, 30, 40, 25, 5].map((n, i) => {
      source.fill(i + 1, 0, n);
      return slab.copy(source.subarray(0, n));
    });
    source.fill(0xff);
    frames.forEach((f, i) => expect([...f]).toEqual(new Array(f.length).fill(i + 1)));
    // 10 + 30 + 40 fill the first block; 25 does not fit in what is left and starts the second.
    expect(frames[1]!.buffer).toBe(frames[0]!.buffer);
    expect(frames[2]!.buffer).toBe(frames[0]!.buffer);
    expect(frames[3]!.buffer).not.toBe(frames[0]!.buffer);
    expect(frames[4]!.buffer).toBe(frames[3]!.buffer);
  });

  it('gives a frame larger than the limit its own memory', () => {
    const slab = new FrameSlab(100, 40);
    const small = slab.copy(new Uint8Array(10));
    const big = slab.copy(new Uint8Array(41).fill(7));
    expect(big.buffer).not.toBe(small.buffer);
    expect(big.byteOffset).toBe(0);
    expect(big.buffer.byteLength).toBe(41);
  });
});
