/**
 * The security test's rules for the site configuration API of issue 5 (spread into its table):
 * site, recording servers, storages, hardware scan/update/delete, time profiles, backup and the
 * system monitor. Changes need manageConfiguration (configurer may, userManager and camera
 * roles may not); backup needs the Administrators role itself, since the file holds every
 * password hash. Each rule proves its check with a real 403 and, where harmless to the shared
 * site, that the entitled actor gets through.
 */
import { expect } from 'vitest';
import type { SecuritySite } from './securityFixture';
import type { SecurityRule } from './bookmarkSecurityRules';

const hardwareOf = (s: SecuritySite, cameraId: string) => s.ts.site.config.getCamera(cameraId).hardwareId;

/** A time profile the administrator made; returns its id. */
async function adminProfile(s: SecuritySite): Promise<string> {
  const res = await s.as('admin', 'POST', '/api/time-profiles', { name: `Office ${Math.random()}`, windows: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '18:00' }] });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (res.body as { id: string }).id;
}

export const CONFIGURATION_RULES: Record<string, SecurityRule> = {
  getSite: async (s) => expect((await s.as('nobody', 'GET', '/api/site')).status).toBe(200),
  updateSite: async (s) => {
    await s.denied('allOnA', 'PATCH', '/api/site', { name: 'Mine' });
    await s.denied('userManager', 'PATCH', '/api/site', { name: 'Mine' });
    expect((await s.as('configurer', 'PATCH', '/api/site', { description: 'HQ' })).status).toBe(200);
  },
  listRecordingServers: async (s) => {
    await s.denied('userManager', 'GET', '/api/recording-servers');
    expect((await s.as('configurer', 'GET', '/api/recording-servers')).status).toBe(200);
  },
  updateRecordingServer: async (s) => {
    const [server] = (await s.as('admin', 'GET', '/api/recording-servers')).body as { id: string }[];
    await s.denied('allOnA', 'PATCH', `/api/recording-servers/${server!.id}`, { name: 'Mine' });
  },
  createStorage: async (s) => s.denied('allOnA', 'POST', '/api/storages', { name: 'x', path: '/tmp/nightjar-denied', retentionHours: 1, maxBytes: 2 ** 30 }),
  scanHardware: async (s) => {
    // Port 9 (discard) of the loopback only: nothing leaves the machine.
    const scan = { start: '127.0.0.1', end: '127.0.0.1', ports: [9], timeoutMs: 500 };
    await s.denied('userManager', 'POST', '/api/hardware/scan', scan);
    await s.denied('allOnA', 'POST', '/api/hardware/scan', scan);
    expect((await s.as('configurer', 'POST', '/api/hardware/scan', scan)).status).toBe(200);
  },
  listHardware: async (s) => {
    // Camera rights do not reveal the hardware; managing configuration does, every device.
    await s.denied('allOnA', 'GET', '/api/hardware');
    await s.denied('userManager', 'GET', '/api/hardware');
    const listed = await s.as('configurer', 'GET', '/api/hardware');
    expect(listed.status).toBe(200);
    expect((listed.body as { cameras: { id: string }[] }[]).flatMap((h) => h.cameras.map((c) => c.id)).sort()).toEqual([s.cameraA, s.cameraB].sort());
  },
  updateHardware: async (s) => s.denied('allOnA', 'PATCH', `/api/hardware/${hardwareOf(s, s.cameraA)}`, { name: 'renamed' }),
  deleteHardware: async (s) => {
    await s.denied('allOnA', 'DELETE', `/api/hardware/${hardwareOf(s, s.cameraA)}`);
    await s.denied('userManager', 'DELETE', `/api/hardware/${hardwareOf(s, s.cameraB)}?deleteRecordings=true`);
  },
  listTimeProfiles: async (s) => {
    await s.denied('allOnA', 'GET', '/api/time-profiles');
    // Whoever edits roles picks profiles for grants: reading needs either admin flag.
    expect((await s.as('userManager', 'GET', '/api/time-profiles')).status).toBe(200);
    expect((await s.as('configurer', 'GET', '/api/time-profiles')).status).toBe(200);
  },
  getTimeProfile: async (s) => s.denied('nobody', 'GET', `/api/time-profiles/${await adminProfile(s)}`),
  createTimeProfile: async (s) => s.denied('userManager', 'POST', '/api/time-profiles', { name: 'Nights', windows: [{ days: [1], from: '22:00', to: '06:00' }] }),
  updateTimeProfile: async (s) => s.denied('userManager', 'PATCH', `/api/time-profiles/${await adminProfile(s)}`, { name: 'Changed' }),
  deleteTimeProfile: async (s) => s.denied('allOnA', 'DELETE', `/api/time-profiles/${await adminProfile(s)}`),
  exportConfiguration: async (s) => {
    // Managing configuration is not enough: the file carries every password hash.
    await s.denied('configurer', 'POST', '/api/configuration/export', { password: 'backup-password' });
    await s.denied('userManager', 'POST', '/api/configuration/export', { password: 'backup-password' });
  },
  importConfiguration: async (s) => {
    const exported = await s.as('admin', 'POST', '/api/configuration/export', { password: 'backup-password' });
    expect(exported.status).toBe(200);
    await s.denied('configurer', 'POST', '/api/configuration/import', { password: 'backup-password', document: exported.body });
  },
  getSystemStatus: async (s) => {
    await s.denied('userManager', 'GET', '/api/system/status');
    await s.denied('allOnA', 'GET', '/api/system/status');
    expect((await s.as('configurer', 'GET', '/api/system/status')).status).toBe(200);
  },
};
