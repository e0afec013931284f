import { describe, expect, it } from 'vitest';
import type { SiteUpdate } from '../../src/api/common/updateSchemas';
import type { CameraBody } from '../../src/api/common/schemas';
import { openSecuritySite } from './securityFixture';
import type { SecuritySite } from './securityFixture';
import { ADMIN_PASSWORD, TestSite, testCamera } from './siteFixture';
import { UpdatesClient } from './updatesClient';
import { createView, viewRequest } from './viewSecurityRules';
import { exportOfAllOnA } from './mediaSecurityRules';

type Of<T extends SiteUpdate['type']> = Extract<SiteUpdate, { type: T }>;
const is = <T extends SiteUpdate['type']>(type: T, where: (m: Of<T>) => boolean = () => true) =>
  (m: SiteUpdate): m is Of<T> => m.type === type && where(m as Of<T>);

type Upserted = Extract<SiteUpdate, { type: 'view'; action: 'upserted' }>;
const upserted = (where: (m: Upserted) => boolean) => (m: SiteUpdate): m is Upserted => m.type === 'view' && m.action === 'upserted' && where(m);

const iso = (ms: number) => new Date(ms).toISOString();

async function listening(s: SecuritySite): Promise<string> {
  return s.ts.site.listen(0);
}

/** A shared view every signed-in socket hears of: messages before it were all that came before. */
async function marker(s: SecuritySite, name: string): Promise<(m: SiteUpdate) => boolean> {
  await createView(s, 'admin', { name, shared: true });
  return upserted((m) => m.view.name === name);
}

