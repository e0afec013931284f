/**
 * View groups through the API: CRUD with validation naming the field, views placed in groups
 * (and the old `shared` flag still choosing the default groups), who sees which views as a
 * group's roles change, refusals to delete, and the pushes that tell open clients.
 */
import { describe, expect, it } from 'vitest';
import type { SiteUpdate } from '../../src/api/common/updateSchemas';
import type { ViewBody } from '../../src/api/common/viewSchemas';
import type { ViewGroupBody } from '../../src/api/common/viewGroupSchemas';
import { openSecuritySite } from './securityFixture';
import type { SecuritySite } from './securityFixture';
import type { ErrorReply } from './siteFixture';
import { UpdatesClient } from './updatesClient';
import { viewRequest } from './viewSecurityRules';

type FieldError = ErrorReply & { field?: string };

async function group(s: SecuritySite, body: object, actor: 'admin' | 'allOnA' | 'liveOnA' = 'admin'): Promise<ViewGroupBody> {
  const res = await s.as(actor, 'POST', '/api/view-groups', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as ViewGroupBody;
}

const groupsOf = async (s: SecuritySite, actor: 'admin' | 'allOnA' | 'liveOnA' | 'nobody') =>
  (await s.as(actor, 'GET', '/api/view-groups')).body as ViewGroupBody[];
const viewNames = async (s: SecuritySite, actor: 'admin' | 'allOnA' | 'liveOnA' | 'nobody') =>
  ((await s.as(actor, 'GET', '/api/views')).body as ViewBody[]).map((v) => v.name).sort();

describe('view groups API', () => {
  it('creates, lists, changes and deletes groups, auditing each change', async () => {
    const s = await openSecuritySite();
    // Every user starts with their own "Private" and sees the site's "Shared".
    expect((await groupsOf(s, 'liveOnA')).map((g) => [g.name, g.shared, g.isDefault, g.editable])).toEqual([
      ['Private', false, true, true], ['Shared', true, true, false],
    ]);
    const entrances = await group(s, { name: 'Entrances', shared: true, roleIds: [s.roleIds.liveOnA], position: 0 });
    expect(entrances).toMatchObject({ shared: true, ownerId: null, allRoles: false, roleIds: [s.roleIds.liveOnA], position: 0, viewCount: 0, editable: true });
    expect((await groupsOf(s, 'liveOnA')).map((g) => g.name)).toEqual(['Private', 'Entrances', 'Shared']);
    // Members see the group but not whom it is shown to.
    expect((await groupsOf(s, 'liveOnA')).find((g) => g.id === entrances.id)).toMatchObject({ editable: false, roleIds: [] });

    const renamed = await s.as('admin', 'PATCH', `/api/view-groups/${entrances.id}`, { name: 'Gates', position: 5 });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Gates', position: 1 });
    const mine = await group(s, { name: 'Night shift', shared: false }, 'liveOnA');
    expect(mine).toMatchObject({ ownerId: s.userIds.liveOnA, position: 1, editable: true });
    expect((await s.as('liveOnA', 'DELETE', `/api/view-groups/${mine.id}`)).status).toBe(204);
    expect((await s.as('admin', 'DELETE', `/api/view-groups/${entrances.id}`)).status).toBe(204);
    expect((await groupsOf(s, 'admin')).map((g) => g.name)).toEqual(['Private', 'Shared']);

    const audit = (await s.as('admin', 'GET', `/api/audit-log?target=${entrances.id}`)).body as { action: string; details: { changes?: object } }[];
    expect(audit.map((e) => e.action)).toEqual(['createViewGroup', 'updateViewGroup', 'deleteViewGroup']);
    expect(audit[1]!.details.changes).toMatchObject({ name: { from: 'Entrances', to: 'Gates' }, position: { from: 0, to: 1 } });
  });

  it('answers bad groups with 400 naming the field, and refuses to delete a default or non-empty group (409)', async () => {
    const s = await openSecuritySite();
    const cases: [object, string][] = [
      [{ name: '  ', shared: true }, 'name'],
      [{ name: 'x', shared: true, roleIds: ['no-such-role'] }, 'roleIds[0]'],
      [{ name: 'x', shared: true, allRoles: true, roleIds: [s.roleIds.liveOnA] }, 'roleIds'],
      [{ name: 'x', shared: false, roleIds: [s.roleIds.liveOnA] }, 'roleIds'],
      [{ name: 'x', shared: true, owner: 'me' }, 'owner'],
      [{ name: 'x' }, 'shared'],
    ];
    for (const [body, field] of cases) {
      const res = await s.as('admin', 'POST', '/api/view-groups', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body as FieldError).toMatchObject({ code: 'VMS_ERR_BAD_INPUT', field });
    }
    const taken = await s.as('admin', 'POST', '/api/view-groups', { name: 'SHARED', shared: true });
    expect(taken.status).toBe(409);
    expect((taken.body as FieldError).field).toBe('name');
    expect((await s.as('admin', 'PATCH', '/api/view-groups/shared', {})).status).toBe(400);

    const shared = await s.as('admin', 'DELETE', '/api/view-groups/shared');
    expect(shared.status).toBe(409);
    expect((shared.body as ErrorReply).message).toMatch(/default shared view group/);
    const g = await group(s, { name: 'Full', shared: true, allRoles: true });
    expect((await s.as('allOnA', 'POST', '/api/views', { ...viewRequest(s), shared: undefined, groupId: g.id })).status).toBe(201);
    const full = await s.as('admin', 'DELETE', `/api/view-groups/${g.id}`);
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ code: 'VMS_ERR_CONFLICT', message: 'view group "Full" holds 1 view; move or delete it first' });
    expect((await groupsOf(s, 'admin')).find((x) => x.id === g.id)?.viewCount).toBe(1);
  });

  it('places views in groups: by groupId, or by the shared flag as before groups', async () => {
    const s = await openSecuritySite();
    const gates = await group(s, { name: 'Gates', shared: true, roleIds: [s.roleIds.liveOnA] });
    const create = async (actor: 'allOnA' | 'liveOnA', o: object) => s.as(actor, 'POST', '/api/views', { ...viewRequest(s), shared: undefined, ...o });

    const old = await create('allOnA', { name: 'old style', shared: true });
    expect(old.body).toMatchObject({ groupId: 'shared', shared: true });
    const mine = await create('allOnA', { name: 'mine' });
    expect(mine.body).toMatchObject({ groupId: (await groupsOf(s, 'allOnA'))[0]!.id, shared: false });
    const inGates = await create('liveOnA', { name: 'gate view', groupId: gates.id });
    expect(inGates.status, JSON.stringify(inGates.body)).toBe(201);
    expect(inGates.body).toMatchObject({ groupId: gates.id, shared: true, editable: true });

    // A group one does not see reads as missing; a kind that contradicts the group is named.
    expect((await create('allOnA', { name: 'x', groupId: gates.id })).body).toMatchObject({ code: 'VMS_ERR_BAD_INPUT', field: 'groupId' });
    expect((await create('liveOnA', { name: 'x', groupId: gates.id, shared: false })).body).toMatchObject({ code: 'VMS_ERR_BAD_INPUT', field: 'shared' });

    expect(await viewNames(s, 'liveOnA')).toEqual(['gate view', 'old style']);
    expect(await viewNames(s, 'allOnA')).toEqual(['mine', 'old style']);

    // Moving: the owner moves their view between groups they see; unsharing returns it to the owner's Private.
    const view = inGates.body as ViewBody;
    const moved = await s.as('liveOnA', 'PUT', `/api/views/${view.id}`, { ...viewRequest(s, { name: 'gate view' }), shared: undefined, groupId: 'shared', revision: 1 });
    expect(moved.body).toMatchObject({ groupId: 'shared', revision: 2 });
    const unshared = await s.as('admin', 'PUT', `/api/views/${view.id}`, { ...viewRequest(s, { name: 'gate view' }), shared: false, revision: 2 });
    expect(unshared.status, JSON.stringify(unshared.body)).toBe(200);
    expect((unshared.body as ViewBody).groupId).toBe((await groupsOf(s, 'liveOnA'))[0]!.id);
    expect(await viewNames(s, 'admin')).toEqual(['old style']);
  });

  it("follows a group's roles: views appear and disappear for members, and every client hears the change", async () => {
    const s = await openSecuritySite();
    const base = await s.ts.site.listen(0);
    const socket = await UpdatesClient.signedIn(base, s.tokens.allOnA);
    const g = await group(s, { name: 'Control room', shared: true, roleIds: [s.roleIds.liveOnA] });
    // Group changes reach operators too: they decide what every Smart Client's views panel shows.
    const changed = (m: SiteUpdate) => m.type === 'configurationChanged' && m.resources.includes('viewGroups');
    await socket.next(changed, 'configurationChanged viewGroups');
    expect((await s.as('liveOnA', 'POST', '/api/views', { ...viewRequest(s, { name: 'wall' }), shared: undefined, groupId: g.id })).status).toBe(201);
    expect(await viewNames(s, 'allOnA')).toEqual([]);

    const before = socket.received.filter(changed).length;
    expect((await s.as('admin', 'PATCH', `/api/view-groups/${g.id}`, { roleIds: [s.roleIds.allOnA] })).status).toBe(200);
    await socket.next(() => socket.received.filter(changed).length > before, 'second configurationChanged');
    expect(await viewNames(s, 'allOnA')).toEqual(['wall']);
    expect(await viewNames(s, 'liveOnA')).toEqual([]);
    // The owner who no longer sees the group no longer reaches the view either.
    const id = ((await s.as('allOnA', 'GET', '/api/views')).body as ViewBody[])[0]!.id;
    expect((await s.as('liveOnA', 'DELETE', `/api/views/${id}`)).status).toBe(404);
  });
});
