/**
 * Export and import of the whole configuration: a round trip onto a fresh site keeps every
 * object, password and device secret; bad files, wrong passwords and broken references are
 * refused whole, with the field named, and change nothing.
 */
import { describe, expect, it } from 'vitest';
import type { ConfigurationDocumentBody, ImportConfigurationResult } from '../../src/api/common/backupSchemas';
import type { CameraBody } from '../../src/api/common/schemas';
import type { HardwareInfo } from '../../src/devices/common/types';
import { TestSite } from './siteFixture';
import type { ErrorReply } from './siteFixture';

type FieldError = ErrorReply & { field?: string };
const PASSWORD = 'backup-password';

/** Answers any probe with one camera on a port nothing listens on. */
async function fakeProbe(req: { address: string }): Promise<HardwareInfo> {
  return {
    driver: 'rtsp', address: req.address, model: 'Fake', firmware: '1.2',
    cameras: [{ key: 'camera', name: 'Fake', streams: [{ key: 'main', name: 'Main', url: `${req.address}/main`, codec: 'h264', width: 640, height: 360 }] }],
  };
}

/** A site with something of every kind: storages (one encrypted), hardware with a password, a time profile, a role, users. */
async function configuredSite(): Promise<{ ts: TestSite; cameraId: string; hardwareId: string }> {
  const ts = await TestSite.open({ probeHardware: fakeProbe });
  const ok = (res: { status: number; body: unknown }, status = 200) => {
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    return res.body as { id: string };
  };
  ok(await ts.request('PATCH', '/api/site', { name: 'Depot', description: 'Yard and gate' }));
  const vault = ok(await ts.request('POST', '/api/storages', { name: 'Vault', path: `${ts.dataDir}/vault`, retentionHours: 24 * 90, maxBytes: 2 ** 30, encrypted: true }), 201);
  ok(await ts.request('PATCH', '/api/storages/live', { retentionHours: 48, archive: { storageId: vault.id, grooming: { keyFramesOnly: true } } }));
  const added = ok(await ts.request('POST', '/api/hardware', { driver: 'rtsp', address: 'rtsp://127.0.0.1:9', username: 'cam', password: 'device-secret', name: 'Gate' }), 201) as unknown as { hardware: { id: string }; cameras: CameraBody[] };
  const cameraId = added.cameras[0]!.id;
  ok(await ts.request('PATCH', `/api/cameras/${cameraId}`, { policy: { mode: 'motion', preBufferSeconds: 5 }, motion: { sensitivity: 80 } }));
  const profile = ok(await ts.request('POST', '/api/time-profiles', { name: 'Day', timeZone: 'Europe/Oslo', windows: [{ days: [1, 2, 3, 4, 5], from: '06:00', to: '20:00' }] }), 201);
  const role = ok(await ts.request('POST', '/api/roles', { name: 'Guards', grants: [
    { cameraId, rights: ['live', 'playback'], timeProfileId: profile.id }, { cameraId: null, rights: ['live'], timeProfile: { maxAgeDays: 2 } },
  ] }), 201);
  ok(await ts.request('POST', '/api/users', { username: 'guard', password: 'guard-password', roleIds: [role.id] }), 201);
  ok(await ts.request('PATCH', '/api/smtp-settings', { host: 'smtp.example.com', username: 'mailer', password: 'smtp-secret', fromAddress: 'vms@example.com' }));
  return { ts, cameraId, hardwareId: added.hardware.id };
}

