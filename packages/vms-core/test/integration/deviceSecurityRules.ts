/**
 * The security test's rules for devices other than cameras (spread into its table). The
 * security site's hardware comes from a fake probe with no devices, so each rule gives camera
 * A's and camera B's hardware an input and an output through the store. Its hardware is RTSP:
 * an allowed setOutputState ends in 400 "outputs need the onvif driver", an answer that comes
 * only after the right was granted, which is what the rule proves.
 */
import { expect } from 'vitest';
import type { DeviceBody } from '../../src/api/common/deviceSchemas';
import type { SecuritySite } from './securityFixture';
import type { SecurityRule } from './bookmarkSecurityRules';

/** An input and an output on the hardware of camera A and of camera B (added by the first rule that asks; the rules share a site). */
function devicesOnAandB(s: SecuritySite) {
  const { devices } = s.ts.site.config;
  const on = (cameraId: string) => {
    const hardwareId = s.ts.site.config.getCamera(cameraId).hardwareId;
    const ensure = (kind: 'input' | 'output', key: string) =>
      (devices.findDevice(hardwareId, kind, key) ?? devices.addDevices(hardwareId, 'Unit', [{ kind, key, name: `${kind} 1` }], Date.now())[0]!).id;
    return { input: ensure('input', 'DI_1'), output: ensure('output', 'RO_1') };
  };
  return { a: on(s.cameraA), b: on(s.cameraB) };
}

const listed = async (s: SecuritySite, actor: 'admin' | 'allOnA' | 'liveOnA' | 'nobody' | 'configurer') =>
  ((await s.as(actor, 'GET', '/api/devices')).body as DeviceBody[]).map((d) => d.id).sort();

export const DEVICE_RULES: Record<string, SecurityRule> = {
  listDevices: async (s) => {
    const { a, b } = devicesOnAandB(s);
    // Those who manage configuration see all; others the devices of hardware they see a camera of.
    expect(await listed(s, 'configurer')).toEqual(expect.arrayContaining([a.input, a.output, b.input, b.output]));
    expect(await listed(s, 'liveOnA')).toEqual([a.input, a.output].sort());
    expect(await listed(s, 'nobody')).toEqual([]);
  },
  getDevice: async (s) => {
    const { a, b } = devicesOnAandB(s);
    await s.denied('liveOnA', 'GET', `/api/devices/${b.input}`);
    await s.denied('nobody', 'GET', `/api/devices/${a.input}`);
    expect((await s.as('liveOnA', 'GET', `/api/devices/${a.input}`)).status).toBe(200);
    expect((await s.as('configurer', 'GET', `/api/devices/${b.input}`)).status).toBe(200);
  },
  updateDevice: async (s) => {
    const { a } = devicesOnAandB(s);
    await s.denied('allOnA', 'PATCH', `/api/devices/${a.output}`, { name: 'Mine' });
    await s.denied('userManager', 'PATCH', `/api/devices/${a.output}`, { name: 'Mine' });
    expect((await s.as('configurer', 'PATCH', `/api/devices/${a.output}`, { name: 'Siren' })).status).toBe(200);
  },
  setOutputState: async (s) => {
    const { a, b } = devicesOnAandB(s);
    const set = (actor: Parameters<SecuritySite['as']>[0], id: string) => s.as(actor, 'POST', `/api/devices/${id}/state`, { state: 'on' });
    // liveOnA lacks ptz on A; allOnA has nothing on B; managing configuration is not operating.
    await s.denied('liveOnA', 'POST', `/api/devices/${a.output}/state`, { state: 'on' });
    await s.denied('allOnA', 'POST', `/api/devices/${b.output}/state`, { state: 'on' });
    await s.denied('configurer', 'POST', `/api/devices/${a.output}/state`, { state: 'on' });
    await s.denied('nobody', 'POST', `/api/devices/${a.output}/state`, { state: 'on' });
    expect(await set('allOnA', a.output), 'allowed through to the device').toMatchObject({ status: 400, body: { message: expect.stringMatching(/need the onvif driver/) } });
    expect(await set('admin', b.output)).toMatchObject({ status: 400, body: { message: expect.stringMatching(/need the onvif driver/) } });
  },
};
