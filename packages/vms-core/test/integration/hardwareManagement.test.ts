/**
 * Scanning for hardware, changing it and removing it through the API. Scans reach only
 * 127.0.0.1 (the ONVIF simulator, a GStreamer camera, a closed port): nothing leaves the machine.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CameraBody } from '../../src/api/common/schemas';
import type { DeleteHardwareResult, ScanHardwareResult, UpdateHardwareResult } from '../../src/api/common/hardwareSchemas';
import type { SimulatedProfile } from '../harness/onvif/onvifSimulator';
import { startOnvifSimulator } from '../harness/onvif/onvifSimulator';
import { TestSite, cleanup, testCamera } from './siteFixture';
import type { ErrorReply } from './siteFixture';

/** A loopback port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Profiles whose streams point at a closed port: these tests need the device, not its video. */
const profile = (token: string, width: number, height: number, videoSourceToken = 'VideoSource_1'): SimulatedProfile => ({
  token, name: token, encoding: 'H264', width, height, fps: 25, rtspUrl: `rtsp://127.0.0.1:9/${token}`, videoSourceToken,
});

async function simulator(o: { firmware?: string; profiles?: SimulatedProfile[] } = {}) {
  const sim = await startOnvifSimulator({ username: 'admin', password: 'sim-password', model: 'Dome 3', firmware: o.firmware ?? '1.0.0', profiles: o.profiles ?? [profile('main', 1280, 720), profile('sub', 640, 360)] });
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= sim.stop());
  cleanup(stop);
  return { port: sim.port, stop };
}

