import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../base/common/clock';
import type { Event } from '../../base/common/event';
import type { Region } from '../../management/common/camera';
import { AccessUnitAssembler } from '../../media/common/accessUnitAssembler';
import { splitAnnexB } from '../../media/common/annexB';
import type { VideoCodec, VideoFrame } from '../../media/common/types';
import { tempDir } from '../../../test/util/syntheticMedia';
import type { MotionChange } from '../common/motionAnalysis';
import { MotionDetector } from './motionDetector';
import type { MotionDetectorOptions } from './motionDetector';

const FFMPEG = '/usr/bin/ffmpeg';
const START = 1_000_000 * 90_000;
const FPS = 25;

/**
 * 8 s of black at 320x180; from second 2 to 4 a white 60x60 box moves right at 60 px/s,
 * then the picture is still again. A key frame every 10 frames (0.4 s), no B-frames.
 */
async function makeClip(dir: string, codec: VideoCodec): Promise<VideoFrame[]> {
  const file = join(dir, `clip.${codec}`);
  const encoder = codec === 'h264'
    ? ['-c:v', 'libx264', '-g', '10', '-bf', '0', '-f', 'h264']
    : ['-c:v', 'libx265', '-x265-params', 'keyint=10:min-keyint=10:bframes=0:log-level=error', '-f', 'hevc'];
  await promisify(execFile)(FFMPEG, [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `color=black:s=320x180:r=${FPS}:d=8`,
    '-f', 'lavfi', '-i', `color=white:s=60x60:r=${FPS}`,
    '-filter_complex', "[0][1]overlay=x='40+(t-2)*60':y=60:enable='between(t,2,4)':shortest=1",
    '-pix_fmt', 'yuv420p', ...encoder, file,
  ]);
  const frames: VideoFrame[] = [];
  const assembler = new AccessUnitAssembler(codec, (f) => frames.push(f), { splitOnTimestamp: false });
  for (const nal of splitAnnexB(await readFile(file))) assembler.push(nal, 0);
  assembler.end();
  // Synthetic wall times: the elementary stream carries none.
  return frames.map((f, i) => ({ ...f, time90k: START + (i * 90_000) / FPS }));
}

const seconds = (t90k: number) => (t90k - START) / 90_000;

function next<T>(event: Event<T>): Promise<T> {
  return new Promise((resolve) => {
    const sub = event((v) => {
      sub.dispose();
      resolve(v);
    });
  });
}

let dir: { path: string; dispose(): void };
let h264: VideoFrame[];
let h265: VideoFrame[];
const detectors: MotionDetector[] = [];

beforeAll(async () => {
  dir = tempDir('nightjar-motion-');
  [h264, h265] = await Promise.all([makeClip(dir.path, 'h264'), makeClip(dir.path, 'h265')]);
});
afterAll(() => dir.dispose());
afterEach(async () => {
  await Promise.all(detectors.splice(0).map((d) => d.dispose()));
});

function detector(settings: Partial<MotionDetectorOptions['settings']>, clock = new ManualClock()) {
  const d = new MotionDetector({
    settings: { sensitivity: 60, exclusions: [], keyFramesOnly: true, ...settings },
    clock,
    ffmpegPath: FFMPEG,
  });
  detectors.push(d);
  const changes: MotionChange[] = [];
  d.onDidChangeMotion((c) => changes.push(c));
  return { d, changes };
}

/** Feeds like a live camera would: never more than two frames ahead of the decoder. */
async function feed(d: MotionDetector, frames: VideoFrame[]): Promise<void> {
  for (const f of frames) {
    d.push(f);
    // ffmpeg 5.1 holds the newest one or two pictures back until more input arrives, so
    // never wait for those. Re-checked after every picture: one stdout chunk may carry several.
    while (d.pending >= 3) await next(d.onDidAnalyze);
  }
}

describe('MotionDetector (real ffmpeg)', () => {
  it.each([
    ['key frames only', true],
    ['all frames', false],
  ])('finds the moving box and nothing in the still parts (%s)', async (_name, keyFramesOnly) => {
    const { d, changes } = detector({ keyFramesOnly });
    await feed(d, h264);
    expect(changes.map((c) => c.active)).toEqual([true, false]);
    expect(seconds(changes[0]!.time90k)).toBeGreaterThanOrEqual(2);
    expect(seconds(changes[0]!.time90k)).toBeLessThanOrEqual(2.1);
    expect(seconds(changes[1]!.time90k)).toBeGreaterThanOrEqual(4);
    expect(seconds(changes[1]!.time90k)).toBeLessThanOrEqual(5);
    expect(d.stats.fed).toBe(keyFramesOnly ? 20 : 200);
    expect(d.stats.dropped).toBe(0);
  });

  it('an exclusion rectangle over the box path suppresses it', async () => {
    const exclusions: Region[] = [{ x: 0.1, y: 0.3, width: 0.65, height: 0.42 }];
    const { d, changes } = detector({ sensitivity: 100, exclusions, keyFramesOnly: false });
    await feed(d, h264);
    // ffmpeg holds the last picture or two back; everything before them was analysed.
    expect(d.stats.decoded).toBeGreaterThanOrEqual(d.stats.fed - 2);
    expect(changes).toEqual([]);
  });

  it('decodes H.265 and restarts ffmpeg when the codec changes', async () => {
    const { d, changes } = detector({ keyFramesOnly: true });
    await feed(d, h264.slice(0, 40));
    const first = d.processId!;
    const shifted = h265.map((f) => ({ ...f, time90k: f.time90k + 10 * 90_000 }));
    await feed(d, shifted);
    expect(d.stats.starts).toBe(2);
    expect(d.processId).not.toBe(first);
    expect(changes.map((c) => c.active)).toEqual([true, false]);
    expect(seconds(changes[0]!.time90k)).toBeCloseTo(12, 0);
  });

  it('drops input instead of queueing when ffmpeg falls behind', async () => {
    const { d } = detector({ keyFramesOnly: false });
    for (const f of h264) d.push(f);
    expect(d.stats.fed).toBe(4);
    expect(d.stats.dropped).toBe(196);
  });

  it('restarts after ffmpeg dies, after a back-off, and leaves no process behind', async () => {
    const clock = new ManualClock();
    const { d } = detector({ keyFramesOnly: true }, clock);
    await feed(d, h264.slice(0, 30));
    const pid = d.processId!;
    process.kill(pid, 'SIGKILL');
    await vi.waitFor(() => expect(d.processId).toBeUndefined());
    d.push(h264[30]!);
    expect(d.stats.starts).toBe(1); // still backing off
    clock.advance(1_000);
    await feed(d, h264.slice(40, 80));
    expect(d.stats.starts).toBe(2);
    const second = d.processId!;
    await d.dispose();
    for (const p of [pid, second]) expect(() => process.kill(p, 0)).toThrow(/ESRCH/);
  });

  it('starts no decoder at sensitivity 0', async () => {
    const { d } = detector({ sensitivity: 0 });
    await feed(d, h264);
    expect(d.stats.starts).toBe(0);
    expect(d.processId).toBeUndefined();
  });
});
