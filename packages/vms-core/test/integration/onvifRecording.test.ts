import { describe, expect, it } from 'vitest';
import type { CameraBody } from '../../src/api/common/schemas';
import { startOnvifSimulator } from '../harness/onvif/onvifSimulator';
import { TestSite, cleanup, testCamera } from './siteFixture';

describe('addHardware with the onvif driver', () => {
  it('adds one camera with two streams and records the one chosen with updateCamera', async () => {
    const ts = await TestSite.open();
    // Each profile streams from its own real camera, as main and sub encoders of one sensor.
    const main = await testCamera({ width: 640, height: 360 });
    const sub = await testCamera({ width: 320, height: 180 });
    const sim = await startOnvifSimulator({
      username: 'onvif', password: 'onvif-pw', manufacturer: 'Acme', model: 'Dome 2',
      profiles: [
        { token: 'sub', name: 'Sub', encoding: 'H264', width: 320, height: 180, fps: 25, rtspUrl: sub.url },
        { token: 'main', name: 'Main', encoding: 'H264', width: 640, height: 360, fps: 25, rtspUrl: main.url },
      ],
    });
    cleanup(() => sim.stop());

    const mark = ts.eventMark();
    const res = await ts.request<{ hardware: { driver: string; manufacturer: string; model: string }; cameras: CameraBody[] }>(
      'POST', '/api/hardware', { driver: 'onvif', address: `127.0.0.1:${sim.port}`, username: 'onvif', password: 'onvif-pw' },
    );
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.hardware).toMatchObject({ driver: 'onvif', manufacturer: 'Acme', model: 'Dome 2' });
    expect(res.body.cameras).toHaveLength(1);
    const camera = res.body.cameras[0]!;
    expect(camera.streams).toEqual([
      { key: 'sub', name: 'Sub', url: sub.url, codec: 'h264', width: 320, height: 180, fps: 25 },
      { key: 'main', name: 'Main', url: main.url, codec: 'h264', width: 640, height: 360, fps: 25 },
    ]);
    // The largest stream is recorded and shown live by default.
    expect(camera).toMatchObject({ recordStream: 'main', liveStream: 'main' });

    await ts.waitForEvent('recordingStarted', { cameraId: camera.id, after: mark });
    await ts.waitForFramesWritten(camera.id, 25);
    const newest = () => ts.site.media.allRecordings().at(-1)!;
    expect(newest().streamKey).toBe('main');
    expect(ts.site.media.getParams(newest().videoParamsId)).toMatchObject({ width: 640, height: 360 });

    const switched = ts.eventMark();
    const updated = await ts.patchCamera(camera.id, { recordStream: 'sub' });
    expect(updated).toMatchObject({ recordStream: 'sub', liveStream: 'main' });
    await ts.waitForEvent('recordingStarted', { cameraId: camera.id, after: switched });
    // A new pipeline: its counters start over.
    const status = await ts.waitForFramesWritten(camera.id, 25);
    expect(status).toMatchObject({ recording: true, connection: { state: 'streaming' } });
    expect(newest().streamKey).toBe('sub');
    expect(ts.site.media.getParams(newest().videoParamsId)).toMatchObject({ width: 320, height: 180 });

    // The main stream's recording was sealed when its pipeline stopped; the timeline goes on
    // with the sub stream after at most a connection and a key-frame interval.
    const [first, second] = ts.site.media.allRecordings();
    expect(first).toMatchObject({ streamKey: 'main', end90k: expect.any(Number) });
    expect(second).toMatchObject({ streamKey: 'sub', end90k: null });
    expect((second!.start90k - first!.end90k!) / 90).toBeLessThan(2500);
    const spans = await ts.sequences(camera.id);
    expect(spans.at(-1)!.end).toBeGreaterThan(Date.now() - 1000);
    expect((await ts.request<CameraBody>('GET', `/api/cameras/${camera.id}`)).body.recordStream).toBe('sub');
  });
});
