import { describe, expect, it } from 'vitest';
import { isVmsError } from '../../../base/common/errors';
import type { VideoFrame } from '../../../media/common/types';
import { openSimulatedSession, parseSimulatedUrl } from './openSimulatedStream';
import { probeSimulated } from './probeSimulated';

describe('simulated camera', () => {
  it('yields 25 fps of 1280x720 H.264 with a key frame every second', async () => {
    const session = await openSimulatedSession({ url: 'sim://demo', signal: new AbortController().signal });
    try {
      const frames = await new Promise<VideoFrame[]>((resolve, reject) => {
        const got: VideoFrame[] = [];
        session.onFrame((f) => {
          got.push(f);
          if (got.length === 60) resolve(got);
        });
        void session.closed.then((e) => reject(e ?? new Error('closed')));
      });
      expect(frames[0]!.isKey).toBe(true);
      expect(frames[0]!.params).toMatchObject({ codec: 'h264', width: 1280, height: 720 });
      expect(new Set(frames.map((f) => f.params)).size).toBe(1);
      const keys = frames.flatMap((f, i) => (f.isKey ? [i] : []));
      expect(keys).toEqual([0, 25, 50]);
      for (let i = 1; i < frames.length; i++) expect(frames[i]!.time90k).toBeGreaterThan(frames[i - 1]!.time90k);
      // Stamped on arrival, paced in real time: after the start-up burst, 25 frames take about a second.
      const second = (frames[59]!.time90k - frames[34]!.time90k) / 90_000;
      expect(second).toBeGreaterThan(0.8);
      expect(second).toBeLessThan(1.2);
      expect(Math.abs(frames.at(-1)!.time90k / 90 - Date.now())).toBeLessThan(100);
    } finally {
      session.dispose();
    }
    expect(await session.closed).toBeUndefined();
  });

  it('honours size and rate in the URL', async () => {
    const session = await openSimulatedSession({ url: 'sim://demo?width=320&height=180&fps=10', signal: new AbortController().signal });
    try {
      const frame = await new Promise<VideoFrame>((resolve) => session.onFrame(resolve));
      expect(frame.params).toMatchObject({ width: 320, height: 180 });
    } finally {
      session.dispose();
    }
  });

  it('reports a missing ffmpeg as unreachable and bad URLs as bad input', async () => {
    await expect(openSimulatedSession({ url: 'sim://demo', signal: new AbortController().signal, ffmpegPath: '/nonexistent/ffmpeg' })).rejects.toSatisfy((e) =>
      isVmsError(e, 'VMS_ERR_DEVICE_UNREACHABLE'),
    );
    expect(() => parseSimulatedUrl('sim://demo?width=13')).toThrow(expect.objectContaining({ code: 'VMS_ERR_BAD_INPUT' }));
  });

  it('describes main and sub streams', () => {
    const info = probeSimulated('sim://demo');
    expect(info.cameras[0]!.streams.map((s) => [s.key, s.width, s.height])).toEqual([['main', 1280, 720], ['sub', 640, 360]]);
    expect(parseSimulatedUrl(info.cameras[0]!.streams[1]!.url)).toEqual({ width: 640, height: 360, fps: 25 });
  });
});