async function addOnvif(ts: TestSite, port: number): Promise<{ hardwareId: string; camera: CameraBody }> {
  const res = await ts.request<{ hardware: { id: string }; cameras: CameraBody[] }>('POST', '/api/hardware', {
    driver: 'onvif', address: `127.0.0.1:${port}`, username: 'admin', password: 'sim-password',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { hardwareId: res.body.hardware.id, camera: res.body.cameras[0]! };
}

describe('scanHardware', () => {
  it('finds an ONVIF device and an RTSP camera on the loopback, says which credentials worked, and adds nothing', async () => {
    const ts = await TestSite.open();
    const sim = await simulator();
    const cam = await testCamera({ mounts: ['/live'] });
    const closed = await closedPort();
    const res = await ts.request<ScanHardwareResult>('POST', '/api/hardware/scan', {
      start: '127.0.0.1', end: '127.0.0.1', ports: [sim.port, cam.port, closed], drivers: ['onvif', 'rtsp'], rtspPaths: ['/live'],
      credentials: [{ username: 'admin', password: 'wrong' }, { username: 'admin', password: 'sim-password' }], timeoutMs: 3000,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ scannedAddresses: 1, scannedPorts: 3 });
    const onvif = res.body.found.find((d) => d.port === sim.port && d.driver === 'onvif');
    expect(onvif).toMatchObject({
      address: '127.0.0.1', model: 'Dome 3', firmware: '1.0.0', cameras: 1, credentialIndex: 1, username: 'admin',
      deviceAddress: `http://127.0.0.1:${sim.port}/onvif/device_service`,
    });
    // The GStreamer camera asks for no credentials: the first set is accepted.
    expect(res.body.found.find((d) => d.port === cam.port)).toMatchObject({ driver: 'rtsp', deviceAddress: cam.url, cameras: 1, credentialIndex: 0 });
    expect(res.body.found.filter((d) => d.port === closed)).toEqual([]);
    expect((await ts.request<CameraBody[]>('GET', '/api/cameras')).body).toEqual([]);

    // What the scan reports is what addHardware takes; the next scan marks it as added.
    const added = await addOnvif(ts, sim.port);
    const again = await ts.request<ScanHardwareResult>('POST', '/api/hardware/scan', {
      start: '127.0.0.1', end: '127.0.0.1', ports: [sim.port], drivers: ['onvif'], credentials: [{ username: 'admin', password: 'sim-password' }],
    });
    expect(again.body.found).toEqual([expect.objectContaining({ credentialIndex: 0, alreadyAdded: added.hardwareId })]);
    const audit = (await ts.request<{ details: { found: string[] } }[]>('GET', '/api/audit-log?action=scanHardware')).body;
    expect(audit.map((e) => e.details.found)).toEqual([[`onvif 127.0.0.1:${sim.port}`, `rtsp 127.0.0.1:${cam.port}`], [`onvif 127.0.0.1:${sim.port}`]]);
  });

  it('reports a device that refuses every credential as found but not signed in', async () => {
    const ts = await TestSite.open();
    const sim = await simulator();
    const res = await ts.request<ScanHardwareResult>('POST', '/api/hardware/scan', {
      start: '127.0.0.1', end: '127.0.0.1', ports: [sim.port], drivers: ['onvif'], credentials: [{ username: 'admin', password: 'nope' }],
    });
    expect(res.body.found).toEqual([expect.objectContaining({ driver: 'onvif', credentialIndex: null, cameras: 0, error: expect.objectContaining({ code: 'VMS_ERR_DEVICE_AUTH' }) })]);
  });

  it('refuses bad ranges naming the field, before sending anything', async () => {
    const ts = await TestSite.open();
    const scan = (body: object) => ts.request<ErrorReply & { field?: string }>('POST', '/api/hardware/scan', body);
    const cases: [object, string, RegExp][] = [
      [{ start: '10.0.0.0', end: '10.0.1.0' }, 'end', /257 addresses; a scan covers at most 256/],
      [{ start: '10.0.0.300', end: '10.0.0.1' }, 'start', /not an IPv4 address/],
      [{ start: '10.0.0.9', end: '10.0.0.1' }, 'end', /comes before/],
      [{ start: '224.0.0.1', end: '224.0.0.1' }, 'start', /multicast/],
      [{ start: '127.0.0.1', end: '127.0.0.1', ports: [0] }, 'ports[0]', /ports/],
      [{ start: '127.0.0.1', end: '127.0.0.1', drivers: ['telnet'] }, 'drivers[0]', /drivers/],
    ];
    for (const [body, field, message] of cases) {
      const res = await scan(body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body).toMatchObject({ code: 'VMS_ERR_BAD_INPUT', field });
      expect(res.body.message).toMatch(message);
    }
    expect((await ts.request<unknown[]>('GET', '/api/audit-log?action=scanHardware')).body).toEqual([]);
  });
});

describe('updateHardware', () => {
  it('renames without asking the device, and refuses credentials the device refuses, saving nothing', async () => {
    const ts = await TestSite.open();
    const sim = await simulator();
    const { hardwareId } = await addOnvif(ts, sim.port);
    const renamed = await ts.request<UpdateHardwareResult>('PATCH', `/api/hardware/${hardwareId}`, { name: 'Lobby dome' });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body).toMatchObject({ hardware: { name: 'Lobby dome' }, changes: null });

    const refused = await ts.request<ErrorReply>('PATCH', `/api/hardware/${hardwareId}`, { password: 'not-it', name: 'Other' });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('VMS_ERR_DEVICE_AUTH');
    expect(ts.site.config.hardwareCredentials(hardwareId)).toEqual({ username: 'admin', password: 'sim-password' });
    expect(ts.site.config.getHardware(hardwareId).name).toBe('Lobby dome');

    const missing = await ts.request<ErrorReply>('PATCH', '/api/hardware/nope', { name: 'x' });
    expect(missing.status).toBe(404);
    const audit = (await ts.request<{ details: { changes: object } }[]>('GET', `/api/audit-log?action=updateHardware&target=${hardwareId}`)).body;
    expect(audit).toEqual([expect.objectContaining({ details: expect.objectContaining({ changes: { name: { from: 'Dome 3', to: 'Lobby dome' } } }) })]);
  });

  it('refreshes from the device: reports streams, cameras and firmware that changed, and applies them', async () => {
    const ts = await TestSite.open();
    const before = await simulator();
    const { hardwareId, camera } = await addOnvif(ts, before.port);
    // Recording the sub stream, which the device is about to lose.
    await ts.patchCamera(camera.id, { recordStream: 'sub', motion: { streamKey: 'sub' } });
    await before.stop();

    // The same camera after a firmware upgrade, moved to another address: main is larger, sub
    // is gone, a third profile appeared, and a second sensor.
    const after = await simulator({
      firmware: '2.0.0',
      profiles: [profile('main', 1920, 1080), profile('third', 320, 180), profile('wide', 1280, 720, 'VideoSource_2')],
    });
    const res = await ts.request<UpdateHardwareResult>('PATCH', `/api/hardware/${hardwareId}`, { address: `127.0.0.1:${after.port}`, refresh: true });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const changes = res.body.changes!;
    expect(changes.hardware).toEqual({
      firmware: { from: '1.0.0', to: '2.0.0' },
      address: { from: `http://127.0.0.1:${before.port}/onvif/device_service`, to: `http://127.0.0.1:${after.port}/onvif/device_service` },
    });
    expect(changes.camerasAdded).toEqual([{ deviceKey: 'VideoSource_2', name: 'Dome 3 2' }]);
    expect(changes.camerasMissing).toEqual([]);
    expect(changes.cameras).toEqual([{
      cameraId: camera.id, name: camera.name,
      added: [expect.objectContaining({ key: 'third', width: 320 })],
      removed: [expect.objectContaining({ key: 'sub' })],
      changed: [{ key: 'main', changes: { width: { from: 1280, to: 1920 }, height: { from: 720, to: 1080 } } }],
    }]);

    const cameras = (await ts.request<CameraBody[]>('GET', '/api/cameras')).body;
    expect(cameras).toHaveLength(2);
    const updated = cameras.find((c) => c.id === camera.id)!;
    expect(updated.streams.map((s) => s.key)).toEqual(['main', 'third']);
    // What used the lost stream moves to the largest one left; motion goes back to its default.
    expect(updated).toMatchObject({ recordStream: 'main', liveStream: 'main', enabled: true });
    expect(updated.motion.streamKey).toBeUndefined();
    expect(cameras.find((c) => c.id !== camera.id)).toMatchObject({ hardwareId, deviceKey: 'VideoSource_2', recordStream: 'wide', enabled: true });
    expect(ts.site.config.getHardware(hardwareId)).toMatchObject({ firmware: '2.0.0' });

    // The first sensor disappears: its camera is disabled, not deleted.
    await after.stop();
    const last = await simulator({ firmware: '2.0.0', profiles: [profile('wide', 1280, 720, 'VideoSource_2')] });
    const gone = await ts.request<UpdateHardwareResult>('PATCH', `/api/hardware/${hardwareId}`, { address: `127.0.0.1:${last.port}`, refresh: true });
    expect(gone.body.changes!.camerasMissing).toEqual([{ cameraId: camera.id, deviceKey: 'VideoSource_1', name: camera.name }]);
    expect(ts.site.config.getCamera(camera.id).enabled).toBe(false);
    const audit = (await ts.request<{ details: { device: { camerasMissing: unknown[] } } }[]>('GET', `/api/audit-log?action=updateHardware&target=${hardwareId}`)).body;
    expect(audit).toHaveLength(2);
    expect(audit[1]!.details.device.camerasMissing).toHaveLength(1);
  });
});

describe('deleteHardware', () => {
  it('stops recording and removes the cameras; recordings stay unless asked, and evidence locks still protect', async () => {
    const ts = await TestSite.open();
    // One GStreamer camera each: clients sharing a mount see its stream restart when another joins.
    const kept = await ts.addRtspCamera((await testCamera()).url, { name: 'Kept' });
    const wiped = await ts.addRtspCamera((await testCamera()).url, { name: 'Wiped' });
    const locked = await ts.addRtspCamera((await testCamera()).url, { name: 'Locked' });
    for (const c of [kept, wiped, locked]) await ts.waitForFramesWritten(c.id, 10);
    const lock = await ts.request('POST', '/api/evidence-locks', {
      cameraIds: [locked.id], from: new Date(Date.now() - 3600_000).toISOString(), to: new Date(Date.now() + 3600_000).toISOString(), reason: 'incident',
    });
    expect(lock.status).toBe(201);

    const remove = (c: CameraBody, query = '') => ts.request<DeleteHardwareResult>('DELETE', `/api/hardware/${c.hardwareId}${query}`);
    const first = await remove(kept);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ cameraIds: [kept.id], recordingsDeleted: 0, recordingsKeptLocked: 0 });
    const recordingsOf = (id: string) => ts.site.media.listRecordings(id, 0, Number.MAX_SAFE_INTEGER);
    const keptRows = recordingsOf(kept.id);
    expect(keptRows.length).toBeGreaterThan(0);
    // Sealed: the pipeline was closed before the answer.
    expect(keptRows.every((r) => r.end90k !== null)).toBe(true);

    const wipedRows = recordingsOf(wiped.id);
    const second = await remove(wiped, '?deleteRecordings=true');
    expect(second.body).toMatchObject({ recordingsDeleted: wipedRows.length, recordingsKeptLocked: 0 });
    expect(recordingsOf(wiped.id)).toEqual([]);
    for (const r of wipedRows) expect(existsSync(join(ts.site.config.getStorage(r.storageId).path, r.path))).toBe(false);

    const third = await remove(locked, '?deleteRecordings=true');
    expect(third.body.recordingsDeleted).toBe(0);
    expect(third.body.recordingsKeptLocked).toBe(recordingsOf(locked.id).length);
    expect(third.body.recordingsKeptLocked).toBeGreaterThan(0);

    expect((await ts.request<CameraBody[]>('GET', '/api/cameras')).body).toEqual([]);
    expect((await ts.request('GET', `/api/cameras/${kept.id}/status`)).status).toBe(404);
    const frames = ts.site.media.allRecordings().length;
    // Nothing records any more.
    expect(ts.site.media.openRecordings()).toEqual([]);
    expect(ts.site.media.allRecordings().length).toBe(frames);
    expect((await ts.request<ErrorReply>('DELETE', `/api/hardware/${kept.hardwareId}`)).status).toBe(404);
    const audit = (await ts.request<{ target: string; details: { recordingsDeleted: number } }[]>('GET', '/api/audit-log?action=deleteHardware')).body;
    expect(audit.map((e) => [e.target, e.details.recordingsDeleted])).toEqual([[kept.hardwareId, 0], [wiped.hardwareId, wipedRows.length], [locked.hardwareId, 0]]);
  });
});
