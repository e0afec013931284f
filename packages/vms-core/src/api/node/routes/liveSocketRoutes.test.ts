import { describe, expect, it } from 'vitest';
import { transcodeSize } from './liveSocketRoutes';

describe('transcodeSize', () => {
  it('snaps any requested width to a few sizes at the stream aspect, so transcodes stay few', () => {
    const hd = { width: 1920, height: 1080 };
    expect(transcodeSize(333, hd)).toEqual({ width: 320, height: 180 });
    expect(transcodeSize(700, hd)).toEqual({ width: 640, height: 360 });
    expect(transcodeSize(99999, hd)).toEqual({ width: 1920, height: 1080 });
    expect(transcodeSize(640, { width: 320, height: 240 })).toEqual({ width: 640, height: 480 });
    const sizes = new Set(Array.from({ length: 2000 }, (_, i) => JSON.stringify(transcodeSize(i + 1, hd))));
    expect(sizes.size).toBe(6);
  });
});
