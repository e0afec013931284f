/**
 * The security test's rules for playback, thumbnails and exports (spread into its table).
 * liveOnA may watch camera A live but not play back or export; allOnA has every right on A only.
 */
import { expect } from 'vitest';
import type { SecuritySite } from './securityFixture';
import type { SecurityRule } from './bookmarkSecurityRules';

const iso = (ms: number) => new Date(ms).toISOString();
const hour = 3600_000;
const range = (s: SecuritySite) => `from=${iso(s.clock.now() - hour)}&to=${iso(s.clock.now())}`;

/** An export job of allOnA on camera A; returns its id. */
export async function exportOfAllOnA(s: SecuritySite): Promise<string> {
  const res = await s.as('allOnA', 'POST', '/api/exports', { cameraIds: [s.cameraA], from: iso(s.clock.now() - hour), to: iso(s.clock.now()), format: 'mp4' });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return (res.body as { id: string }).id;
}

/** Another user's job is answered exactly like no job at all. */
async function hidden(s: SecuritySite, method: 'GET' | 'DELETE', url: string): Promise<void> {
  const res = await s.as('liveOnA', method, url);
  expect(res.status, `${method} ${url}`).toBe(404);
}

export const MEDIA_RULES: Record<string, SecurityRule> = {
  getLiveStream: async (s) => {
    // A camera the user has no right on is answered as absent; live is what liveOnA may do.
    expect((await s.as('nobody', 'GET', `/api/cameras/${s.cameraA}/live`)).status).toBe(404);
    expect((await s.as('allOnA', 'GET', `/api/cameras/${s.cameraB}/live`)).status).toBe(404);
    expect((await s.as('liveOnA', 'GET', `/api/cameras/${s.cameraA}/live`)).status).toBe(200);
  },
  getSnapshot: async (s) => s.denied('liveOnA', 'GET', `/api/cameras/${s.cameraA}/snapshot`),
  getPlayback: async (s) => {
    await s.denied('liveOnA', 'GET', `/api/cameras/${s.cameraA}/playback?${range(s)}`);
    expect((await s.as('allOnA', 'GET', `/api/cameras/${s.cameraB}/playback?${range(s)}`)).status).toBe(404);
    expect((await s.as('allOnA', 'GET', `/api/cameras/${s.cameraA}/playback?${range(s)}`)).status).toBe(200);
  },
  getThumbnail: async (s) => s.denied('liveOnA', 'GET', `/api/cameras/${s.cameraA}/thumbnail?at=${iso(s.clock.now() - hour)}`),
  createExport: async (s) => {
    const body = (cameraIds: string[]) => ({ cameraIds, from: iso(s.clock.now() - hour), to: iso(s.clock.now()), format: 'mp4' });
    await s.denied('liveOnA', 'POST', '/api/exports', body([s.cameraA]));
    await s.denied('allOnA', 'POST', '/api/exports', body([s.cameraA, s.cameraB]));
  },
  listExports: async (s) => {
    const id = await exportOfAllOnA(s);
    expect(((await s.as('liveOnA', 'GET', '/api/exports')).body as { id: string }[]).map((j) => j.id)).not.toContain(id);
    expect(((await s.as('allOnA', 'GET', '/api/exports')).body as { id: string }[]).map((j) => j.id)).toContain(id);
  },
  getExportJob: async (s) => hidden(s, 'GET', `/api/exports/${await exportOfAllOnA(s)}`),
  cancelExport: async (s) => hidden(s, 'DELETE', `/api/exports/${await exportOfAllOnA(s)}`),
  downloadExport: async (s) => hidden(s, 'GET', `/api/exports/${await exportOfAllOnA(s)}/files/x.mp4`),
};
