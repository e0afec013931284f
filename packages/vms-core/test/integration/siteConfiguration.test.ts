/**
 * The site, its recording servers, storages and time profiles through the API: create, read,
 * update, delete, validation errors naming the field, audit entries with old and new values,
 * and that only roles managing configuration change anything.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StorageBody } from '../../src/api/common/schemas';
import type { RecordingServerBody, SiteBody, StoredTimeProfileBody } from '../../src/api/common/siteSchemas';
import type { RoleBody } from '../../src/api/common/securitySchemas';
import { OPERATORS_ROLE_ID } from '../../src/management/common/permissions';
import { TestSite, cleanup } from './siteFixture';
import type { ErrorReply } from './siteFixture';

type FieldError = ErrorReply & { field?: string };
interface AuditRow { action: string; target: string | null; details: Record<string, unknown> }

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nightjar-storage-'));
  cleanup(() => import('node:fs').then((fs) => fs.rmSync(dir, { recursive: true, force: true })));
  return dir;
}

async function auditOf(ts: TestSite, action: string): Promise<AuditRow[]> {
  return (await ts.request<AuditRow[]>('GET', `/api/audit-log?action=${action}`)).body;
}

/** Expects 400 VMS_ERR_BAD_INPUT naming `field`. */
async function rejects(pending: Promise<{ status: number; body: FieldError }>, field: string, message: RegExp): Promise<void> {
  const res = await pending;
  expect(res.status, JSON.stringify(res.body)).toBe(400);
  expect(res.body).toMatchObject({ code: 'VMS_ERR_BAD_INPUT', field });
  expect(res.body.message).toMatch(message);
}

async function operatorToken(ts: TestSite): Promise<string> {
  await ts.site.identity.createUser({ username: 'olivia', password: 'operator-pw', roleIds: [OPERATORS_ROLE_ID] });
  return (await ts.request<{ token: string }>('POST', '/api/login', { username: 'olivia', password: 'operator-pw' }, null)).body.token;
}

describe('site and recording servers', () => {
  it('names and describes the site, lists the local recording server with its cameras and storages', async () => {
    const ts = await TestSite.open();
    expect((await ts.request<SiteBody>('GET', '/api/site')).body).toEqual({ name: 'Nightjar site', description: '' });
    const updated = await ts.request<SiteBody>('PATCH', '/api/site', { name: 'Harbour depot', description: 'Gate and yard' });
    expect(updated.body).toEqual({ name: 'Harbour depot', description: 'Gate and yard' });
    await rejects(ts.request('PATCH', '/api/site', { name: '' }), 'name', /name/);
    await rejects(ts.request('PATCH', '/api/site', { colour: 'red' }), 'colour', /additional/);
    expect((await auditOf(ts, 'updateSite'))[0]!.details).toEqual({
      changes: { name: { from: 'Nightjar site', to: 'Harbour depot' }, description: { from: '', to: 'Gate and yard' } },
    });

    await ts.site.config.addHardware({ driver: 'rtsp', address: '127.0.0.1:9', cameras: [{ key: 'c', name: 'Gate', streams: [{ key: 'main', name: 'main', url: 'rtsp://127.0.0.1:9/x' }] }] }, {}, 'Gate', 'live');
    const servers = (await ts.request<RecordingServerBody[]>('GET', '/api/recording-servers')).body;
    expect(servers).toEqual([expect.objectContaining({ local: true, state: 'online', cameras: 1, enabledCameras: 1, storages: [{ id: 'live', name: 'Live storage' }] })]);
    const renamed = await ts.request<RecordingServerBody>('PATCH', `/api/recording-servers/${servers[0]!.id}`, { name: 'Recorder 1' });
    expect(renamed.body).toMatchObject({ id: servers[0]!.id, name: 'Recorder 1', cameras: 1 });
    expect((await ts.request<FieldError>('PATCH', '/api/recording-servers/nope', { name: 'x' })).status).toBe(404);

    // The same server after a restart: created once, at the first start.
    await ts.closeAndCheck();
    const again = await TestSite.open({ reopen: ts });
    expect((await again.request<RecordingServerBody[]>('GET', '/api/recording-servers')).body).toEqual([expect.objectContaining({ id: servers[0]!.id, name: 'Recorder 1' })]);
  });
});