async function exportOf(ts: TestSite): Promise<ConfigurationDocumentBody> {
  const res = await ts.request<ConfigurationDocumentBody>('POST', '/api/configuration/export', { password: PASSWORD });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/**
 * Everything but the export time and the sealed block, which differ by design, and the local
 * recording server's id: a restore puts the file's local server onto this site's own.
 */
const plain = (d: ConfigurationDocumentBody) => {
  const { exportedAt: _at, secrets: _secrets, recordingServers, storages, hardware, ...rest } = d;
  const localId = recordingServers.find((r) => r.local)?.id;
  const server = <T extends { recordingServerId: string | null }>(o: T) => ({ ...o, recordingServerId: o.recordingServerId === localId ? 'local' : o.recordingServerId });
  return { ...rest, storages: storages.map(server), hardware: hardware.map(server), recordingServers: recordingServers.map(({ id: _id, ...r }) => r) };
};

// Each export, import and login derives a scrypt key on purpose (32 MiB, tens of ms): a dozen
// per test need more than the default time on a loaded machine.
describe('configuration backup', { timeout: 90_000 }, () => {
  it('round-trips onto a fresh site: objects, ids, passwords, device secrets and storage keys', async () => {
    const { ts, hardwareId } = await configuredSite();
    const doc = await exportOf(ts);
    const text = JSON.stringify(doc);
    for (const secret of ['device-secret', 'guard-password', 'scrypt$', 'smtp-secret']) expect(text).not.toContain(secret);
    expect(doc).toMatchObject({ format: 'nightjar-configuration', version: 1, site: { name: 'Depot' }, secrets: { cipher: 'aes-256-gcm', kdf: { name: 'scrypt' } } });
    expect(doc.roles.find((r) => r.name === 'Guards')!.grants[0]).toEqual({ cameraId: expect.any(String), rights: ['live', 'playback'], timeProfileId: doc.timeProfiles[0]!.id });

    const fresh = await TestSite.open({ probeHardware: fakeProbe });
    const res = await fresh.request<ImportConfigurationResult>('POST', '/api/configuration/import', {
      password: PASSWORD, document: doc, storagePaths: { [doc.storages[1]!.id]: `${fresh.dataDir}/vault`, live: fresh.site.config.getStorage('live').path },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ cameras: { added: 1, changed: 0, removed: 0 }, users: { added: 2, changed: 0, removed: 1 }, storages: { added: 1, changed: 1, removed: 0 } });

    // The admin of the fresh site is gone with its session; the restored admin signs in with the old password.
    expect((await fresh.request('GET', '/api/site')).status).toBe(401);
    fresh.token = (await fresh.request<{ token: string }>('POST', '/api/login', { username: 'admin', password: 'admin-secret' }, null)).body.token;
    const again = await exportOf(fresh);
    const expected = plain(doc);
    expected.storages = expected.storages.map((s) => (s.id === 'live' ? { ...s, path: fresh.site.config.getStorage('live').path } : { ...s, path: `${fresh.dataDir}/vault` }));
    expect(plain(again)).toEqual(expected);
    expect((await fresh.request('POST', '/api/login', { username: 'guard', password: 'guard-password' }, null)).status).toBe(200);
    expect(fresh.site.config.hardwareCredentials(hardwareId)).toEqual({ username: 'cam', password: 'device-secret' });
    expect(fresh.site.eventsAndRules.notificationProfiles.smtpCredentials()).toMatchObject({ username: 'mailer', password: 'smtp-secret' });
    // The storage key is re-wrapped under this site's key and is the same key.
    const key = (t: TestSite, id: string) => t.site.keys.unwrapKey(t.site.config.getStorage(id).wrappedKey!, id).toString('hex');
    expect(key(fresh, doc.storages[1]!.id)).toBe(key(ts, doc.storages[1]!.id));
    // Recording picks the restored camera up at once.
    expect(fresh.site.recording.cameraStatus(fresh.site.config.listCameras()[0]!).connection).not.toBeNull();
    const audit = (await fresh.request<{ details: { counts: object; changes: Record<string, unknown> } }[]>('GET', '/api/audit-log?action=importConfiguration')).body;
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details.changes['site.name']).toEqual({ from: 'Nightjar site', to: 'Depot' });
  });

  it('restores an older state in place: changed objects go back, added ones go away, sessions of restored passwords end', async () => {
    const { ts, cameraId } = await configuredSite();
    const doc = await exportOf(ts);
    await ts.request('PATCH', `/api/cameras/${cameraId}`, { name: 'Renamed' });
    await ts.request('POST', '/api/time-profiles', { name: 'Extra' });
    const guard = (await ts.request<{ id: string }[]>('GET', '/api/users')).body.find((u) => (u as unknown as { username: string }).username === 'guard')!;
    await ts.request('PATCH', `/api/users/${guard.id}`, { password: 'changed-password' });
    const session = (await ts.request<{ token: string }>('POST', '/api/login', { username: 'guard', password: 'changed-password' }, null)).body.token;

    const res = await ts.request<ImportConfigurationResult>('POST', '/api/configuration/import', { password: PASSWORD, document: doc });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({ cameras: { added: 0, changed: 1, removed: 0 }, timeProfiles: { added: 0, changed: 1, removed: 1 } });
    expect(ts.site.config.getCamera(cameraId).name).toBe('Gate');
    expect(ts.site.config.timeProfiles.list().map((p) => p.name)).toEqual(['Day']);
    expect((await ts.request('GET', '/api/site', undefined, session)).status).toBe(401);
    expect((await ts.request('POST', '/api/login', { username: 'guard', password: 'guard-password' }, null)).status).toBe(200);
    const audit = (await ts.request<{ details: { changes: Record<string, unknown> } }[]>('GET', '/api/audit-log?action=importConfiguration')).body[0]!;
    expect(audit.details.changes[`cameras.${cameraId}.name`]).toEqual({ from: 'Renamed', to: 'Gate' });
  });

  it('refuses a wrong password, a changed file and broken references, naming the field, and changes nothing', async () => {
    const { ts, cameraId } = await configuredSite();
    const doc = await exportOf(ts);
    const before = plain(await exportOf(ts));
    const attempt = (document: unknown, password = PASSWORD) => ts.request<FieldError>('POST', '/api/configuration/import', { password, document });
    const clone = (): ConfigurationDocumentBody => JSON.parse(JSON.stringify(doc)) as ConfigurationDocumentBody;

    const cases: [Promise<{ status: number; body: FieldError }>, string, RegExp][] = [
      [attempt(doc, 'wrong-password'), 'password', /wrong password, or the file was changed/],
      // Making oneself an administrator in the file breaks the seal.
      [attempt({ ...clone(), users: clone().users.map((u) => ({ ...u, roleIds: ['administrators'] })) }), 'password', /changed after export/],
      [attempt({ ...clone(), version: 2 }), 'document.version', /version/],
      [attempt({ ...clone(), cameras: clone().cameras.map((c) => ({ ...c, enabled: 'yes' })) }), 'document.cameras[0].enabled', /boolean/],
    ];
    for (const [pending, field, message] of cases) {
      const res = await pending;
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body).toMatchObject({ code: 'VMS_ERR_BAD_INPUT', field });
      expect(res.body.message).toMatch(message);
    }
    // The rules between objects are checked once the seal opens: these files are edited and
    // sealed again with the password, as someone holding it could.
    const { sealed } = await resealed(ts, (d) => ({ ...d, cameras: d.cameras.map((c) => (c.id === cameraId ? { ...c, storageId: 'nowhere' } : c)) }));
    const broken = await attempt(sealed);
    expect(broken.status, JSON.stringify(broken.body)).toBe(400);
    expect(broken.body).toMatchObject({ field: 'document.cameras[0].storageId' });
    const noAdmin = await attempt((await resealed(ts, (d) => ({ ...d, users: d.users.map((u) => ({ ...u, roleIds: [] })) }))).sealed);
    expect(noAdmin.body).toMatchObject({ field: 'document.users', message: expect.stringMatching(/no user is in Administrators/) });
    const overlap = await attempt((await resealed(ts, (d) => ({ ...d, timeProfiles: d.timeProfiles.map((p) => ({ ...p, windows: [...p.windows!, { days: [1], from: '07:00', to: '08:00' }] })) }))).sealed);
    expect(overlap.body).toMatchObject({ field: 'document.timeProfiles[0].windows[1]' });

    expect(plain(await exportOf(ts))).toEqual(before);
    expect((await ts.request<unknown[]>('GET', '/api/audit-log?action=importConfiguration')).body).toEqual([]);
  });
});

/** An export changed by `edit` and sealed again with the backup password. */
async function resealed(ts: TestSite, edit: (d: ConfigurationDocumentBody) => ConfigurationDocumentBody): Promise<{ sealed: ConfigurationDocumentBody }> {
  const { associatedData, configurationSecrets } = await import('../../src/management/node/configurationExport');
  const { sealSecrets } = await import('../../src/management/node/backupCrypto');
  const doc = edit((await ts.request<ConfigurationDocumentBody>('POST', '/api/configuration/export', { password: PASSWORD })).body);
  const { secrets: _old, ...rest } = doc;
  const secrets = configurationSecrets({ config: ts.site.config, roles: ts.site.roles, identity: ts.site.identity, keys: ts.site.keys, events: ts.site.eventsAndRules });
  return { sealed: { ...rest, secrets: await sealSecrets(secrets, PASSWORD, associatedData(rest as never)) } as ConfigurationDocumentBody };
}
