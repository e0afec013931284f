import { describe, expect, it } from 'vitest';
import type { CameraBody } from '../../src/api/common/schemas';
import type { CameraRight } from '../../src/management/common/permissions';
import { startOnvifSimulator } from '../harness/onvif/onvifSimulator';
import type { OnvifSimulator, OnvifSimulatorOptions } from '../harness/onvif/onvifSimulator';
import { TestSite, cleanup } from './siteFixture';
import type { ErrorReply } from './siteFixture';

/** Nothing listens there: the cameras' recording fails quietly, PTZ goes over ONVIF only. */
const NO_STREAM = 'rtsp://127.0.0.1:9/none';

async function onvifCamera(ts: TestSite, opts: OnvifSimulatorOptions = {}): Promise<{ sim: OnvifSimulator; camera: CameraBody }> {
  const sim = await startOnvifSimulator({
    username: 'onvif', password: 'onvif-pw',
    profiles: [{ token: 'main', name: 'Main', encoding: 'H264', width: 640, height: 360, fps: 25, rtspUrl: NO_STREAM }],
    ...opts,
  });
  cleanup(() => sim.stop());
  const res = await ts.request<{ cameras: CameraBody[] }>('POST', '/api/hardware', { driver: 'onvif', address: sim.xaddr, username: 'onvif', password: 'onvif-pw' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { sim, camera: res.body.cameras[0]! };
}

/** Signs in a new user holding `rights` on one camera; returns the bearer token. */
async function userWith(ts: TestSite, name: string, cameraId: string, rights: CameraRight[]): Promise<string> {
  const role = await ts.request<{ id: string }>('POST', '/api/roles', { name, grants: [{ cameraId, rights }] });
  expect(role.status, JSON.stringify(role.body)).toBe(201);
  expect((await ts.request('POST', '/api/users', { username: name, password: `${name}-password`, roleIds: [role.body.id] })).status).toBe(201);
  return (await ts.request<{ token: string }>('POST', '/api/login', { username: name, password: `${name}-password` }, null)).body.token;
}

describe('PTZ of ONVIF cameras', () => {
  it('records at add time whether a camera can be steered, and which axes', async () => {
    const ts = await TestSite.open();
    const { camera: dome } = await onvifCamera(ts, { ptz: { zoom: false } });
    const { camera: fixed } = await onvifCamera(ts);
    expect(dome.ptz).toEqual({ supported: true, panTilt: true, zoom: false });
    expect(fixed.ptz).toEqual({ supported: false, panTilt: false, zoom: false });
    expect((await ts.request<CameraBody>('GET', `/api/cameras/${dome.id}`)).body.ptz).toEqual(dome.ptz);

    const res = await ts.request<ErrorReply>('POST', `/api/cameras/${fixed.id}/ptz/move`, { pan: 0.5, tilt: 0, zoom: 0 });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VMS_ERR_BAD_INPUT', message: expect.stringMatching(/has no PTZ/) });
    const zoom = await ts.request<ErrorReply>('POST', `/api/cameras/${dome.id}/ptz/move`, { pan: 0, tilt: 0, zoom: 1 });
    expect(zoom.status).toBe(400);
    expect(zoom.body.message).toMatch(/cannot zoom/);
  });

  it('moves, stops and goes to presets on the device, auditing preset moves', async () => {
    const ts = await TestSite.open();
    const { sim, camera } = await onvifCamera(ts, { ptz: {} });
    const url = `/api/cameras/${camera.id}/ptz`;
    expect((await ts.request('POST', `${url}/move`, { pan: -0.5, tilt: 0.25, zoom: 0, timeoutMs: 2000 })).status).toBe(204);
    expect((await ts.request('POST', `${url}/stop`)).status).toBe(204);
    const presets = await ts.request<{ token: string; name: string }[]>('GET', `${url}/presets`);
    expect(presets.body).toEqual([{ token: '1', name: 'Entrance' }, { token: '2', name: 'Car park' }]);
    expect((await ts.request('POST', `${url}/presets/2/goto`)).status).toBe(204);
    expect(sim.ptz!.commands).toEqual([
      { operation: 'ContinuousMove', profileToken: 'main', velocity: { pan: -0.5, tilt: 0.25, zoom: 0 }, timeout: 'PT2S' },
      { operation: 'Stop', profileToken: 'main', stop: { panTilt: true, zoom: true } },
      { operation: 'GotoPreset', profileToken: 'main', presetToken: '2' },
    ]);

    const unknown = await ts.request<ErrorReply>('POST', `${url}/presets/9/goto`);
    expect(unknown.status, 'a device fault is the device being unavailable for that').toBe(503);
    expect(unknown.body.code).toBe('VMS_ERR_DEVICE_PROTOCOL');
    const log = (await ts.request<{ username: string; target: string; outcome: string; details: Record<string, unknown> }[]>(
      'GET', '/api/audit-log?action=gotoPtzPreset')).body;
    expect(log).toEqual([
      expect.objectContaining({ username: 'admin', target: camera.id, outcome: 'ok', details: { preset: '2' } }),
      expect.objectContaining({ target: camera.id, outcome: 'failed', details: { preset: '9', code: 'VMS_ERR_DEVICE_PROTOCOL' } }),
    ]);

    const outOfRange = await ts.request<ErrorReply>('POST', `${url}/move`, { pan: 1.5, tilt: 0, zoom: 0 });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.code).toBe('VMS_ERR_BAD_INPUT');
    expect(sim.ptz!.commands).toHaveLength(3);
  });

  it('refuses a user without the ptz right before anything reaches the device', async () => {
    const ts = await TestSite.open();
    const { sim, camera } = await onvifCamera(ts, { ptz: {} });
    const watcher = await userWith(ts, 'watcher', camera.id, ['live', 'playback']);
    const steerer = await userWith(ts, 'steerer', camera.id, ['live', 'ptz']);
    const url = `/api/cameras/${camera.id}/ptz`;
    const calls: [method: 'GET' | 'POST', path: string, body?: object][] = [
      ['POST', `${url}/move`, { pan: 1, tilt: 0, zoom: 0 }], ['POST', `${url}/stop`], ['GET', `${url}/presets`], ['POST', `${url}/presets/1/goto`],
    ];
    for (const [method, path, body] of calls) {
      const res = await ts.request<ErrorReply>(method, path, body, watcher);
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(res.body.code).toBe('VMS_ERR_PERMISSION_DENIED');
    }
    expect(sim.ptz!.commands).toEqual([]);
    for (const [method, path, body] of calls) expect((await ts.request(method, path, body, steerer)).status, `${method} ${path}`).toBeLessThan(300);
    expect(sim.ptz!.commands.map((c) => c.operation)).toEqual(['ContinuousMove', 'Stop', 'GotoPreset']);
  });
});
