import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { CameraBody } from '../../src/api/common/schemas';
import { TestSite, testCamera } from './siteFixture';
import type { ErrorReply } from './siteFixture';

/** A port on 127.0.0.1 that nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * The path every recording camera takes: streaming, recording, frames written, and one
 * recorded span on the timeline that reaches the present.
 */
async function expectRecordingNow(ts: TestSite, camera: CameraBody, mark: number): Promise<void> {
  await ts.waitForEvent('recordingStarted', { cameraId: camera.id, after: mark });
  const status = await ts.waitForFramesWritten(camera.id, 50);
  expect(status.connection).toMatchObject({ state: 'streaming', attempts: 1 });
  expect(status.recording).toBe(true);
  expect(status.framesLost).toBe(0);

  const asked = Date.now();
  const spans = await ts.sequences(camera.id);
  expect(spans).toHaveLength(1);
  // 50 frames at 25 fps: the span started at least ~2 s ago and runs up to the request.
  expect(spans[0]!.start).toBeLessThanOrEqual(asked - 1500);
  expect(spans[0]!.end).toBeGreaterThanOrEqual(asked);
}

describe('addHardware with the rtsp driver and a real camera', () => {
  it.each([
    { codec: 'h264', width: 320, height: 180 },
    { codec: 'h265', width: 320, height: 240 },
  ] as const)('adds a $codec camera with probed codec and size and records it', async ({ codec, width, height }) => {
    const ts = await TestSite.open();
    const cam = await testCamera({ codec, width, height });
    const mark = ts.eventMark();
    const camera = await ts.addRtspCamera(cam.url, { name: 'Entrance' });
    expect(camera).toMatchObject({ name: 'Entrance', enabled: true, recordStream: 'main', storageId: 'live', policy: { mode: 'always' } });
    expect(camera.streams).toEqual([{ key: 'main', name: 'Main stream', url: cam.url, codec, width, height, fps: 25 }]);

    const list = await ts.request<CameraBody[]>('GET', '/api/cameras');
    expect(list.body).toEqual([camera]);
    await expectRecordingNow(ts, camera, mark);

    const recordings = ts.site.media.allRecordings();
    expect(recordings).toHaveLength(1);
    expect(ts.site.media.getParams(recordings[0]!.videoParamsId)).toMatchObject({ codec, width, height });
  });

  it('adds a camera with Digest authentication and records with the stored credentials', async () => {
    const ts = await TestSite.open();
    const cam = await testCamera({ user: 'viewer', password: 'pässword', auth: 'digest' });
    const mark = ts.eventMark();
    const camera = await ts.addRtspCamera(cam.url, { username: 'viewer', password: 'pässword' });
    expect(camera.streams[0]).toMatchObject({ codec: 'h264', width: 320, height: 180 });
    // The stored URL carries no credentials; the pipeline reads them from the hardware.
    expect(camera.streams[0]!.url).toBe(cam.url);
    await expectRecordingNow(ts, camera, mark);
  });

  it('refuses a wrong password, an unreachable camera and a non-rtsp URL, adding nothing', async () => {
    const ts = await TestSite.open();
    const cam = await testCamera({ user: 'viewer', password: 'right', auth: 'digest' });
    const add = (body: object) => ts.request<ErrorReply>('POST', '/api/hardware', { driver: 'rtsp', ...body });

    const wrong = await add({ address: cam.url, username: 'viewer', password: 'wrong' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.code).toBe('VMS_ERR_DEVICE_AUTH');
    const none = await add({ address: cam.url });
    expect(none.status).toBe(422);
    expect(none.body.code).toBe('VMS_ERR_DEVICE_AUTH');

    const unreachable = await add({ address: `rtsp://127.0.0.1:${await closedPort()}/stream` });
    expect(unreachable.status).toBe(503);
    expect(unreachable.body.code).toBe('VMS_ERR_DEVICE_UNREACHABLE');

    for (const address of ['http://127.0.0.1/stream', 'not a url']) {
      const res = await add({ address });
      expect(res.status, address).toBe(400);
      expect(res.body.code).toBe('VMS_ERR_BAD_INPUT');
      expect(res.body.message).toContain(address);
    }
    expect((await ts.request<CameraBody[]>('GET', '/api/cameras')).body).toEqual([]);
    expect(ts.site.config.listCameras()).toEqual([]);
  });
});