describe('site updates socket', () => {
  it('needs an auth message with a valid token, within 5 s', async () => {
    const ts = await TestSite.open();
    const base = await ts.site.listen(0);
    const connectedAt = Date.now();
    const silent = await UpdatesClient.connect(base);
    const badToken = await UpdatesClient.connect(base, 'not-a-token');
    const notAuth = await UpdatesClient.connect(base, { type: 'hello' });
    const login = await ts.request<{ refreshToken: string }>('POST', '/api/login', { username: 'admin', password: ADMIN_PASSWORD }, null);
    const refreshToken = await UpdatesClient.connect(base, login.body.refreshToken);
    for (const c of [badToken, notAuth, refreshToken]) expect((await c.closed).code).toBe(4401);
    expect((await silent.closed).code).toBe(4401);
    expect(Date.now() - connectedAt).toBeGreaterThanOrEqual(5_000);
    for (const c of [silent, badToken, notAuth, refreshToken]) expect(c.received).toEqual([]);

    const ok = await UpdatesClient.signedIn(base, ts.token);
    const hello = ok.received[0] as Of<'hello'>;
    expect(Math.abs(Date.parse(hello.serverTime) - Date.now())).toBeLessThan(5_000);
    // Without an upgrade the route is not there: the socket is the only way in.
    expect((await ts.request('GET', '/api/updates', undefined, null)).status).toBe(404);
  }, 60_000);

  it("sends a shared view's edits to the other users and never a private view", async () => {
    const s = await openSecuritySite();
    const base = await listening(s);
    const a = await UpdatesClient.signedIn(base, s.tokens.allOnA);
    const b = await UpdatesClient.signedIn(base, s.tokens.liveOnA);

    const secret = await createView(s, 'allOnA', { name: 'secret' });
    await a.next(upserted((m) => m.view.id === secret.id), 'own private view');
    const shared = await createView(s, 'allOnA', { name: 'lobby', shared: true });
    const first = await b.next(upserted((m) => m.view.id === shared.id), 'shared view');
    expect(first.view).toMatchObject({ revision: 1, editable: false, cameraIds: [s.cameraA, s.cameraB, null, null] });

    const edited = await s.as('allOnA', 'PUT', `/api/views/${shared.id}`, { ...viewRequest(s, { name: 'lobby 2', shared: true }), revision: 1 });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const second = await b.next(upserted((m) => m.view.revision === 2), 'edited view');
    expect(second.view.name).toBe('lobby 2');
    // Made private again: to B it is gone.
    expect((await s.as('allOnA', 'PUT', `/api/views/${shared.id}`, { ...viewRequest(s, { name: 'lobby 2' }), revision: 2 })).status).toBe(200);
    await b.next(is('view', (m) => m.action === 'deleted' && m.viewId === shared.id), 'view made private');

    const end = await marker(s, 'marker');
    await b.next(end, 'marker');
    const seenByB = b.before(end).filter(is('view')).map((m) => (m.action === 'upserted' ? m.view.id : m.viewId));
    expect(seenByB).not.toContain(secret.id);
    expect(seenByB).toEqual([shared.id, shared.id, shared.id]);
  });

  it('sends camera-scoped messages only to users with the right on the camera', async () => {
    const s = await openSecuritySite();
    const base = await listening(s);
    const admin = await UpdatesClient.signedIn(base, s.tokens.admin);
    const onA = await UpdatesClient.signedIn(base, s.tokens.allOnA);
    const liveOnA = await UpdatesClient.signedIn(base, s.tokens.liveOnA);

    const bookmark = async (cameraId: string) => {
      const res = await s.as('admin', 'POST', '/api/bookmarks', { cameraIds: [cameraId], time: iso(s.clock.now() - 60_000), header: 'note' });
      expect(res.status).toBe(201);
      return (res.body as { id: string }).id;
    };
    const onB = await bookmark(s.cameraB);
    const onAOnly = await bookmark(s.cameraA);
    const lock = await s.as('admin', 'POST', '/api/evidence-locks', { cameraIds: [s.cameraB], from: iso(s.clock.now() - 3600_000), to: iso(s.clock.now()), reason: 'B only' });
    expect(lock.status).toBe(201);
    // Status of B, then of A: one coalesced batch, in that order.
    s.ts.site.events.raise({ type: 'connectionLost', cameraId: s.cameraB, severity: 'warning', message: 'B lost' });
    s.ts.site.events.raise({ type: 'motionStarted', cameraId: s.cameraA, severity: 'info', message: 'A motion' });
    await onA.next(is('cameraStatus', (m) => m.status.cameraId === s.cameraA), 'status of A');
    const job = await exportOfAllOnA(s);
    await onA.next(is('exportJob', (m) => m.jobId === job && m.state !== 'queued' && m.state !== 'running'), 'export finished');

    const end = await marker(s, 'after camera messages');
    for (const c of [admin, onA, liveOnA]) await c.next(end, 'marker');
    const summary = (c: UpdatesClient) => c.before(end).flatMap((m) =>
      m.type === 'bookmark' ? [`bookmark ${m.bookmarkId === onB ? 'B' : m.bookmarkId === onAOnly ? 'A' : '?'}`]
        : m.type === 'evidenceLock' ? [`lock ${m.cameraIds.join()}`]
          : m.type === 'cameraStatus' ? [`status ${m.status.cameraId === s.cameraA ? 'A' : 'B'}`]
            : m.type === 'exportJob' ? ['export'] : []);
    expect(summary(admin)).toEqual(expect.arrayContaining(['bookmark B', 'bookmark A', `lock ${s.cameraB}`, 'status B', 'status A', 'export']));
    expect(new Set(summary(onA))).toEqual(new Set(['bookmark A', 'status A', 'export']));
    // liveOnA sees camera A (live), not its bookmarks, and not someone else's export.
    expect(new Set(summary(liveOnA))).toEqual(new Set(['status A']));
  });

  it('announces configuration changes to those who manage it, naming the resources and nothing else', async () => {
    const s = await openSecuritySite();
    const base = await listening(s);
    const configurer = await UpdatesClient.signedIn(base, s.tokens.configurer);
    const userManager = await UpdatesClient.signedIn(base, s.tokens.userManager);
    const operator = await UpdatesClient.signedIn(base, s.tokens.allOnA);
    expect((await s.as('admin', 'PATCH', '/api/storages/live', { retentionHours: 48 })).status).toBe(200);
    await configurer.next(is('configurationChanged', (m) => m.resources.includes('storages')), 'storages changed');
    expect((await s.as('admin', 'POST', '/api/users', { username: 'newcomer', password: 'a-long-password-1', roleIds: [] })).status).toBe(201);
    await userManager.next(is('configurationChanged', (m) => m.resources.includes('users')), 'users changed');
    // A refused change announces nothing.
    expect((await s.as('allOnA', 'PATCH', '/api/storages/live', { retentionHours: 1 })).status).toBe(403);
    // Devices (the outputs a live tile offers) are followed by every client: an operator hears that much of a hardware change.
    const { hardwareId } = (await s.as('admin', 'GET', `/api/cameras/${s.cameraA}`)).body as CameraBody;
    expect((await s.as('admin', 'PATCH', `/api/hardware/${hardwareId}`, { name: 'Hardware A' })).status).toBe(200);
    await operator.next(is('configurationChanged', (m) => m.resources.includes('devices')), 'devices changed');

    const end = await marker(s, 'after configuration changes');
    for (const c of [configurer, userManager, operator]) await c.next(end, 'marker');
    const changes = (c: UpdatesClient) => c.before(end).flatMap((m) => (m.type === 'configurationChanged' ? [m.resources.join()] : []));
    expect(changes(configurer)).toEqual(['storages', 'users', 'hardware,cameras,devices']);
    expect(changes(userManager)).toEqual(['storages', 'users', 'hardware,cameras,devices']);
    expect(changes(operator)).toEqual(['devices']);
  }, 60_000);

  it('tells a socket to refetch cameras when its rights change, and closes it 4401 at logout', async () => {
    const s = await openSecuritySite();
    const base = await listening(s);
    const session = await s.login('liveOnA', 'liveOnA-password');
    const c = await UpdatesClient.signedIn(base, session.token);
    const role = await s.as('admin', 'PATCH', `/api/roles/${s.roleIds.liveOnA}`, { grants: [{ cameraId: s.cameraB, rights: ['live'] }] });
    expect(role.status).toBe(200);
    await c.next(is('camerasChanged'), 'camerasChanged after a role change');
    expect((await s.ts.request('POST', '/api/logout', undefined, session.token)).status).toBe(204);
    const closed = await c.closed;
    expect(closed.code).toBe(4401);
    expect(closed.reason).toMatch(/sign-in .* has ended/);
  }, 60_000); // two waits of up to one re-check (5 s) each, on top of setting up the site

  it('pushes camera status as a real camera goes away and comes back, and camerasChanged on edits', async () => {
    const ts = await TestSite.open();
    const base = await ts.site.listen(0);
    const cam = await testCamera();
    const camera: CameraBody = await ts.addRtspCamera(cam.url);
    await ts.waitForFrames(camera.id, 10);
    const c = await UpdatesClient.signedIn(base, ts.token);

    await cam.stop();
    const lost = await c.next(is('cameraStatus', (m) => m.status.cameraId === camera.id && m.status.connection?.state === 'lost'), 'status: lost', 15_000);
    expect(lost.status.recording).toBe(false);
    await cam.start();
    await c.next(is('cameraStatus', (m) => m.status.cameraId === camera.id && m.status.connection?.state === 'streaming'), 'status: streaming', 20_000);

    const from = c.received.length;
    const moved = await ts.patchCamera(camera.id, { group: 'Building A / Lobby' });
    expect(moved.group).toBe('Building A/Lobby');
    await c.next((m) => c.received.indexOf(m) >= from && m.type === 'camerasChanged', 'camerasChanged');
    expect((await ts.request<CameraBody[]>('GET', '/api/cameras')).body[0]!.group).toBe('Building A/Lobby');
  });
});
