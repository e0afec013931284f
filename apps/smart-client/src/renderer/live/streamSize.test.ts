import { describe, expect, it } from 'vitest';
import type { CameraBody, LiveStream } from '@nightjar/ui';
import { cameraAspect, shouldReplaceStream, streamRequestSize } from './streamSize';

describe('streamRequestSize', () => {
  it('asks for the picture inside a letterboxed tile, in device pixels', () => {
    // A 2x2 tile at 1366×768: a 16:9 picture 544 wide fits a 640×360 sub-stream.
    expect(streamRequestSize(550, 330, 1, 16 / 9)).toEqual({ width: 544, height: 288 });
    // A tall tile: the width decides.
    expect(streamRequestSize(400, 600, 1, 16 / 9)).toEqual({ width: 384, height: 224 });
    expect(streamRequestSize(550, 330, 2, 16 / 9)).toEqual({ width: 1088, height: 608 });
  });

  it('uses the whole tile when the aspect is unknown, and steps down coarsely', () => {
    expect(streamRequestSize(1600, 900)).toEqual({ width: 1600, height: 896 });
    expect(streamRequestSize(300, 170)).toEqual(streamRequestSize(310, 175));
    expect(streamRequestSize(10, 10)).toEqual({ width: 32, height: 32 });
  });

  it('has no size while the tile is not laid out', () => {
    expect(streamRequestSize(0, 200)).toBeNull();
    expect(streamRequestSize(Number.NaN, 200)).toBeNull();
  });

  it('reads the aspect from the first stream that has a size', () => {
    const streams = [{ key: 'x', name: 'x', url: 'u' }, { key: 'sub', name: 's', url: 'u', width: 640, height: 480 }] as CameraBody['streams'];
    expect(cameraAspect({ streams })).toBeCloseTo(4 / 3);
    expect(cameraAspect({ streams: [] })).toBeUndefined();
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