describe('storages', () => {
  it('creates a storage in a writable folder, applies it at once, and audits it', async () => {
    const ts = await TestSite.open();
    const path = join(tempDir(), 'archive');
    const res = await ts.request<StorageBody>('POST', '/api/storages', { name: 'Archive', path, retentionHours: 24 * 30, maxBytes: 2 ** 30 });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ name: 'Archive', path, retentionHours: 720, maxBytes: 2 ** 30, archiveEveryMinutes: 60, encrypted: false, usedBytes: 0 });
    expect(ts.site.recording.storageHandle(res.body.id)?.root).toBe(path);
    // It can take an archive stage at once, and live storage can archive into it.
    expect((await ts.request('PATCH', '/api/storages/live', { archive: { storageId: res.body.id } })).status).toBe(200);
    const list = (await ts.request<StorageBody[]>('GET', '/api/storages')).body;
    expect(list.map((s) => s.id)).toEqual(['live', res.body.id]);
    expect((await ts.request<RecordingServerBody[]>('GET', '/api/recording-servers')).body[0]!.storages.map((s) => s.name)).toEqual(['Live storage', 'Archive']);
    expect((await auditOf(ts, 'createStorage'))).toEqual([expect.objectContaining({ target: res.body.id, details: { storage: expect.objectContaining({ path, name: 'Archive' }) } })]);
  });

  it('refuses bad storages naming the field, and creates nothing', async () => {
    const ts = await TestSite.open();
    const dir = tempDir();
    const file = join(dir, 'a-file');
    writeFileSync(file, 'not a folder');
    const live = ts.site.config.getStorage('live').path;
    const create = (o: object) => ts.request<FieldError>('POST', '/api/storages', { name: 'S', path: join(dir, 's'), retentionHours: 24, maxBytes: 2 ** 30, ...o });
    await rejects(create({ path: 'relative/folder' }), 'path', /not an absolute path/);
    await rejects(create({ path: join(file, 'sub') }), 'path', /not writable/);
    await rejects(create({ path: join(live, 'inner') }), 'path', /overlaps the folder of storage Live storage/);
    await rejects(create({ retentionHours: 0 }), 'retentionHours', /retentionHours/);
    await rejects(create({ maxBytes: 1000 }), 'maxBytes', /at least 64 MiB/);
    await rejects(create({ maxBytes: 2 ** 60 }), 'maxBytes', /more than the whole disk/);
    await rejects(create({ archive: { storageId: 'nowhere' } }), 'archive.storageId', /nowhere/);
    await rejects(create({ name: undefined }), 'name', /name/);
    await rejects(ts.request('PATCH', '/api/storages/live', { maxBytes: 2 ** 60 }), 'maxBytes', /more than the whole disk/);
    expect((await ts.request<StorageBody[]>('GET', '/api/storages')).body.map((s) => s.id)).toEqual(['live']);
    expect(await auditOf(ts, 'createStorage')).toEqual([]);
  });
});

