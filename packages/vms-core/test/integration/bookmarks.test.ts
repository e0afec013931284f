import { describe, expect, it } from 'vitest';
import type { BookmarkBody } from '../../src/api/common/bookmarkSchemas';
import type { CameraGrant } from '../../src/management/common/permissions';
import type { SecuritySite } from './securityFixture';
import { openSecuritySite } from './securityFixture';
import type { ErrorReply } from './siteFixture';

const iso = (ms: number) => new Date(ms).toISOString();

interface AuditRow { action: string; username: string | null; target: string | null; details: Record<string, unknown> | null }

/** A user with just these grants; returns their bearer token. */
async function userWith(s: SecuritySite, name: string, grants: CameraGrant[]): Promise<string> {
  const role = await s.as('admin', 'POST', '/api/roles', { name, grants });
  expect(role.status, JSON.stringify(role.body)).toBe(201);
  const user = await s.as('admin', 'POST', '/api/users', { username: name, password: `${name}-password`, roleIds: [(role.body as { id: string }).id] });
  expect(user.status, JSON.stringify(user.body)).toBe(201);
  return (await s.login(name, `${name}-password`)).token;
}

describe('bookmarks through the API', () => {
  it('creates, finds, edits and deletes bookmarks, keeping the creator and recording the editor', async () => {
    const s = await openSecuritySite();
    const t0 = s.clock.now() - 3600_000;
    const create = (body: object) => s.as('allOnA', 'POST', '/api/bookmarks', body);
    const made = await create({ cameraIds: [s.cameraA], time: iso(t0), preSeconds: 10, postSeconds: 30, header: 'Red lorry', description: 'At the north gate' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const lorry = made.body as BookmarkBody;
    expect(lorry).toMatchObject({ createdBy: 'allOnA', updatedBy: null, updatedAt: null, time: iso(t0), preSeconds: 10, postSeconds: 30 });
    const later = (await create({ cameraIds: [s.cameraA], time: iso(t0 + 600_000), header: 'Cyclist' })).body as BookmarkBody;
    expect(later).toMatchObject({ preSeconds: 0, postSeconds: 0, description: '' });
    expect((await create({ cameraIds: [s.cameraA], time: iso(t0), header: 'x', extra: 1 })).status).toBe(400);

    const search = async (q: string) => {
      const res = await s.as('allOnA', 'GET', `/api/bookmarks?${q}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return (res.body as BookmarkBody[]).map((b) => b.header);
    };
    expect(await search('')).toEqual(['Cyclist', 'Red lorry']);
    expect(await search('text=NORTH%20lor')).toEqual(['Red lorry']);
    expect(await search(`from=${iso(t0 + 29_000)}&to=${iso(t0 + 31_000)}`)).toEqual(['Red lorry']);
    expect(await search(`from=${iso(t0 + 31_000)}&to=${iso(t0 + 600_000)}`)).toEqual([]);
    expect(await search(`cameraId=${s.cameraA}&limit=1`)).toEqual(['Cyclist']);

    s.clock.offsetMs += 5000;
    const editStart = s.clock.now();
    const edited = await s.as('admin', 'PATCH', `/api/bookmarks/${lorry.id}`, { header: 'Blue lorry', postSeconds: 60 });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    expect(edited.body).toMatchObject({
      header: 'Blue lorry', postSeconds: 60, description: 'At the north gate', createdBy: 'allOnA', createdAt: lorry.createdAt, updatedBy: 'admin',
    });
    const updatedAt = Date.parse((edited.body as BookmarkBody).updatedAt!);
    expect(updatedAt).toBeGreaterThanOrEqual(editStart);
    expect(updatedAt).toBeLessThanOrEqual(s.clock.now());
    expect((await s.as('allOnA', 'GET', `/api/bookmarks/${lorry.id}`)).body).toEqual(edited.body);
    expect((await s.as('allOnA', 'DELETE', `/api/bookmarks/${lorry.id}`)).status).toBe(204);
    expect((await s.as('allOnA', 'GET', `/api/bookmarks/${lorry.id}`)).status).toBe(404);
    expect((await s.as('allOnA', 'DELETE', `/api/bookmarks/${lorry.id}`)).status).toBe(404);
    expect(await search('')).toEqual(['Cyclist']);

    const log = (await s.as('admin', 'GET', `/api/audit-log?target=${lorry.id}`)).body as AuditRow[];
    expect(log.map((e) => [e.action, e.username])).toEqual([['createBookmark', 'allOnA'], ['updateBookmark', 'admin'], ['deleteBookmark', 'allOnA']]);
    expect(log[0]!.details).toMatchObject({ bookmark: { header: 'Red lorry', cameraIds: [s.cameraA] } });
    expect(log[1]!.details).toEqual({ changes: { header: { from: 'Red lorry', to: 'Blue lorry' }, postSeconds: { from: 30, to: 60 } } });
    expect(log[2]!.details).toMatchObject({ bookmark: { header: 'Blue lorry' } });
  });

  it('needs each right on every camera of the bookmark, and filters search to visible bookmarks', async () => {
    const s = await openSecuritySite();
    // May see and add bookmarks on A and see them on B, but not edit or delete any.
    const viewer = await userWith(s, 'viewer', [
      { cameraId: s.cameraA, rights: ['bookmarkView', 'bookmarkCreate'] }, { cameraId: s.cameraB, rights: ['bookmarkView'] },
    ]);
    const as = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) => s.ts.request<ErrorReply>(method, url, body, viewer);
    const at = iso(s.clock.now());
    const mine = await as('POST', '/api/bookmarks', { cameraIds: [s.cameraA], time: at, header: 'mine' });
    expect(mine.status).toBe(201);
    const id = (mine.body as unknown as BookmarkBody).id;
    expect((await as('POST', '/api/bookmarks', { cameraIds: [s.cameraA, s.cameraB], time: at, header: 'both' })).status).toBe(403);
    expect((await as('PATCH', `/api/bookmarks/${id}`, { header: 'changed' })).body.code).toBe('VMS_ERR_PERMISSION_DENIED');
    expect((await as('DELETE', `/api/bookmarks/${id}`)).status).toBe(403);

    const both = (await s.as('admin', 'POST', '/api/bookmarks', { cameraIds: [s.cameraA, s.cameraB], time: at, header: 'both' })).body as BookmarkBody;
    const onB = (await s.as('admin', 'POST', '/api/bookmarks', { cameraIds: [s.cameraB], time: at, header: 'on B' })).body as BookmarkBody;
    const headers = async (token: string, q = '') => ((await s.ts.request<BookmarkBody[]>('GET', `/api/bookmarks?${q}`, undefined, token)).body).map((b) => b.header).sort();
    expect(await headers(viewer)).toEqual(['both', 'mine', 'on B']);
    expect(await headers(viewer, `cameraId=${s.cameraB}`)).toEqual(['both', 'on B']);
    // allOnA may see bookmarks on A only: the one naming B too is left out, even when asked by text.
    expect(await headers(s.tokens.allOnA)).toEqual(['mine']);
    expect(await headers(s.tokens.allOnA, 'text=both')).toEqual([]);
    expect((await s.as('allOnA', 'GET', `/api/bookmarks/${both.id}`)).status).toBe(403);
    expect((await s.as('allOnA', 'GET', `/api/bookmarks/${onB.id}`)).status).toBe(403);
    expect((await s.as('allOnA', 'GET', `/api/bookmarks?cameraId=${s.cameraA}&cameraId=${s.cameraB}`)).status).toBe(403);
    expect(await headers(s.tokens.configurer)).toEqual([]);
  });

  it('refuses a bookmark reaching past a "last N days" limit on bookmarkCreate', async () => {
    const s = await openSecuritySite();
    const token = await userWith(s, 'recent', [{ cameraId: s.cameraA, rights: ['bookmarkCreate', 'bookmarkView'], timeProfile: { maxAgeDays: 1 } }]);
    const post = (ms: number, preSeconds = 0) => s.ts.request<ErrorReply>('POST', '/api/bookmarks', { cameraIds: [s.cameraA], time: iso(ms), preSeconds, header: 'h' }, token);
    expect((await post(s.clock.now() - 3600_000)).status).toBe(201);
    const old = await post(s.clock.now() - 2 * 86_400_000);
    expect(old.status).toBe(403);
    expect(old.body.message).toMatch(/reaches only media since/);
    // The span counts: an instant inside the limit with a pre-time reaching past it is refused.
    expect((await post(s.clock.now() - 86_400_000 + 60_000, 120)).status).toBe(403);
  });
});
