import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { startTestCamera } from './testCamera';
import { TIMECODE_BITS, TIMECODE_SAMPLE_Y, decodeTimecode, timecodeSampleXs } from './timecode';

/** One decoded picture of an RTSP stream as 8-bit luma, through ffmpeg (an independent decoder). */
async function grabLuma(url: string, width: number, height: number): Promise<{ luma: Buffer; before: number; after: number }> {
  const before = Date.now();
  const ffmpeg = spawn('ffmpeg', ['-v', 'error', '-rtsp_transport', 'tcp', '-i', url, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'gray', '-'],
    { stdio: ['ignore', 'pipe', 'pipe'] });
  const chunks: Buffer[] = [];
  ffmpeg.stdout.on('data', (d: Buffer) => chunks.push(d));
  const [code] = (await once(ffmpeg, 'exit')) as [number | null];
  expect(code).toBe(0);
  const luma = Buffer.concat(chunks);
  expect(luma.length).toBe(width * height);
  return { luma, before, after: Date.now() };
}

describe('timecode band', () => {
  it('decodes bits least significant first and rejects grey samples', () => {
    const tenths = 17_952_754_992;
    const luma = Array.from({ length: TIMECODE_BITS }, (_, b) => (Math.floor(tenths / 2 ** b) % 2 ? 235 : 16));
    expect(decodeTimecode(luma)).toBe(tenths * 100);
    expect(decodeTimecode(luma.map((y, i) => (i === 7 ? 128 : y)))).toBeNull();
    expect(decodeTimecode(luma.slice(1))).toBeNull();
  });

  it('a timecode camera burns in the wall clock a real decoder reads back', async () => {
    const camera = await startTestCamera({ width: 320, height: 240, timecode: true });
    try {
      const { luma, before, after } = await grabLuma(camera.url, 320, 240);
      const samples = timecodeSampleXs(320).map((x) => luma[TIMECODE_SAMPLE_Y * 320 + x]!);
      const at = decodeTimecode(samples);
      expect(at).not.toBeNull();
      // The picture was made while ffmpeg connected and read it (tenths of a second, so -100 ms).
      expect(at!).toBeGreaterThanOrEqual(before - 100);
      expect(at!).toBeLessThanOrEqual(after);
    } finally {
      await camera.stop();
    }
  }, 30_000);
});