describe('time profiles', () => {
  const office = { name: 'Office hours', timeZone: 'Europe/Berlin', windows: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '18:00' }], exceptions: [{ from: '2026-12-24', to: '2026-12-26', intervals: [], name: 'Christmas' }] };

  it('creates, lists, changes and deletes profiles, with old and new values in the audit log', async () => {
    const ts = await TestSite.open();
    const created = await ts.request<StoredTimeProfileBody>('POST', '/api/time-profiles', office);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toEqual({ id: expect.any(String), description: '', usedBy: [], ...office });
    const id = created.body.id;
    expect((await ts.request<StoredTimeProfileBody[]>('GET', '/api/time-profiles')).body).toEqual([created.body]);
    expect((await ts.request<StoredTimeProfileBody>('GET', `/api/time-profiles/${id}`)).body).toEqual(created.body);

    const changed = await ts.request<StoredTimeProfileBody>('PATCH', `/api/time-profiles/${id}`, { windows: [{ days: [1, 2, 3, 4, 5], from: '07:00', to: '19:00' }], exceptions: null });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body.exceptions).toBeUndefined();
    expect(changed.body.windows).toEqual([{ days: [1, 2, 3, 4, 5], from: '07:00', to: '19:00' }]);
    const audit = (await auditOf(ts, 'updateTimeProfile'))[0]!;
    expect(audit.target).toBe(id);
    expect(audit.details.changes).toEqual({
      windows: { from: office.windows, to: [{ days: [1, 2, 3, 4, 5], from: '07:00', to: '19:00' }] },
      exceptions: { from: office.exceptions, to: null },
    });

    expect((await ts.request<FieldError>('POST', '/api/time-profiles', { ...office, name: 'office HOURS' })).status).toBe(409);
    expect((await ts.request('DELETE', `/api/time-profiles/${id}`)).status).toBe(204);
    expect((await ts.request('GET', `/api/time-profiles/${id}`)).status).toBe(404);
    expect((await auditOf(ts, 'deleteTimeProfile'))).toEqual([expect.objectContaining({ target: id, details: { timeProfile: expect.objectContaining({ name: 'Office hours' }) } })]);
  });

  it('refuses overlapping windows and exceptions, naming the field', async () => {
    const ts = await TestSite.open();
    const create = (o: object) => ts.request<FieldError>('POST', '/api/time-profiles', { name: 'P', ...o });
    await rejects(create({ windows: [{ days: [1], from: '08:00', to: '12:00' }, { days: [1], from: '11:00', to: '13:00' }] }), 'windows[1]', /Mon 11:00-13:00 overlaps windows\[0\] \(Mon 08:00-12:00\)/);
    await rejects(create({ exceptions: [{ from: '2026-05-01', intervals: [] }, { from: '2026-04-30', to: '2026-05-02', intervals: [] }] }), 'exceptions[1]', /overlaps exceptions\[0\]/);
    await rejects(create({ exceptions: [{ from: '2026-05-01', intervals: [{ from: '10:00', to: '09:00' }] }] }), 'exceptions[0].intervals[0]', /from before to/);
    await rejects(create({ timeZone: 'Mars/Olympus' }), 'timeZone', /unknown time zone/);
    await rejects(create({ windows: [{ days: [1], from: '8:00', to: '12:00' }] }), 'windows[0].from', /pattern/);
    expect((await ts.request<unknown[]>('GET', '/api/time-profiles')).body).toEqual([]);
  });

  it('lets role grants use a stored profile; editing it changes the grant, and a profile in use cannot be deleted', async () => {
    const ts = await TestSite.open();
    const profile = (await ts.request<StoredTimeProfileBody>('POST', '/api/time-profiles', { name: 'Never', exceptions: [{ from: '2000-01-01', to: '2999-12-31', intervals: [] }] })).body;
    await ts.site.config.addHardware({ driver: 'rtsp', address: '127.0.0.1:9', cameras: [{ key: 'c', name: 'Gate', streams: [{ key: 'main', name: 'main', url: 'rtsp://127.0.0.1:9/x' }] }] }, {}, 'Gate', 'live');
    const cameraId = ts.site.config.listCameras()[0]!.id;
    const role = await ts.request<RoleBody>('POST', '/api/roles', { name: 'Guards', grants: [{ cameraId, rights: ['live'], timeProfileId: profile.id }] });
    expect(role.status, JSON.stringify(role.body)).toBe(201);
    // Read back with the profile's rules, so clients and decisions need only timeProfile.
    expect(role.body.grants).toEqual([{ cameraId, rights: ['live'], timeProfileId: profile.id, timeProfile: { exceptions: [{ from: '2000-01-01', to: '2999-12-31', intervals: [] }] } }]);
    await rejects(ts.request('POST', '/api/roles', { name: 'Bad', grants: [{ cameraId, rights: ['live'], timeProfileId: 'nope' }] }), 'grants[0].timeProfileId', /nope/);
    await ts.site.identity.createUser({ username: 'guard', password: 'guard-password', roleIds: [role.body.id] });
    const token = (await ts.request<{ token: string }>('POST', '/api/login', { username: 'guard', password: 'guard-password' }, null)).body.token;
    const live = () => ts.request('GET', `/api/cameras/${cameraId}/live`, undefined, token);
    expect((await live()).status).toBe(403);
    // Editing the profile opens the grant at the guard's next request.
    expect((await ts.request('PATCH', `/api/time-profiles/${profile.id}`, { exceptions: null })).status).toBe(200);
    expect((await live()).status).toBe(200);

    const inUse = await ts.request<FieldError>('DELETE', `/api/time-profiles/${profile.id}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.message).toMatch(/used by the role\(s\) Guards/);
    expect((await ts.request<StoredTimeProfileBody[]>('GET', '/api/time-profiles')).body[0]!.usedBy).toEqual(['Guards']);
    // The inline form still works beside it.
    expect((await ts.request('PATCH', `/api/roles/${role.body.id}`, { grants: [{ cameraId, rights: ['live'], timeProfile: { maxAgeDays: 1 } }] })).status).toBe(200);
    expect((await ts.request('DELETE', `/api/time-profiles/${profile.id}`)).status).toBe(204);
  });
});

describe('rights', () => {
  it('lets only roles that manage configuration change the site, storages, time profiles or hardware', async () => {
    const ts = await TestSite.open();
    const op = await operatorToken(ts);
    const profile = (await ts.request<{ id: string }>('POST', '/api/time-profiles', { name: 'P' })).body;
    const hardware = ts.site.config.addHardware({ driver: 'rtsp', address: '127.0.0.1:9', cameras: [{ key: 'c', name: 'Gate', streams: [{ key: 'main', name: 'main', url: 'rtsp://127.0.0.1:9/x' }] }] }, {}, 'Gate', 'live').hardware;
    const attempts: [string, string, object?][] = [
      ['PATCH', '/api/site', { name: 'Mine' }],
      ['GET', '/api/recording-servers'],
      ['POST', '/api/storages', { name: 'S', path: join(tempDir(), 's'), retentionHours: 1, maxBytes: 2 ** 30 }],
      ['GET', '/api/time-profiles'],
      ['POST', '/api/time-profiles', { name: 'Q' }],
      ['PATCH', `/api/time-profiles/${profile.id}`, { name: 'R' }],
      ['DELETE', `/api/time-profiles/${profile.id}`],
      ['PATCH', `/api/hardware/${hardware.id}`, { name: 'x' }],
      ['DELETE', `/api/hardware/${hardware.id}`],
      ['POST', '/api/hardware/scan', { start: '127.0.0.1', end: '127.0.0.1', ports: [9] }],
      ['POST', '/api/configuration/export', { password: 'backup-password' }],
      ['GET', '/api/system/status'],
    ];
    for (const [method, url, body] of attempts) {
      const res = await ts.request<FieldError>(method as 'GET', url, body, op);
      expect(res.status, `${method} ${url}`).toBe(403);
      expect(res.body.code).toBe('VMS_ERR_PERMISSION_DENIED');
    }
    expect((await ts.request<SiteBody>('GET', '/api/site', undefined, op)).body.name).toBe('Nightjar site');
    expect(ts.site.config.listCameras()).toHaveLength(1);
    expect(ts.site.config.timeProfiles.list().map((p) => p.name)).toEqual(['P']);
  });
});
