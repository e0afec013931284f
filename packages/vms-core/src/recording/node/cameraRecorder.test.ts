import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../base/common/clock';
import { MediaDb } from '../../media-db/node/mediaDb';
import { checkMediaDb } from '../../media-db/node/check';
import { SiteKeys } from '../../security/node/siteKeys';
import { syntheticFrames, syntheticParams, tempDir } from '../../../test/util/syntheticMedia';
import type { VideoFrame } from '../../media/common/types';
import { defaultRecordingPolicy } from '../common/recordingPolicy';
import type { RecordingPolicy } from '../common/recordingPolicy';
import { RecordingHolds } from '../common/recordingHolds';
import { CameraRecorder } from './cameraRecorder';

describe('CameraRecorder', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: MediaDb;
  let keys: SiteKeys;
  let clock: ManualClock;
  const storage = () => ({ id: 'live', root: join(dir.path, 'live') });

  beforeEach(() => {
    dir = tempDir();
    db = new MediaDb(join(dir.path, 'media.db'));
    keys = SiteKeys.loadOrCreate(join(dir.path, 'key.json'));
    clock = new ManualClock(Date.UTC(2026, 3, 1));
    mkdirSync(storage().root);
  });
  afterEach(() => {
    db.close();
    dir.dispose();
  });

  function recorder(policy: Partial<RecordingPolicy>) {
    return new CameraRecorder({ db, keys, clock }, 'cam1', 'main', { ...defaultRecordingPolicy, ...policy }, storage);
  }

  /** Feeds frames, moving the clock to each frame's time so mode decisions see real time. */
  function feed(r: CameraRecorder, frames: VideoFrame[]) {
    for (const f of frames) {
      const t = f.time90k / 90;
      if (t > clock.now()) clock.advance(t - clock.now());
      r.onFrame(f);
    }
  }

  const start90k = () => clock.now() * 90;
  const recs = () => db.allRecordings();

  it('records always, one recording a minute, contiguous in one run', async () => {
    const r = recorder({ mode: 'always' });
    feed(r, syntheticFrames({ count: 25 * 150, start90k: start90k() }));
    await r.close();
    const rows = recs();
    expect(rows.map((x) => x.frames)).toEqual([1500, 1500, 750]);
    expect(new Set(rows.map((x) => x.runId)).size).toBe(1);
    expect(rows[1]!.start90k).toBe(rows[0]!.end90k);
    expect((await checkMediaDb(db, keys, [storage()])).problems).toEqual([]);
    expect(r.status.framesWritten).toBe(25 * 150);
  });

  it('records nothing in mode never', async () => {
    const r = recorder({ mode: 'never' });
    feed(r, syntheticFrames({ count: 100, start90k: start90k() }));
    await r.close();
    expect(recs()).toEqual([]);
  });

  it("records for a rule's hold in a mode that would not record, from the hold's pre time until its post time after release", async () => {
    const holds = new RecordingHolds();
    const r = new CameraRecorder({ db, keys, clock, holds }, 'cam1', 'main', { ...defaultRecordingPolicy, mode: 'manual', preBufferSeconds: 5 }, storage);
    const s = start90k();
    const frames = syntheticFrames({ count: 25 * 20, start90k: s });
    feed(r, frames.slice(0, 25 * 10));
    holds.start('rule:a', 2);
    feed(r, frames.slice(25 * 10, 25 * 12));
    holds.release('rule:a', 3, clock.now());
    feed(r, frames.slice(25 * 12));
    await r.close();
    const rows = recs();
    expect(rows).toHaveLength(1);
    // The pre-buffer holds 5 s, the rule asked for 2: from the key frame at 10 s - 2 s; released at 12 s, plus 3 s.
    expect((rows[0]!.start90k - s) / 90_000).toBe(8);
    expect((rows[0]!.end90k! - s) / 90_000).toBeCloseTo(15, 1);
  });

  it('records nothing by itself in modes motion, event and manual: motion and requests come as holds (the default rules)', async () => {
    for (const mode of ['motion', 'event', 'manual'] as const) {
      const r = recorder({ mode, preBufferSeconds: 2, postBufferSeconds: 3 });
      r.setMotion(true);
      feed(r, syntheticFrames({ count: 25 * 10, start90k: start90k() }));
      expect(r.status).toMatchObject({ recording: false, motion: true });
      await r.close();
    }
    expect(recs()).toEqual([]);
  });

  it("records motion as the Record on motion rule asks: the camera's pre-buffer, until its post-buffer after release", async () => {
    const holds = new RecordingHolds();
    const r = new CameraRecorder({ db, keys, clock, holds }, 'cam1', 'main', { ...defaultRecordingPolicy, mode: 'motion', preBufferSeconds: 2, postBufferSeconds: 3 }, storage);
    const s = start90k();
    const frames = syntheticFrames({ count: 25 * 30, start90k: s });
    feed(r, frames.slice(0, 25 * 5));
    holds.start('rule:motion:camera:cam1:', 2);
    feed(r, frames.slice(25 * 5, 25 * 8));
    holds.release('rule:motion:camera:cam1:', 3, clock.now());
    feed(r, frames.slice(25 * 8));
    await r.close();
    const [rec] = recs();
    expect((rec!.start90k - s) / 90_000).toBe(3);
    expect((rec!.end90k! - s) / 90_000).toBeCloseTo(11, 1);
  });

  it('keeps key frames only, and thins to a frame-rate limit', async () => {
    const a = recorder({ mode: 'always', keyFramesOnly: true });
    feed(a, syntheticFrames({ count: 250, start90k: start90k() }));
    await a.close();
    expect(recs().map((x) => [x.frames, x.keyFrames])).toEqual([[10, 10]]);
    db.forgetRecordings(recs().map((x) => x.id));
    // Key frames every 5 frames at 25 fps, limit 5 fps: exactly the key frames survive.
    const b = recorder({ mode: 'always', maxFps: 5 });
    feed(b, syntheticFrames({ count: 250, start90k: start90k(), gop: 5 }));
    await b.close();
    expect(recs().map((x) => x.frames)).toEqual([50]);
  });

  it('keeps one run when keyframes-only leaves seconds between kept frames', async () => {
    const r = recorder({ mode: 'always', keyFramesOnly: true });
    feed(r, syntheticFrames({ count: 25 * 50, start90k: start90k(), gop: 25 * 6 })); // a key frame every 6 s
    await r.close();
    const rows = recs();
    expect(new Set(rows.map((x) => x.runId)).size).toBe(1);
    expect(rows.reduce((n, x) => n + x.frames, 0)).toBe(9);
  });

  it('starts a new recording at a resolution change and a new run after a gap', async () => {
    const r = recorder({ mode: 'always' });
    const s = start90k();
    feed(r, syntheticFrames({ count: 50, start90k: s }));
    feed(r, syntheticFrames({ count: 50, start90k: s + 2 * 90_000, params: syntheticParams(2) }));
    feed(r, syntheticFrames({ count: 50, start90k: s + 60 * 90_000, params: syntheticParams(2) }));
    await r.close();
    const rows = recs();
    expect(rows.map((x) => x.frames)).toEqual([50, 50, 50]);
    expect(rows[0]!.videoParamsId).not.toBe(rows[1]!.videoParamsId);
    expect(rows[0]!.runId).toBe(rows[1]!.runId);
    expect(rows[2]!.runId).not.toBe(rows[1]!.runId);
  });
});
