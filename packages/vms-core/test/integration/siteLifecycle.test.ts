import { describe, expect, it } from 'vitest';
import { TestSite, testCamera } from './siteFixture';

describe('site and camera lifecycle', () => {
  it('stops a disabled camera, sealing its recording, and starts it again when enabled', async () => {
    const ts = await TestSite.open();
    const cam = await testCamera();
    const camera = await ts.addRtspCamera(cam.url);
    await ts.waitForEvent('recordingStarted', { cameraId: camera.id });
    await ts.waitForFramesWritten(camera.id, 10);

    expect(await ts.patchCamera(camera.id, { enabled: false })).toMatchObject({ enabled: false });
    await ts.waitForSealed();
    expect(await ts.status(camera.id)).toMatchObject({ enabled: false, connection: null, recording: false });
    const manual = await ts.request('POST', `/api/cameras/${camera.id}/manual-recording`);
    expect(manual).toMatchObject({ status: 409, body: { code: 'VMS_ERR_CONFLICT' } });

    const mark = ts.eventMark();
    await ts.patchCamera(camera.id, { enabled: true });
    await ts.waitForEvent('recordingStarted', { cameraId: camera.id, after: mark });
    await ts.waitForFramesWritten(camera.id, 10);
    expect(ts.site.media.allRecordings()).toHaveLength(2);
  });

  it('resumes recording after a restart, with the stored credentials', async () => {
    const first = await TestSite.open();
    const cam = await testCamera({ user: 'viewer', password: 'pw-1234', auth: 'digest' });
    const camera = await first.addRtspCamera(cam.url, { username: 'viewer', password: 'pw-1234' });
    await first.waitForEvent('recordingStarted', { cameraId: camera.id });
    await first.waitForFramesWritten(camera.id, 10);
    const report = await first.closeAndCheck();
    expect(report).toMatchObject({ recordings: 1, problems: [], open: [] });
    expect(report.frames).toBeGreaterThanOrEqual(10);

    const second = await TestSite.open({ reopen: first });
    // A clean stop leaves recovery nothing to repair.
    expect(second.site.recovery).toMatchObject({ sealed: [], dropped: [], orphansRemoved: [] });
    await second.waitForEvent('recordingStarted', { cameraId: camera.id });
    await second.waitForFramesWritten(camera.id, 10);
    const [before, after] = second.site.media.allRecordings();
    expect(after!.runId).not.toBe(before!.runId);
    expect(after!.start90k).toBeGreaterThan(before!.end90k!);
  });

  // A pipeline replaced or disabled just before shutdown must still be sealed by close().
  it('seals the recording of a camera disabled just before the site closes', async () => {
    const ts = await TestSite.open();
    const cam = await testCamera();
    const camera = await ts.addRtspCamera(cam.url);
    await ts.waitForEvent('recordingStarted', { cameraId: camera.id });
    await ts.waitForFramesWritten(camera.id, 10);
    await ts.patchCamera(camera.id, { enabled: false });
    const report = await ts.closeAndCheck();
    expect(report.problems).toEqual([]);
    expect(report.open).toEqual([]);
  });
});
