import { describe, expect, it } from 'vitest';
import { TestSite, cleanup, testCamera } from './siteFixture';
import { startTestCamera } from '../harness/testCamera';

describe('connection loss', () => {
  it('reports a lost camera, reconnects soon after it is back, and leaves a gap on the timeline', async () => {
    const ts = await TestSite.open();
    const cam = await testCamera();
    const camera = await ts.addRtspCamera(cam.url);
    await ts.waitForEvent('recordingStarted', { cameraId: camera.id });
    await ts.waitForFramesWritten(camera.id, 25);

    const beforeStop = ts.eventMark();
    await cam.stop();
    const lost = await ts.waitForEvent('connectionLost', { cameraId: camera.id, after: beforeStop });
    expect(lost.severity).toBe('error');
    const down = await ts.status(camera.id);
    expect(down).toMatchObject({ recording: false, connection: { state: 'lost', error: { code: expect.stringMatching(/^VMS_ERR_/) } } });
    await ts.waitForEvent('recordingStopped', { cameraId: camera.id, after: beforeStop });

    // The first retry comes within a second of the loss.
    await ts.waitForStatus(camera.id, (s) => (s.connection?.attempts ?? 0) >= 2, 'a first reconnect attempt', 3000);
    expect(Date.now() - lost.at).toBeLessThan(1300);
    expect((await ts.status(camera.id)).connection?.state).toBe('lost');

    await cam.restart();
    const backAt = Date.now();
    const restored = await ts.waitForEvent('connectionRestored', { cameraId: camera.id, after: lost.id });
    expect(restored.at - backAt).toBeLessThan(2500);
    await ts.waitForEvent('recordingStarted', { cameraId: camera.id, after: restored.id });
    const up = await ts.waitForStatus(camera.id, (s) => s.recording && s.connection?.state === 'streaming', 'recording again');
    expect(up.connection?.error).toBeUndefined();
    await ts.waitForFrames(camera.id, 25);

    const spans = await ts.sequences(camera.id);
    expect(spans).toHaveLength(2);
    const [before, after] = spans as [{ start: number; end: number }, { start: number; end: number }];
    // The first span ends with the last frame before the loss (plus that frame's duration).
    expect(before.end).toBeLessThanOrEqual(lost.at + 100);
    expect(after.start).toBeGreaterThanOrEqual(before.end + 1000);
    expect(after.start).toBeGreaterThanOrEqual(backAt - 1000);

    const events = await ts.request<{ type: string }[]>('GET', `/api/events?cameraId=${camera.id}`);
    const types = events.body.map((e) => e.type);
    expect(types.filter((t) => t === 'recordingStarted')).toHaveLength(2);
    expect(types.filter((t) => t === 'recordingStopped')).toHaveLength(1);
    expect(types.filter((t) => t.startsWith('connection'))).toEqual(['connectionLost', 'connectionRestored']);
  });

  it('reconnects to a camera that was killed without closing its session and came back on the same port', async () => {
    const ts = await TestSite.open();
    const cam = await startTestCamera({ width: 320, height: 180, bitrateKbps: 300 });
    cleanup(() => cam.stop());
    const camera = await ts.addRtspCamera(cam.url);
    await ts.waitForEvent('recordingStarted', { cameraId: camera.id });
    await ts.waitForFramesWritten(camera.id, 25);

    const beforeKill = ts.eventMark();
    await cam.kill();
    const lost = await ts.waitForEvent('connectionLost', { cameraId: camera.id, after: beforeKill });
    await cam.start();
    const backAt = Date.now();
    const restored = await ts.waitForEvent('connectionRestored', { cameraId: camera.id, after: lost.id });
    expect(restored.at - backAt).toBeLessThan(2500);
    await ts.waitForEvent('recordingStarted', { cameraId: camera.id, after: restored.id });
    const written = (await ts.status(camera.id)).framesWritten;
    await ts.waitForFramesWritten(camera.id, written + 25);
    // Two runs: the one cut by the kill was sealed, the new one is being written.
    const recordings = ts.site.media.allRecordings();
    expect(recordings).toHaveLength(2);
    expect(recordings[0]!.runId).not.toBe(recordings[1]!.runId);
    expect(recordings[0]!.end90k).not.toBeNull();
  });
});
