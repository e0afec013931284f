import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VmsError } from '../../base/common/errors';
import { openDatabase } from '../../base/node/sqlite';
import { SiteKeys } from '../../security/node/siteKeys';
import { tempDir } from '../../../test/util/syntheticMedia';
import type { RoleDefinition } from '../common/permissions';
import { DEFAULT_SHARED_GROUP_ID } from '../common/viewGroup';
import type { ViewGroupInput } from '../common/viewGroup';
import { ConfigStore } from './configStore';
import { configMigrations } from './migrations/001_initial';

const disposers: (() => void)[] = [];
afterEach(() => {
  for (const d of disposers.splice(0).reverse()) d();
});

function folder() {
  const dir = tempDir('nightjar-view-groups-');
  disposers.push(() => dir.dispose());
  return dir.path;
}

function open(path: string) {
  const config = new ConfigStore(join(path, 'config.db'), SiteKeys.loadOrCreate(join(path, 'site-key.json')));
  disposers.push(() => config.close());
  return config;
}

function setup() {
  const config = open(folder());
  for (const id of ['alice', 'bob']) config.db.prepare('INSERT INTO user (id, username, password_hash, created_at) VALUES (?, ?, ?, 0)').run(id, id, 'x');
  config.db.prepare("INSERT INTO role (id, name, created_at) VALUES ('guards', 'Guards', 0), ('reception', 'Reception', 0)").run();
  return { config, groups: config.viewGroups };
}

const shared = (o: Partial<ViewGroupInput> = {}): ViewGroupInput => ({ name: 'Entrances', shared: true, allRoles: false, roleIds: ['guards'], ...o });
const role = (id: string, o: Partial<RoleDefinition> = {}): RoleDefinition => ({ id, name: id, builtin: false, manageConfiguration: false, manageUsers: false, grants: [], ...o });
const layout = JSON.stringify({ columns: 1, rows: 1, tiles: [{ x: 0, y: 0, width: 1, height: 1 }] });

const failure = (fn: () => unknown): { code: string; field?: string | undefined; message: string } | undefined => {
  try {
    fn();
    return undefined;
  } catch (e) {
    if (e instanceof VmsError) return { code: e.code, field: e.field, message: e.message };
    throw e;
  }
};

describe('migration 013', () => {
  it("puts existing views in their owner's Private group or the Shared group, seen as before", () => {
    const path = folder();
    // The database as the previous release left it: views with a shared flag and no groups.
    const before = openDatabase(join(path, 'config.db'), configMigrations.filter((m) => m.version < 13));
    before.prepare("INSERT INTO user (id, username, password_hash, created_at) VALUES ('alice', 'alice', 'x', 0), ('carol', 'carol', 'x', 0)").run();
    const insert = before.prepare(`INSERT INTO saved_view (id, name, shared, owner_id, layout_id, layout, camera_ids, revision, created_at, updated_at)
                                   VALUES (?, ?, ?, 'alice', '1x1', ?, '["cam"]', 3, 5, 6)`);
    insert.run('v-private', 'Mine', 0, layout);
    insert.run('v-shared', 'Ours', 1, layout);
    before.close();

    const config = open(path);
    expect(config.views.get('v-private')).toMatchObject({ groupId: 'private-alice', shared: false, revision: 3, cameraIds: ['cam'], createdAt: 5 });
    expect(config.views.get('v-shared')).toMatchObject({ groupId: DEFAULT_SHARED_GROUP_ID, shared: true, ownerId: 'alice' });
    const groups = config.viewGroups.list();
    expect(groups.map((g) => [g.id, g.name, g.isDefault])).toEqual([
      ['private-alice', 'Private', true], ['private-carol', 'Private', true], [DEFAULT_SHARED_GROUP_ID, 'Shared', true],
    ]);
    expect(config.viewGroups.get(DEFAULT_SHARED_GROUP_ID)).toMatchObject({ allRoles: true, roleIds: [] });
    // Shared with every role as before, roles created later included; the private view still alice's alone.
    expect(config.viewGroups.listVisibleTo('carol', [role('new-role')]).map((g) => g.id)).toEqual(['private-carol', DEFAULT_SHARED_GROUP_ID]);
    expect(config.clientProfiles.list().map((p) => [p.id, p.isDefault, p.settings.workspaces.length])).toEqual([['default', true, 4]]);
  });

  it('gives users created later their own Private group', () => {
    const { config } = setup();
    config.db.prepare("INSERT INTO user (id, username, password_hash, created_at) VALUES ('dave', 'dave', 'x', 0)").run();
    expect(config.viewGroups.get('private-dave')).toMatchObject({ shared: false, ownerId: 'dave', name: 'Private', isDefault: true });
  });
});

