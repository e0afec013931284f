import { afterEach, describe, expect, it } from 'vitest';
import { isVmsError } from '../../../base/common/errors';
import type { ErrorCode } from '../../../base/common/errors';
import { startOnvifSimulator } from '../../../../test/harness/onvif/onvifSimulator';
import type { OnvifSimulator, OnvifSimulatorOptions } from '../../../../test/harness/onvif/onvifSimulator';
import type { PtzTarget } from '../ptzControl';
import { PtzControl } from '../ptzControl';
import { openOnvifClient, optional, probeOnvif } from './probeOnvif';
import { OnvifPtzService, findPtzService } from './ptzService';

const admin = { username: 'admin', password: 'secret' };
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const profiles: OnvifSimulatorOptions['profiles'] = [
  { token: 'main', name: 'Main', encoding: 'H264', width: 1920, height: 1080, fps: 25, rtspUrl: 'rtsp://127.0.0.1:8554/main' },
  { token: 'sub', name: 'Sub', encoding: 'H264', width: 640, height: 360, fps: 15, rtspUrl: 'rtsp://127.0.0.1:8554/sub' },
];

async function simulator(opts: OnvifSimulatorOptions = {}): Promise<OnvifSimulator> {
  const sim = await startOnvifSimulator({ ...admin, profiles, ...opts });
  cleanups.push(() => sim.stop());
  return sim;
}

async function failure(promise: Promise<unknown>): Promise<ErrorCode | string> {
  return promise.then(() => 'resolved', (e: unknown) => (isVmsError(e) ? e.code : String(e)));
}

async function target(sim: OnvifSimulator, credentials = admin): Promise<PtzTarget> {
  const camera = (await probeOnvif(sim.xaddr, admin)).cameras[0]!;
  return { hardwareId: 'hw', driver: 'onvif', address: sim.xaddr, credentials, ptz: camera.ptz! };
}

describe('ONVIF PTZ at probe time', () => {
  it('steers a camera through its first profile with a PTZ configuration', async () => {
    const sim = await simulator({ ptz: { profiles: ['sub'] } });
    const info = await probeOnvif(`127.0.0.1:${sim.port}`, admin);
    expect(info.cameras[0]!.ptz).toEqual({ profileToken: 'sub', panTilt: true, zoom: true });
  });

  it('reports the axes the configuration moves, and nothing for a device without PTZ', async () => {
    const panTiltOnly = await simulator({ ptz: { zoom: false } });
    expect((await probeOnvif(panTiltOnly.xaddr, admin)).cameras[0]!.ptz).toEqual({ profileToken: 'main', panTilt: true, zoom: false });
    const fixed = await simulator();
    expect((await probeOnvif(fixed.xaddr, admin)).cameras[0]!.ptz).toBeUndefined();
    const { client, deviceUrl } = await openOnvifClient(fixed.xaddr, admin);
    expect(await findPtzService(client, deviceUrl.toString(), optional)).toBeUndefined();
  });
});

describe('PtzControl', () => {
  it('sends moves, stops and preset commands the device receives as sent', async () => {
    const sim = await simulator({ ptz: {} });
    const t = await target(sim);
    const ptz = new PtzControl({ clock: { now: () => Date.now() } });
    await ptz.move(t, { pan: 0.5, tilt: -0.25, zoom: 0 });
    await ptz.move(t, { pan: 0, tilt: 0, zoom: 1 }, 1500);
    await ptz.stop(t);
    expect(await ptz.presets(t)).toEqual([{ token: '1', name: 'Entrance' }, { token: '2', name: 'Car park' }]);
    await ptz.gotoPreset(t, '2');
    expect(sim.ptz!.commands).toEqual([
      { operation: 'ContinuousMove', profileToken: 'main', velocity: { pan: 0.5, tilt: -0.25, zoom: 0 } },
      // 1.5 s is sent as whole seconds, rounded up: cameras may refuse fractions.
      { operation: 'ContinuousMove', profileToken: 'main', velocity: { pan: 0, tilt: 0, zoom: 1 }, timeout: 'PT2S' },
      { operation: 'Stop', profileToken: 'main', stop: { panTilt: true, zoom: true } },
      { operation: 'GotoPreset', profileToken: 'main', presetToken: '2' },
    ]);
  });

  it('leaves out the axis a head lacks, and refuses to move it', async () => {
    const sim = await simulator({ ptz: { zoom: false } });
    const t = await target(sim);
    const ptz = new PtzControl({ clock: { now: () => Date.now() } });
    expect(await failure(ptz.move(t, { pan: 0, tilt: 0, zoom: 0.5 }))).toBe('VMS_ERR_BAD_INPUT');
    await ptz.move(t, { pan: -1, tilt: 1, zoom: 0 });
    await ptz.stop(t);
    expect(sim.ptz!.commands).toEqual([
      { operation: 'ContinuousMove', profileToken: 'main', velocity: { pan: -1, tilt: 1 } },
      { operation: 'Stop', profileToken: 'main', stop: { panTilt: true, zoom: false } },
    ]);
  });

  it('maps device refusals to device errors and keeps working afterwards', async () => {
    const sim = await simulator({ ptz: {} });
    const t = await target(sim);
    const ptz = new PtzControl({ clock: { now: () => Date.now() } });
    expect(await failure(ptz.gotoPreset(t, 'nope'))).toBe('VMS_ERR_DEVICE_PROTOCOL');
    await ptz.gotoPreset(t, '1');
    expect(await failure(ptz.stop({ ...t, credentials: { username: 'admin', password: 'wrong' } }))).toBe('VMS_ERR_DEVICE_AUTH');
    expect(await failure(ptz.stop({ ...t, driver: 'rtsp' }))).toBe('VMS_ERR_BAD_INPUT');
    expect(sim.ptz!.commands.map((c) => c.operation)).toEqual(['GotoPreset']);
    expect(await failure(ptz.stop({ ...t, address: 'http://127.0.0.1:9/onvif/device_service' }))).toBe('VMS_ERR_DEVICE_UNREACHABLE');
  });

  it('stores a preset the list then shows', async () => {
    const sim = await simulator({ ptz: { presets: [] } });
    const { client, deviceUrl } = await openOnvifClient(sim.xaddr, admin);
    const service = new OnvifPtzService(client, (await findPtzService(client, deviceUrl.toString(), optional))!);
    const token = await service.setPreset('main', 'Gate <north>');
    expect(await service.getPresets('main')).toEqual([{ token, name: 'Gate <north>' }]);
    expect(await failure(service.getPresets('nope'))).toBe('VMS_ERR_DEVICE_PROTOCOL');
  });
});
