import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VmsError } from '../../base/common/errors';
import { SiteKeys } from '../../security/node/siteKeys';
import { tempDir } from '../../../test/util/syntheticMedia';
import { DEFAULT_CLIENT_PROFILE_ID, DEFAULT_CLIENT_PROFILE_SETTINGS } from '../common/clientProfile';
import { ConfigStore } from './configStore';

const disposers: (() => void)[] = [];
afterEach(() => {
  for (const d of disposers.splice(0).reverse()) d();
});

function setup() {
  const dir = tempDir('nightjar-client-profiles-');
  disposers.push(() => dir.dispose());
  const config = new ConfigStore(join(dir.path, 'config.db'), SiteKeys.loadOrCreate(join(dir.path, 'site-key.json')));
  disposers.push(() => config.close());
  config.db.prepare("INSERT INTO role (id, name, created_at) VALUES ('guards', 'Guards', 0), ('reception', 'Reception', 0)").run();
  return { config, profiles: config.clientProfiles };
}

const failure = (fn: () => unknown) => {
  try {
    fn();
    return undefined;
  } catch (e) {
    if (e instanceof VmsError) return { code: e.code, field: e.field, message: e.message };
    throw e;
  }
};

describe('ClientProfileStore', () => {
  it('creates profiles with settings completed from the defaults, ahead of the default profile', () => {
    const { profiles } = setup();
    const p = profiles.create({ name: ' Guards ', description: 'Night desk', roleIds: ['guards'], settings: { workspaces: ['live', 'alarms'], idleLogoutMinutes: 10 } }, 5);
    expect(p).toMatchObject({ name: 'Guards', roleIds: ['guards'], position: 0, isDefault: false, createdAt: 5 });
    expect(p.settings).toEqual({ ...DEFAULT_CLIENT_PROFILE_SETTINGS, workspaces: ['live', 'alarms'], idleLogoutMinutes: 10 });
    expect(profiles.list().map((x) => x.id)).toEqual([p.id, DEFAULT_CLIENT_PROFILE_ID]);
    expect(profiles.effectiveFor(['guards']).id).toBe(p.id);
    expect(profiles.effectiveFor(['reception']).id).toBe(DEFAULT_CLIENT_PROFILE_ID);
  });

  it('changes only the settings a patch names', () => {
    const { profiles } = setup();
    const p = profiles.create({ name: 'Guards', description: '', roleIds: [], settings: { exportAllowed: false, idleLogoutMinutes: 10 } }, 1);
    const q = profiles.update(p.id, { settings: { tileClock: false } }, 2);
    expect(q.settings).toMatchObject({ exportAllowed: false, idleLogoutMinutes: 10, tileClock: false, tileTitleBar: true });
    expect(q.updatedAt).toBe(2);
  });

  it('keeps one profile per role: assigning a role takes it from the profile that had it', () => {
    const { profiles } = setup();
    const a = profiles.create({ name: 'A', description: '', roleIds: ['guards', 'reception'] }, 1);
    const b = profiles.create({ name: 'B', description: '', roleIds: [] }, 1);
    profiles.update(b.id, { roleIds: ['reception'] }, 2);
    expect(profiles.get(a.id).roleIds).toEqual(['guards']);
    expect(profiles.get(b.id).roleIds).toEqual(['reception']);
  });

  it('orders by priority, and the highest of several roles wins', () => {
    const { profiles } = setup();
    const a = profiles.create({ name: 'A', description: '', roleIds: ['guards'] }, 1);
    const b = profiles.create({ name: 'B', description: '', roleIds: ['reception'] }, 1);
    expect(profiles.effectiveFor(['reception', 'guards']).id).toBe(a.id);
    profiles.update(b.id, { position: 0 }, 2);
    expect(profiles.list().map((p) => [p.name, p.position])).toEqual([['B', 0], ['A', 1], ['Default', 0]]);
    expect(profiles.effectiveFor(['reception', 'guards']).id).toBe(b.id);
    profiles.delete(b.id);
    expect(profiles.get(a.id).position).toBe(0);
    // Its roles fall back to the default profile.
    expect(profiles.effectiveFor(['reception']).id).toBe(DEFAULT_CLIENT_PROFILE_ID);
  });

  it('keeps the default profile: no roles, no place in the order, no deletion', () => {
    const { profiles } = setup();
    expect(failure(() => profiles.update(DEFAULT_CLIENT_PROFILE_ID, { roleIds: ['guards'] }, 1))).toMatchObject({ code: 'VMS_ERR_BAD_INPUT', field: 'roleIds' });
    expect(failure(() => profiles.update(DEFAULT_CLIENT_PROFILE_ID, { position: 0 }, 1))).toMatchObject({ code: 'VMS_ERR_BAD_INPUT', field: 'position' });
    expect(failure(() => profiles.delete(DEFAULT_CLIENT_PROFILE_ID))).toMatchObject({ code: 'VMS_ERR_CONFLICT', message: /default client profile/ });
    expect(profiles.update(DEFAULT_CLIENT_PROFILE_ID, { settings: { defaultLayout: '3x3' } }, 1).settings.defaultLayout).toBe('3x3');
  });

  it('refuses bad profiles naming the field, writing nothing', () => {
    const { profiles } = setup();
    expect(failure(() => profiles.create({ name: 'X', description: '', roleIds: ['ghosts'] }, 1))).toMatchObject({ code: 'VMS_ERR_BAD_INPUT', field: 'roleIds[0]' });
    expect(failure(() => profiles.create({ name: 'X', description: '', roleIds: [], settings: { workspaces: [] } }, 1)))
      .toMatchObject({ code: 'VMS_ERR_BAD_INPUT', field: 'settings.workspaces' });
    expect(failure(() => profiles.create({ name: 'default', description: '', roleIds: [] }, 1))).toMatchObject({ code: 'VMS_ERR_CONFLICT', field: 'name' });
    expect(profiles.list()).toHaveLength(1);
  });

  it('forgets a deleted role', () => {
    const { config, profiles } = setup();
    const p = profiles.create({ name: 'A', description: '', roleIds: ['guards', 'reception'] }, 1);
    config.db.prepare("DELETE FROM role WHERE id = 'guards'").run();
    expect(profiles.get(p.id).roleIds).toEqual(['reception']);
  });
});