describe('ViewGroupStore', () => {
  it('creates groups at the end of their list or where asked, keeping positions dense', () => {
    const { groups } = setup();
    const a = groups.create(shared({ name: 'A' }), null, 1);
    const b = groups.create(shared({ name: 'B' }), null, 1, 0);
    expect(groups.list().filter((g) => g.shared).map((g) => [g.name, g.position])).toEqual([['B', 0], ['Shared', 1], ['A', 2]]);
    groups.update(a.id, { position: 0 }, 2);
    expect(groups.list().filter((g) => g.shared).map((g) => g.name)).toEqual(['A', 'B', 'Shared']);
    groups.delete(b.id);
    expect(groups.list().filter((g) => g.shared).map((g) => [g.name, g.position])).toEqual([['A', 0], ['Shared', 1]]);
    // Private lists are per owner: alice's order leaves bob's alone.
    groups.create({ name: 'Night', shared: false, allRoles: false, roleIds: [] }, 'alice', 3, 0);
    expect(groups.listVisibleTo('alice', []).filter((g) => !g.shared).map((g) => [g.name, g.position])).toEqual([['Night', 0], ['Private', 1]]);
    expect(groups.get('private-bob').position).toBe(0);
  });

  it('shows shared groups by role and changes their roles', () => {
    const { groups } = setup();
    const g = groups.create(shared(), null, 1);
    expect(groups.listVisibleTo('bob', [role('reception')]).map((x) => x.id)).not.toContain(g.id);
    expect(groups.listVisibleTo('bob', [role('guards')]).map((x) => x.id)).toContain(g.id);
    expect(groups.update(g.id, { roleIds: ['reception', 'guards'] }, 2)).toMatchObject({ roleIds: ['guards', 'reception'], allRoles: false, updatedAt: 2 });
    // Shown to every role: the role list goes.
    expect(groups.update(g.id, { allRoles: true }, 3)).toMatchObject({ allRoles: true, roleIds: [] });
    expect(groups.listVisibleTo('bob', [])).toContainEqual(expect.objectContaining({ id: g.id }));
  });

  it('refuses bad groups naming the field, and duplicate names in one list only', () => {
    const { groups } = setup();
    expect(failure(() => groups.create(shared({ roleIds: ['ghosts'] }), null, 1))).toMatchObject({ code: 'VMS_ERR_BAD_INPUT', field: 'roleIds[0]' });
    expect(failure(() => groups.create(shared({ name: '' }), null, 1))).toMatchObject({ code: 'VMS_ERR_BAD_INPUT', field: 'name' });
    expect(failure(() => groups.create(shared({ name: 'shared' }), null, 1))).toMatchObject({ code: 'VMS_ERR_CONFLICT', field: 'name' });
    expect(failure(() => groups.update('private-alice', { roleIds: ['guards'] }, 1))).toMatchObject({ code: 'VMS_ERR_BAD_INPUT', field: 'roleIds' });
    // "Shared" is taken among shared groups, not among alice's own.
    expect(groups.create({ name: 'Shared', shared: false, allRoles: false, roleIds: [] }, 'alice', 1).name).toBe('Shared');
    expect(failure(() => groups.create({ name: 'private', shared: false, allRoles: false, roleIds: [] }, 'alice', 1))).toMatchObject({ code: 'VMS_ERR_CONFLICT' });
  });

  it('refuses to delete a default group or one holding views, saying why', () => {
    const { config, groups } = setup();
    expect(failure(() => groups.delete(DEFAULT_SHARED_GROUP_ID))).toMatchObject({ code: 'VMS_ERR_CONFLICT', message: /default shared view group/ });
    expect(failure(() => groups.delete('private-alice'))).toMatchObject({ code: 'VMS_ERR_CONFLICT', message: /default private view group/ });
    const g = groups.create(shared(), null, 1);
    const view = config.views.create({ name: 'Gate', groupId: g.id, layoutId: '1x1', layout: JSON.parse(layout) as never, cameraIds: [null] }, 'bob', 1);
    expect(failure(() => groups.delete(g.id))).toMatchObject({ code: 'VMS_ERR_CONFLICT', message: 'view group "Entrances" holds 1 view; move or delete it first' });
    expect(groups.viewCount(g.id)).toBe(1);
    config.views.delete(view.id);
    expect(groups.delete(g.id).id).toBe(g.id);
    expect(failure(() => groups.get(g.id))).toMatchObject({ code: 'VMS_ERR_NOT_FOUND' });
  });

  it("drops a deleted role from the groups shown to it", () => {
    const { config, groups } = setup();
    const g = groups.create(shared({ roleIds: ['guards', 'reception'] }), null, 1);
    config.db.prepare("DELETE FROM role WHERE id = 'guards'").run();
    expect(groups.get(g.id).roleIds).toEqual(['reception']);
  });
});
