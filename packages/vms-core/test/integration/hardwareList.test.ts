/**
 * listHardware: what the Management Client's hardware page shows. Two ONVIF simulators on the
 * loopback stand for two devices; their streams point at a closed port (the list needs the
 * devices, not their video).
 */
import { describe, expect, it } from 'vitest';
import type { HardwareListItemBody } from '../../src/api/common/hardwareSchemas';
import type { CameraBody } from '../../src/api/common/schemas';
import type { SimulatedProfile } from '../harness/onvif/onvifSimulator';
import { startOnvifSimulator } from '../harness/onvif/onvifSimulator';
import { TestSite, cleanup } from './siteFixture';

const profile = (token: string, videoSourceToken: string): SimulatedProfile => ({
  token, name: token, encoding: 'H264', width: 640, height: 360, fps: 25, rtspUrl: `rtsp://127.0.0.1:9/${token}`, videoSourceToken,
});

async function simulator(model: string, profiles: SimulatedProfile[]): Promise<number> {
  const sim = await startOnvifSimulator({ username: 'admin', password: 'sim-password', model, firmware: '3.1', profiles });
  cleanup(() => sim.stop());
  return sim.port;
}

describe('listHardware', () => {
  it('lists each device with its address, driver, identity and cameras (disabled ones too), never a password', async () => {
    const ts = await TestSite.open();
    expect((await ts.request<HardwareListItemBody[]>('GET', '/api/hardware')).body).toEqual([]);

    const single = await simulator('Bullet 1', [profile('main', 'VideoSource_1')]);
    const dual = await simulator('Dual 2', [profile('left', 'VideoSource_1'), profile('right', 'VideoSource_2')]);
    const added: { hardware: { id: string }; cameras: CameraBody[] }[] = [];
    for (const port of [single, dual]) {
      const res = await ts.request<{ hardware: { id: string }; cameras: CameraBody[] }>('POST', '/api/hardware', {
        driver: 'onvif', address: `127.0.0.1:${port}`, username: 'admin', password: 'sim-password',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      added.push(res.body);
    }
    const right = added[1]!.cameras.find((c) => c.deviceKey === 'VideoSource_2')!;
    expect((await ts.request('PATCH', `/api/cameras/${right.id}`, { enabled: false })).status).toBe(200);

    const res = await ts.request<HardwareListItemBody[]>('GET', '/api/hardware');
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      expect.objectContaining({
        id: added[0]!.hardware.id, driver: 'onvif', model: 'Bullet 1', firmware: '3.1', username: 'admin',
        address: `http://127.0.0.1:${single}/onvif/device_service`,
        cameras: [{ id: added[0]!.cameras[0]!.id, name: added[0]!.cameras[0]!.name, deviceKey: 'VideoSource_1', enabled: true }],
      }),
      expect.objectContaining({
        id: added[1]!.hardware.id, model: 'Dual 2',
        cameras: [
          expect.objectContaining({ deviceKey: 'VideoSource_1', enabled: true }),
          { id: right.id, name: right.name, deviceKey: 'VideoSource_2', enabled: false },
        ],
      }),
    ]);
    expect(JSON.stringify(res.body)).not.toContain('sim-password');

    // Removed hardware leaves the list with its cameras.
    expect((await ts.request('DELETE', `/api/hardware/${added[0]!.hardware.id}`)).status).toBe(200);
    const after = (await ts.request<HardwareListItemBody[]>('GET', '/api/hardware')).body;
    expect(after.map((h) => h.id)).toEqual([added[1]!.hardware.id]);
  });
});
