import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isVmsError } from '../../base/common/errors';
import type { RecordedFixture } from './recordedFixture';
import { createRecordedFixture, FIRST_RECORDING_FRAMES, GAP_90K, SECOND, START } from './recordedFixture';
import type { ReadItem } from './recordingReader';
import { RecordingReader } from './recordingReader';
import { FRAME_90K } from './testClips';

describe('RecordingReader', () => {
  let fx: RecordedFixture;
  beforeAll(async () => {
    fx = await createRecordedFixture();
  });
  afterAll(() => fx.dispose());

  const collect = async (it: AsyncIterable<ReadItem>) => {
    const out: ReadItem[] = [];
    for await (const item of it) out.push(item);
    return out;
  };
  const openFds = () => readdirSync('/proc/self/fd').length;

  describe.each(['h264', 'h264Encrypted', 'h265'] as const)('%s', (name) => {
    it('returns the frames of a range from the key frame before it, with the gap between recordings', async () => {
      const cam = fx.cameras[name];
      const from = START + 1.3 * SECOND;
      const to = START + 7.5 * SECOND;
      const items = await collect(fx.reader.readRange(cam.cameraId, from, to));
      // Key frames every 25 frames: frame 25 (1.0 s) is the one before 1.3 s.
      const expected = cam.frames.filter((f, i) => i >= 25 && f.time90k < to);
      const frames = items.filter((i) => i.kind === 'frame');
      expect(frames).toHaveLength(expected.length);
      expect(frames.map((f) => f.time90k)).toEqual(expected.map((f) => f.time90k));
      frames.forEach((f, i) => expect(Buffer.from(f.data).equals(Buffer.from(expected[i]!.data))).toBe(true));
      expect(frames[0]!.isKey).toBe(true);
      expect(frames.map((f) => f.isKey)).toEqual(expected.map((f) => f.isKey));
      expect(frames[0]!.params).toMatchObject({ codec: cam.codec, width: 320, height: 240 });
      // The gap item sits between the last frame of the first recording and the first of the second.
      const gapAt = items.findIndex((i) => i.kind === 'gap');
      expect(gapAt).toBe(FIRST_RECORDING_FRAMES - 25);
      expect(items[gapAt]).toEqual({ kind: 'gap', start90k: START + 2 * SECOND, end90k: START + 2 * SECOND + GAP_90K });
      // The frame before the gap lasts until the next frame, so timelines built from durations stay true.
      const before = items[gapAt - 1]!;
      expect(before.kind === 'frame' && before.duration90k).toBe(FRAME_90K + GAP_90K);
    });

    it('frameAt gives the key frame before t and the frames up to t; nothing inside a gap', async () => {
      const cam = fx.cameras[name];
      const frames = await fx.reader.frameAt(cam.cameraId, START + 1.5 * SECOND);
      expect(frames.map((f) => f.time90k)).toEqual(cam.frames.slice(25, 38).map((f) => f.time90k));
      expect(frames[0]!.isKey).toBe(true);
      expect(await fx.reader.frameAt(cam.cameraId, START + 4 * SECOND)).toEqual([]);
    });
  });

  it('plans totals from the index and reports leading and trailing gaps', async () => {
    const plan = await fx.reader.plan('cam-h264', START - SECOND, START + 20 * SECOND);
    expect(plan.frames).toBe(75);
    expect(plan.gaps.map((g) => [g.start90k - START, g.end90k - START])).toEqual([
      [-SECOND, 0], [2 * SECOND, 7 * SECOND], [8 * SECOND, 20 * SECOND],
    ]);
    expect(plan.start90k).toBe(START);
    expect(plan.sampleBytes).toBe(fx.cameras.h264.frames.reduce((n, f) => n + f.data.length, 0));
    const empty = await fx.reader.plan('nobody', START, START + SECOND);
    expect(empty).toMatchObject({ frames: 0, gaps: [{ start90k: START, end90k: START + SECOND }] });
  });

  it('closes its file handle when the caller stops early', async () => {
    const before = openFds();
    for await (const item of fx.reader.readRange('cam-h264-enc', START, START + 10 * SECOND)) {
      expect(item.kind).toBe('frame');
      expect(openFds()).toBe(before + 1);
      break;
    }
    expect(openFds()).toBe(before);
  });

  it('fails on an encrypted recording when its storage has no key', async () => {
    const reader = new RecordingReader({
      db: fx.db, storages: fx.storages.map((s) => ({ id: s.id, root: s.root })),
    });
    const error = await collect(reader.readRange('cam-h264-enc', START, START + SECOND)).catch((e: unknown) => e);
    expect(isVmsError(error, 'VMS_ERR_STORAGE_IO')).toBe(true);
  });
});
