/**
 * Client profiles through the API: CRUD with validation naming the field, one profile per role,
 * the caller's effective profile on getCurrentUser (the priority rule for several roles), the
 * push that tells open Smart Clients, and both new lists in a configuration backup.
 */
import { describe, expect, it } from 'vitest';
import type { ClientProfileBody } from '../../src/api/common/clientProfileSchemas';
import type { ConfigurationDocumentBody, ImportConfigurationResult } from '../../src/api/common/backupSchemas';
import type { SiteUpdate } from '../../src/api/common/updateSchemas';
import { DEFAULT_CLIENT_PROFILE_SETTINGS } from '../../src/management/common/clientProfile';
import { openSecuritySite } from './securityFixture';
import type { Actor, SecuritySite } from './securityFixture';
import type { ErrorReply } from './siteFixture';
import { UpdatesClient } from './updatesClient';

type FieldError = ErrorReply & { field?: string };

async function create(s: SecuritySite, body: object): Promise<ClientProfileBody> {
  const res = await s.as('admin', 'POST', '/api/client-profiles', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as ClientProfileBody;
}

const meProfile = async (s: SecuritySite, actor: Actor) =>
  ((await s.as(actor, 'GET', '/api/me')).body as { clientProfile: { id: string; name: string; settings: typeof DEFAULT_CLIENT_PROFILE_SETTINGS } }).clientProfile;

describe('client profiles API', () => {
  it('creates, changes and deletes profiles, and getCurrentUser answers the one that applies', async () => {
    const s = await openSecuritySite();
    expect(await meProfile(s, 'liveOnA')).toEqual({ id: 'default', name: 'Default', settings: DEFAULT_CLIENT_PROFILE_SETTINGS });

    const guards = await create(s, {
      name: 'Guards', description: 'Night desk', roleIds: [s.roleIds.liveOnA],
      settings: { workspaces: ['live', 'alarms'], exportAllowed: false, idleLogoutMinutes: 15 },
    });
    expect(guards).toMatchObject({ position: 0, isDefault: false, roleIds: [s.roleIds.liveOnA], settings: { ...DEFAULT_CLIENT_PROFILE_SETTINGS, workspaces: ['live', 'alarms'], exportAllowed: false, idleLogoutMinutes: 15 } });
    expect(await meProfile(s, 'liveOnA')).toMatchObject({ id: guards.id, settings: { workspaces: ['live', 'alarms'], idleLogoutMinutes: 15 } });
    expect((await meProfile(s, 'allOnA')).id).toBe('default');

    const changed = await s.as('admin', 'PATCH', `/api/client-profiles/${guards.id}`, { settings: { tileClock: false }, name: 'Guard desk' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Guard desk', settings: { tileClock: false, exportAllowed: false, workspaces: ['live', 'alarms'] } });
    const list = (await s.as('admin', 'GET', '/api/client-profiles')).body as ClientProfileBody[];
    expect(list.map((p) => p.name)).toEqual(['Guard desk', 'Default']);

    expect((await s.as('admin', 'DELETE', `/api/client-profiles/${guards.id}`)).status).toBe(204);
    expect((await meProfile(s, 'liveOnA')).id).toBe('default');
    const audit = (await s.as('admin', 'GET', `/api/audit-log?target=${guards.id}`)).body as { action: string; details: { changes?: object } }[];
    expect(audit.map((e) => e.action)).toEqual(['createClientProfile', 'updateClientProfile', 'deleteClientProfile']);
    expect(audit[1]!.details.changes).toMatchObject({ name: { from: 'Guards', to: 'Guard desk' }, 'settings.tileClock': { from: true, to: false } });
  });

  it('gives a user in several roles the profile of theirs first by priority', async () => {
    const s = await openSecuritySite();
    // The user "allOnA" also joins liveOnA's role.
    expect((await s.as('admin', 'PATCH', `/api/users/${s.userIds.allOnA}`, { roleIds: [s.roleIds.allOnA, s.roleIds.liveOnA] })).status).toBe(200);
    const wide = await create(s, { name: 'Wide', roleIds: [s.roleIds.allOnA], settings: { defaultLayout: '4x4' } });
    const narrow = await create(s, { name: 'Narrow', roleIds: [s.roleIds.liveOnA], settings: { defaultLayout: '1x1' } });
    expect((await meProfile(s, 'allOnA')).id).toBe(wide.id);
    expect((await s.as('admin', 'PATCH', `/api/client-profiles/${narrow.id}`, { position: 0 })).status).toBe(200);
    expect(await meProfile(s, 'allOnA')).toMatchObject({ id: narrow.id, settings: { defaultLayout: '1x1' } });

    // Assigning a role takes it from the profile that had it, and the audit says so.
    const moved = await s.as('admin', 'PATCH', `/api/client-profiles/${wide.id}`, { roleIds: [s.roleIds.allOnA, s.roleIds.liveOnA] });
    expect(moved.status).toBe(200);
    expect(((await s.as('admin', 'GET', `/api/client-profiles`)).body as ClientProfileBody[]).find((p) => p.id === narrow.id)?.roleIds).toEqual([]);
    const entry = ((await s.as('admin', 'GET', `/api/audit-log?target=${wide.id}`)).body as { details: { rolesTakenFrom?: object } }[]).at(-1)!;
    expect(entry.details.rolesTakenFrom).toEqual({ [s.roleIds.liveOnA!]: 'Narrow' });
  });

  it('answers bad profiles with 400 naming the field, and keeps the default profile', async () => {
    const s = await openSecuritySite();
    const cases: [object, string][] = [
      [{ name: '' }, 'name'],
      [{ name: 'x', roleIds: ['no-such-role'] }, 'roleIds[0]'],
      [{ name: 'x', settings: { workspaces: [] } }, 'settings.workspaces'],
      [{ name: 'x', settings: { workspaces: ['live', 'live'] } }, 'settings.workspaces[1]'],
      [{ name: 'x', settings: { workspaces: ['maps'] } }, 'settings.workspaces[0]'],
      [{ name: 'x', settings: { idleLogoutMinutes: 5000 } }, 'settings.idleLogoutMinutes'],
      [{ name: 'x', settings: { defaultLayout: 'custom' } }, 'settings.defaultLayout'],
      [{ name: 'x', settings: { kiosk: true } }, 'settings.kiosk'],
    ];
    for (const [body, field] of cases) {
      const res = await s.as('admin', 'POST', '/api/client-profiles', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body as FieldError, JSON.stringify(body)).toMatchObject({ code: 'VMS_ERR_BAD_INPUT', field });
    }
    expect((await s.as('admin', 'POST', '/api/client-profiles', { name: 'DEFAULT' })).status).toBe(409);
    expect((await s.as('admin', 'PATCH', '/api/client-profiles/default', { roleIds: [s.roleIds.liveOnA] })).body).toMatchObject({ field: 'roleIds' });
    expect((await s.as('admin', 'DELETE', '/api/client-profiles/default')).status).toBe(409);
    expect((await s.as('admin', 'PATCH', '/api/client-profiles/nope', { name: 'x' })).status).toBe(404);
    expect(((await s.as('admin', 'GET', '/api/client-profiles')).body as ClientProfileBody[]).map((p) => p.id)).toEqual(['default']);
  });

  it("tells an operator's open client at once when profiles change", async () => {
    const s = await openSecuritySite();
    const base = await s.ts.site.listen(0);
    const socket = await UpdatesClient.signedIn(base, s.tokens.liveOnA);
    await create(s, { name: 'Guards', roleIds: [s.roleIds.liveOnA], settings: { exportAllowed: false } });
    const pushed = await socket.next((m: SiteUpdate) => m.type === 'configurationChanged', 'configurationChanged');
    // Only what every client follows: the rest of the configuration is the administrators' business.
    expect(pushed).toEqual({ type: 'configurationChanged', resources: ['clientProfiles'] });
    expect((await meProfile(s, 'liveOnA')).settings.exportAllowed).toBe(false);
  });

  it('keeps shared view groups and profiles through a backup and restore', async () => {
    const s = await openSecuritySite();
    const group = (await s.as('admin', 'POST', '/api/view-groups', { name: 'Gates', shared: true, roleIds: [s.roleIds.liveOnA] })).body as { id: string };
    const profile = await create(s, { name: 'Guards', roleIds: [s.roleIds.liveOnA], settings: { idleLogoutMinutes: 20 } });
    // A second profile with an id as long as the first's: parking both under their ids must not collide.
    await create(s, { name: 'Drivers', roleIds: [] });
    const password = 'backup-password';
    const doc = (await s.as('admin', 'POST', '/api/configuration/export', { password })).body as ConfigurationDocumentBody;
    expect(doc.viewGroups?.map((g) => g.name)).toEqual(['Shared', 'Gates']);
    expect(doc.clientProfiles?.find((p) => p.id === profile.id)).toMatchObject({ roleIds: [s.roleIds.liveOnA], settings: { idleLogoutMinutes: 20 } });

    // Changed after the backup: the restore puts it back, and a group added since goes, its view moving to "Shared".
    await s.as('admin', 'PATCH', `/api/client-profiles/${profile.id}`, { name: 'Renamed', roleIds: [] });
    await s.as('admin', 'DELETE', `/api/view-groups/${group.id}`);
    const later = (await s.as('admin', 'POST', '/api/view-groups', { name: 'Later', shared: true, allRoles: true })).body as { id: string };
    const view = (await s.as('allOnA', 'POST', '/api/views', {
      name: 'in later', groupId: later.id, layoutId: '1x1', layout: { columns: 1, rows: 1, tiles: [{ x: 0, y: 0, width: 1, height: 1 }] }, cameraIds: [null],
    })).body as { id: string };

    const res = await s.as('admin', 'POST', '/api/configuration/import', { password, document: doc });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body as ImportConfigurationResult).toMatchObject({ viewGroups: { added: 1, changed: 1, removed: 1 }, clientProfiles: { added: 0, changed: 3, removed: 0 } });
    const groups = (await s.as('admin', 'GET', '/api/view-groups')).body as { id: string; name: string; roleIds: string[] }[];
    expect(groups.filter((g) => g.name !== 'Private').map((g) => [g.id, g.name, g.roleIds])).toEqual([['shared', 'Shared', []], [group.id, 'Gates', [s.roleIds.liveOnA]]]);
    expect(s.ts.site.config.views.get(view.id).groupId).toBe('shared');
    expect((await meProfile(s, 'liveOnA')).id).toBe(profile.id);
    expect(s.ts.site.config.clientProfiles.get(profile.id).name).toBe('Guards');
  });
});
