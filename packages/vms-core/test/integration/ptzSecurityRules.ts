/**
 * The security test's rules for PTZ and smart motion search (spread into its table). The
 * site's cameras cannot be steered, so an allowed PTZ call ends in 400 "has no PTZ": that
 * answer comes only after the right was granted, which is what the rule proves.
 */
import { expect } from 'vitest';
import type { Method, SecuritySite } from './securityFixture';
import type { SecurityRule } from './bookmarkSecurityRules';

const iso = (ms: number) => new Date(ms).toISOString();
const hour = 3600_000;

/** liveOnA lacks ptz on A, allOnA has nothing on B; allOnA on A gets past the right check. */
async function needsPtz(s: SecuritySite, method: Method, path: (cameraId: string) => string, body?: unknown): Promise<void> {
  await s.denied('liveOnA', method, path(s.cameraA), body);
  await s.denied('allOnA', method, path(s.cameraB), body);
  await s.denied('nobody', method, path(s.cameraA), body);
  const allowed = await s.as('allOnA', method, path(s.cameraA), body);
  expect(allowed, 'allowed through to the PTZ check').toMatchObject({ status: 400, body: { message: expect.stringMatching(/has no PTZ/) } });
}

const search = (s: SecuritySite, cameraIds: string[]) => ({
  cameraIds, from: iso(s.clock.now() - hour), to: iso(s.clock.now()), region: { x: 0, y: 0, width: 0.5, height: 0.5 },
});

export const PTZ_AND_SEARCH_RULES: Record<string, SecurityRule> = {
  ptzMove: (s) => needsPtz(s, 'POST', (c) => `/api/cameras/${c}/ptz/move`, { pan: 0.5, tilt: 0, zoom: 0 }),
  ptzStop: (s) => needsPtz(s, 'POST', (c) => `/api/cameras/${c}/ptz/stop`),
  listPtzPresets: (s) => needsPtz(s, 'GET', (c) => `/api/cameras/${c}/ptz/presets`),
  gotoPtzPreset: (s) => needsPtz(s, 'POST', (c) => `/api/cameras/${c}/ptz/presets/1/goto`),
  searchMotion: async (s) => {
    await s.denied('liveOnA', 'POST', '/api/search/motion', search(s, [s.cameraA]));
    await s.denied('allOnA', 'POST', '/api/search/motion', search(s, [s.cameraB]));
    // Cameras without playback are left out and named, not searched.
    const partly = await s.as('allOnA', 'POST', '/api/search/motion', search(s, [s.cameraA, s.cameraB]));
    expect(partly).toEqual({ status: 200, body: { hits: [], skippedCameraIds: [s.cameraB], truncated: false } });
  },
};
