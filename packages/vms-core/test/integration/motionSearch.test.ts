import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { MotionSearchResultBody } from '../../src/api/common/motionSearchSchemas';
import { tempDir } from '../util/syntheticMedia';
import { TestSite, cleanup, testCamera } from './siteFixture';
import type { ErrorReply } from './siteFixture';

/**
 * 30 s of black at 320x180 with a white 30x30 box wandering in the top-left quarter only
 * (x 10..140, y 20..70 of 160x90), a key frame every 0.4 s so key-frame analysis samples often.
 */
async function wanderingBoxClip(): Promise<string> {
  const dir = tempDir('nightjar-motion-search-');
  cleanup(() => dir.dispose());
  const file = join(dir.path, 'box.mp4');
  await promisify(execFile)('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', 'color=black:s=320x180:r=25:d=30',
    '-f', 'lavfi', '-i', 'color=white:s=30x30:r=25',
    '-filter_complex', "[0][1]overlay=x='10+50*(1+sin(2*t))':y='20+10*(1+sin(3*t))':shortest=1",
    '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-bf', '0', '-g', '10', '-keyint_min', '10', '-sc_threshold', '0',
    '-movflags', '+faststart', file,
  ]);
  return file;
}

describe('smart motion search', () => {
  it('finds motion in the region where something moved and none in a still region', async () => {
    const ts = await TestSite.open();
    const cam = await testCamera({ file: await wanderingBoxClip() });
    const started = Date.now();
    const camera = await ts.addRtspCamera(cam.url);
    const mark = ts.eventMark();
    await ts.patchCamera(camera.id, { motion: { enabled: true, sensitivity: 80 } });
    await ts.waitForEvent('motionStarted', { cameraId: camera.id, after: mark, timeoutMs: 15_000 });
    // A few more seconds of the box moving, then stop the camera: its pipeline stores the last grid chunk.
    await ts.waitForFrames(camera.id, 100, 15_000);
    await ts.patchCamera(camera.id, { enabled: false });
    await ts.waitForSealed();
    const ended = Date.now();

    const search = (region: object, extra: object = {}) => ts.request<MotionSearchResultBody & ErrorReply>('POST', '/api/search/motion', {
      cameraIds: [camera.id], from: new Date(started - 60_000).toISOString(), to: new Date(ended + 60_000).toISOString(), region, ...extra,
    });
    const moving = await search({ x: 0, y: 0, width: 0.5, height: 0.5 });
    expect(moving.status, JSON.stringify(moving.body)).toBe(200);
    expect(moving.body.hits.length).toBeGreaterThan(0);
    expect(moving.body).toMatchObject({ skippedCameraIds: [], truncated: false });
    for (const hit of moving.body.hits) {
      expect(hit.cameraId).toBe(camera.id);
      expect(Date.parse(hit.start)).toBeGreaterThanOrEqual(started);
      expect(Date.parse(hit.end)).toBeGreaterThan(Date.parse(hit.start));
      expect(Date.parse(hit.start)).toBeLessThanOrEqual(ended);
      expect(hit.cells).toBeGreaterThan(0);
    }
    // The box kept moving, so its samples (every 0.4 s) merge into few spans with many frames.
    expect(moving.body.hits.reduce((n, h) => n + h.frames, 0)).toBeGreaterThan(moving.body.hits.length);

    expect((await search({ x: 0.55, y: 0.55, width: 0.45, height: 0.45 })).body.hits).toEqual([]);
    expect((await search({ x: 0.6, y: 0, width: 0.4, height: 1 })).body.hits).toEqual([]);
    // A 30-pixel box changes a handful of cells per frame, never 40.
    expect((await search({ x: 0, y: 0, width: 0.5, height: 0.5 }, { minCells: 40 })).body.hits).toEqual([]);
    const limited = await search({ x: 0, y: 0, width: 1, height: 1 }, { limit: 1 });
    expect(limited.body.hits).toHaveLength(1);
    expect(limited.body.hits[0]!.start).toBe(moving.body.hits[0]!.start);
  }, 60_000);

  it('answers unusable searches with 400 and unknown cameras with 404', async () => {
    const ts = await TestSite.open();
    const now = Date.now();
    const body = { cameraIds: ['nope'], from: new Date(now - 60_000).toISOString(), to: new Date(now).toISOString(), region: { x: 0, y: 0, width: 1, height: 1 } };
    const missing = await ts.request<ErrorReply>('POST', '/api/search/motion', body);
    expect(missing.status).toBe(404);
    for (const [patch, message] of [
      [{ region: { x: 0.5, y: 0, width: 0.6, height: 1 } }, /inside the picture/],
      [{ region: { x: 0.5, y: 0, width: 0, height: 1 } }, /positive width/],
      [{ to: body.from }, /after "from"/],
      [{ from: new Date(now - 40 * 24 * 3600_000).toISOString() }, /at most 31 days/],
      [{ cameraIds: [] }, /cameraIds/],
    ] as const) {
      const res = await ts.request<ErrorReply>('POST', '/api/search/motion', { ...body, ...patch });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body).toMatchObject({ code: 'VMS_ERR_BAD_INPUT', message: expect.stringMatching(message) });
    }
  });
});
