import { describe, expect, it } from 'vitest';
import type { CameraBody } from '../../src/api/common/schemas';
import { TestSite, testCamera } from './siteFixture';

/** A site with one camera that has started recording in the default mode, 'always'. */
async function recordingCamera(): Promise<{ ts: TestSite; camera: CameraBody }> {
  const ts = await TestSite.open();
  const cam = await testCamera();
  const camera = await ts.addRtspCamera(cam.url);
  await ts.waitForEvent('recordingStarted', { cameraId: camera.id });
  await ts.waitForFramesWritten(camera.id, 25);
  return { ts, camera };
}

/** Switches the mode and waits until the recording in progress is stopped and sealed. */
async function switchOff(ts: TestSite, cameraId: string, policy: object): Promise<void> {
  const mark = ts.eventMark();
  const updated = await ts.patchCamera(cameraId, { policy });
  expect(updated.policy).toMatchObject(policy);
  await ts.waitForEvent('recordingStopped', { cameraId, after: mark });
  await ts.waitForSealed();
}

/** Frames keep arriving for `frames` more frames and none of them is written. */
async function expectNotRecording(ts: TestSite, cameraId: string, frames: number): Promise<void> {
  const before = await ts.status(cameraId);
  const after = await ts.waitForFrames(cameraId, frames);
  expect(after).toMatchObject({ recording: false, framesWritten: before.framesWritten, connection: { state: 'streaming' } });
}

const ms = (t90k: number) => t90k / 90;

describe('recording modes through updateCamera', () => {
  it("stops in mode 'never', and in mode 'manual' records from start to stop only", async () => {
    const { ts, camera } = await recordingCamera();
    await switchOff(ts, camera.id, { mode: 'never' });
    await expectNotRecording(ts, camera.id, 25);

    await ts.patchCamera(camera.id, { policy: { mode: 'manual', preBufferSeconds: 0 } });
    await expectNotRecording(ts, camera.id, 25);
    expect(ts.site.media.allRecordings()).toHaveLength(1);

    const mark = ts.eventMark();
    const startedAt = Date.now();
    const start = await ts.request<{ recording: boolean; until: string }>('POST', `/api/cameras/${camera.id}/manual-recording`);
    expect(start.status).toBe(200);
    expect(start.body.recording).toBe(true);
    // The camera's manual maximum (5 minutes by default) bounds it.
    expect(Date.parse(start.body.until) - startedAt).toBeGreaterThan(4.9 * 60_000);
    await ts.waitForEvent('recordingStarted', { cameraId: camera.id, after: mark });
    const during = await ts.waitForStatus(camera.id, (s) => s.recording && s.framesWritten > 0, 'manual recording');
    expect(during.manualUntil).toBe(start.body.until);
    await ts.waitForFrames(camera.id, 25);

    const stoppedAt = Date.now();
    const stop = await ts.request('DELETE', `/api/cameras/${camera.id}/manual-recording`);
    expect(stop).toMatchObject({ status: 200, body: { recording: false, until: null } });
    await ts.waitForEvent('recordingStopped', { cameraId: camera.id, after: mark });
    await ts.waitForSealed();
    expect((await ts.status(camera.id)).manualUntil).toBeNull();
    await expectNotRecording(ts, camera.id, 25);

    const [always, manual] = ts.site.media.allRecordings();
    expect(ts.site.media.allRecordings()).toHaveLength(2);
    // Even without a pre-buffer a recording starts at a key frame: the one that began the
    // current group of pictures, up to one GOP (1 s) before the request.
    expect(ms(manual!.start90k)).toBeGreaterThanOrEqual(startedAt - 1150);
    expect(ms(manual!.start90k)).toBeLessThanOrEqual(startedAt + 200);
    expect(ms(manual!.end90k!)).toBeGreaterThanOrEqual(stoppedAt - 100);
    expect(ms(manual!.end90k!)).toBeLessThanOrEqual(stoppedAt + 500);
    expect(manual!.runId).not.toBe(always!.runId);

    const spans = await ts.sequences(camera.id);
    expect(spans).toEqual([
      { start: Math.round(ms(always!.start90k)), end: Math.round(ms(always!.end90k!)) },
      { start: Math.round(ms(manual!.start90k)), end: Math.round(ms(manual!.end90k!)) },
    ]);
  });

  it("in mode 'event' records the pre-buffer, the event's duration and the post-buffer", async () => {
    const { ts, camera } = await recordingCamera();
    const preBufferSeconds = 2;
    await switchOff(ts, camera.id, { mode: 'event', preBufferSeconds, postBufferSeconds: 0 });
    const [always] = ts.site.media.allRecordings();
    // Fill the pre-buffer: its length plus one group of pictures.
    await expectNotRecording(ts, camera.id, (preBufferSeconds + 1) * 25);

    const mark = ts.eventMark();
    const before = Date.now();
    const trigger = await ts.request<{ recording: boolean; until: string }>('POST', `/api/cameras/${camera.id}/events`, { durationSeconds: 1 });
    const after = Date.now();
    expect(trigger.status).toBe(200);
    expect(Date.parse(trigger.body.until)).toBeGreaterThanOrEqual(before + 1000);
    expect(Date.parse(trigger.body.until)).toBeLessThanOrEqual(after + 1000);
    await ts.waitForEvent('recordingStarted', { cameraId: camera.id, after: mark });
    await ts.waitForEvent('recordingStopped', { cameraId: camera.id, after: mark });
    await ts.waitForSealed();
    await expectNotRecording(ts, camera.id, 10);

    // Only the event's span lies after the 'always' recording.
    const spans = await ts.sequences(camera.id, Math.ceil(ms(always!.end90k!)) + 1);
    expect(spans).toHaveLength(1);
    const { start, end } = spans[0]!;
    // Starts at the key frame at or before trigger - pre-buffer: up to one GOP (1 s) earlier.
    const slack = 150;
    expect(start).toBeGreaterThanOrEqual(before - preBufferSeconds * 1000 - 1000 - slack);
    expect(start).toBeLessThanOrEqual(after - preBufferSeconds * 1000 + slack);
    // Ends with the first frame after the event's duration (no post-buffer).
    expect(end).toBeGreaterThanOrEqual(before + 1000 - slack);
    expect(end).toBeLessThanOrEqual(after + 1000 + 500);
  });
});
