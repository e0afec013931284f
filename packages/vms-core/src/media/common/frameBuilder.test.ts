import { describe, expect, it } from 'vitest';
import { FrameBuilder } from './frameBuilder';
import { unpooledBlocks } from './framePool';

const blocksOf = (bytes: number, allocate?: (n: number) => Uint8Array) => unpooledBlocks(allocate, bytes);

describe('FrameBuilder', () => {
  it('builds frames in shared blocks, each frame keeping its own bytes', () => {
    const builder = new FrameBuilder(blocksOf(100));
    const frames = [10, 30, 40, 25, 5].map((n, i) => {
      builder.append(new Uint8Array(n).fill(i + 1));
      expect(builder.length).toBe(n);
      return builder.take();
    });
    frames.forEach((f, i) => expect([...f]).toEqual(new Array(f.length).fill(i + 1)));
    // 10 + 30 + 40 fill the first block; 25 does not fit in what is left and starts the second.
    expect(frames[1]!.buffer).toBe(frames[0]!.buffer);
    expect(frames[2]!.buffer).toBe(frames[0]!.buffer);
    expect(frames[3]!.buffer).not.toBe(frames[0]!.buffer);
    expect(frames[4]!.buffer).toBe(frames[3]!.buffer);
  });

  it('moves a frame that outgrows its block, with what it had, and leaves earlier frames alone', () => {
    const builder = new FrameBuilder(blocksOf(64));
    builder.append(new Uint8Array(50).fill(1));
    const first = builder.take();
    builder.appendUint32(0x01020304);
    builder.append(new Uint8Array(6).fill(2));
    builder.append(new Uint8Array(100).fill(3)); // outgrows a block: moves to one of 2 × 110
    const second = builder.take();
    expect([...first]).toEqual(new Array(50).fill(1));
    expect([...second.subarray(0, 10)]).toEqual([1, 2, 3, 4, 2, 2, 2, 2, 2, 2]);
    expect(second.subarray(10).every((b) => b === 3)).toBe(true);
    expect(second.length).toBe(110);
    expect(second.buffer).not.toBe(first.buffer);
    expect(second.buffer.byteLength).toBe(220);
  });

  it('discards the frame being built', () => {
    const builder = new FrameBuilder(blocksOf(100));
    builder.append(new Uint8Array([1, 2, 3]));
    builder.discard();
    expect(builder.length).toBe(0);
    builder.append(new Uint8Array([9]));
    expect([...builder.take()]).toEqual([9]);
  });

  it('hands out only appended bytes when its memory comes dirty (not zero-filled)', () => {
    const dirty = (n: number) => new Uint8Array(n).fill(0xee);
    const builder = new FrameBuilder(blocksOf(16, dirty));
    const frames = [5, 12, 30, 3].map((n, i) => {
      builder.appendUint32(n);
      builder.append(new Uint8Array(n).fill(i));
      return builder.take();
    });
    frames.forEach((f, i) => {
      const n = f.length - 4;
      expect(new DataView(f.buffer, f.byteOffset, 4).getUint32(0)).toBe(n);
      expect(f.subarray(4).every((b) => b === i)).toBe(true);
    });
  });
});
