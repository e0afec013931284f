/**
 * The security test's rules for bookmarks and evidence locks beyond creating and listing
 * locks, kept here so the table in security.test.ts stays readable; it spreads them in. Each
 * proves the check with a real 403: a role lacking the right (liveOnA), and a role with every
 * right on camera A only (allOnA) acting on something that also names camera B.
 */
import { expect } from 'vitest';
import type { SecuritySite } from './securityFixture';

export type SecurityRule = 'public' | ((s: SecuritySite) => Promise<void>);

const iso = (ms: number) => new Date(ms).toISOString();
const hour = 3600_000;

/** A bookmark the administrator made on these cameras; returns its id. */
export async function adminBookmark(s: SecuritySite, cameraIds: string[], header = 'note'): Promise<string> {
  const res = await s.as('admin', 'POST', '/api/bookmarks', { cameraIds, time: iso(s.clock.now() - 60_000), preSeconds: 5, postSeconds: 5, header });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (res.body as { id: string }).id;
}

/** An evidence lock the administrator made on these cameras, ending in a day; returns its id. */
export async function adminLock(s: SecuritySite, cameraIds: string[], reason = 'incident'): Promise<string> {
  const res = await s.as('admin', 'POST', '/api/evidence-locks', {
    cameraIds, from: iso(s.clock.now() - hour), to: iso(s.clock.now()), until: iso(s.clock.now() + 24 * hour), reason,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (res.body as { id: string }).id;
}

export const BOOKMARK_AND_LOCK_RULES: Record<string, SecurityRule> = {
  createBookmark: async (s) => {
    const body = (cameraIds: string[]) => ({ cameraIds, time: iso(s.clock.now()), header: 'mine' });
    await s.denied('liveOnA', 'POST', '/api/bookmarks', body([s.cameraA]));
    await s.denied('allOnA', 'POST', '/api/bookmarks', body([s.cameraA, s.cameraB]));
    expect((await s.as('allOnA', 'POST', '/api/bookmarks', body([s.cameraA]))).status).toBe(201);
  },
  searchBookmarks: async (s) => {
    await adminBookmark(s, [s.cameraA, s.cameraB], 'on both');
    await adminBookmark(s, [s.cameraA], 'on A');
    const headers = async (actor: 'admin' | 'allOnA' | 'liveOnA') =>
      ((await s.as(actor, 'GET', '/api/bookmarks?limit=1000')).body as { header: string }[]).map((b) => b.header);
    expect(await headers('admin')).toEqual(expect.arrayContaining(['on both', 'on A']));
    expect(await headers('allOnA')).toContain('on A');
    expect(await headers('allOnA')).not.toContain('on both');
    expect(await headers('liveOnA')).toEqual([]);
    await s.denied('allOnA', 'GET', `/api/bookmarks?cameraId=${s.cameraB}`);
    await s.denied('liveOnA', 'GET', `/api/bookmarks?cameraId=${s.cameraA}`);
  },
  getBookmark: async (s) => {
    const both = await adminBookmark(s, [s.cameraA, s.cameraB]);
    const onA = await adminBookmark(s, [s.cameraA]);
    await s.denied('allOnA', 'GET', `/api/bookmarks/${both}`);
    await s.denied('liveOnA', 'GET', `/api/bookmarks/${onA}`);
    expect((await s.as('allOnA', 'GET', `/api/bookmarks/${onA}`)).status).toBe(200);
  },
  updateBookmark: async (s) => {
    const onA = await adminBookmark(s, [s.cameraA]);
    const both = await adminBookmark(s, [s.cameraA, s.cameraB]);
    await s.denied('liveOnA', 'PATCH', `/api/bookmarks/${onA}`, { header: 'changed' });
    await s.denied('allOnA', 'PATCH', `/api/bookmarks/${both}`, { header: 'changed' });
    // Adding a camera needs the right on it too.
    await s.denied('allOnA', 'PATCH', `/api/bookmarks/${onA}`, { cameraIds: [s.cameraA, s.cameraB] });
    expect((await s.as('allOnA', 'PATCH', `/api/bookmarks/${onA}`, { header: 'changed' })).status).toBe(200);
  },
  deleteBookmark: async (s) => {
    const onA = await adminBookmark(s, [s.cameraA]);
    const both = await adminBookmark(s, [s.cameraA, s.cameraB]);
    await s.denied('liveOnA', 'DELETE', `/api/bookmarks/${onA}`);
    await s.denied('allOnA', 'DELETE', `/api/bookmarks/${both}`);
    expect((await s.as('allOnA', 'DELETE', `/api/bookmarks/${onA}`)).status).toBe(204);
  },
  getEvidenceLock: async (s) => {
    const onA = await adminLock(s, [s.cameraA]);
    const both = await adminLock(s, [s.cameraA, s.cameraB]);
    await s.denied('liveOnA', 'GET', `/api/evidence-locks/${onA}`);
    await s.denied('allOnA', 'GET', `/api/evidence-locks/${both}`);
    expect((await s.as('allOnA', 'GET', `/api/evidence-locks/${onA}`)).status).toBe(200);
  },
  extendEvidenceLock: async (s) => {
    const onA = await adminLock(s, [s.cameraA]);
    const both = await adminLock(s, [s.cameraA, s.cameraB]);
    const later = { until: iso(s.clock.now() + 48 * hour) };
    await s.denied('liveOnA', 'PATCH', `/api/evidence-locks/${onA}`, later);
    await s.denied('allOnA', 'PATCH', `/api/evidence-locks/${both}`, later);
    expect((await s.as('allOnA', 'PATCH', `/api/evidence-locks/${onA}`, later)).status).toBe(200);
  },
  deleteEvidenceLock: async (s) => {
    const onA = await adminLock(s, [s.cameraA]);
    const both = await adminLock(s, [s.cameraA, s.cameraB]);
    await s.denied('liveOnA', 'DELETE', `/api/evidence-locks/${onA}`);
    await s.denied('allOnA', 'DELETE', `/api/evidence-locks/${both}`);
    expect((await s.as('allOnA', 'DELETE', `/api/evidence-locks/${onA}`)).status).toBe(204);
  },
};
