import { describe, expect, it } from 'vitest';
import type { LiveStream } from '@nightjar/ui';
import { shouldReplaceStream, streamRequestSize } from './streamSize';

describe('streamRequestSize', () => {
  it('rounds device pixels up to the next step', () => {
    expect(streamRequestSize(400, 225)).toEqual({ width: 480, height: 320 });
    expect(streamRequestSize(400, 225, 2)).toEqual({ width: 960, height: 480 });
    expect(streamRequestSize(1600, 900)).toEqual({ width: 1920, height: 960 });
  });

  it('asks the same size for small resizes, and caps at 4K', () => {
    expect(streamRequestSize(300, 170)).toEqual(streamRequestSize(310, 175));
    expect(streamRequestSize(9000, 5000)).toEqual({ width: 3840, height: 3840 });
  });

  it('has no size while the tile is not laid out', () => {
    expect(streamRequestSize(0, 200)).toBeNull();
    expect(streamRequestSize(Number.NaN, 200)).toBeNull();
  });
});

describe('shouldReplaceStream', () => {
  const body = (cameraId: string, streamKey: string, token: string) => ({ cameraId, streamKey, token }) as LiveStream;

  it('keeps the player when only the token changed', () => {
    expect(shouldReplaceStream(body('a', 'sub', 't1'), body('a', 'sub', 't2'), false)).toBe(false);
  });

  it('replaces on another stream, another camera, the first answer, or a renewal', () => {
    expect(shouldReplaceStream(body('a', 'sub', 't1'), body('a', 'main', 't2'), false)).toBe(true);
    expect(shouldReplaceStream(body('a', 'sub', 't1'), body('b', 'sub', 't2'), false)).toBe(true);
    expect(shouldReplaceStream(undefined, body('a', 'sub', 't1'), false)).toBe(true);
    expect(shouldReplaceStream(body('a', 'sub', 't1'), body('a', 'sub', 't2'), true)).toBe(true);
  });
});
