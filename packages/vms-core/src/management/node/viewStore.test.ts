import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VmsError } from '../../base/common/errors';
import { SiteKeys } from '../../security/node/siteKeys';
import { tempDir } from '../../../test/util/syntheticMedia';
import type { ViewInput } from '../common/view';
import { DEFAULT_SHARED_GROUP_ID } from '../common/viewGroup';
import { ConfigStore } from './configStore';

const disposers: (() => void)[] = [];
afterEach(() => {
  for (const d of disposers.splice(0).reverse()) d();
});

function setup() {
  const dir = tempDir('nightjar-views-');
  disposers.push(() => dir.dispose());
  const config = new ConfigStore(join(dir.path, 'config.db'), SiteKeys.loadOrCreate(join(dir.path, 'site-key.json')));
  disposers.push(() => config.close());
  const addUser = (id: string) => config.db.prepare('INSERT INTO user (id, username, password_hash, created_at) VALUES (?, ?, ?, 0)').run(id, id, 'x');
  addUser('alice');
  addUser('bob');
  return { config, views: config.views };
}

const input = (o: Partial<ViewInput> = {}): ViewInput => ({
  name: 'Entrances', groupId: 'private-alice', layoutId: '1x1', layout: { columns: 1, rows: 1, tiles: [{ x: 0, y: 0, width: 1, height: 1 }] }, cameraIds: ['cam-1'], ...o,
});

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return e instanceof VmsError ? e.code : String(e);
  }
};

describe('ViewStore', () => {
  it('lists the views of the groups asked for, by name', () => {
    const { views } = setup();
    views.create(input({ name: 'b private' }), 'alice', 1);
    views.create(input({ name: 'A shared', groupId: DEFAULT_SHARED_GROUP_ID }), 'alice', 2);
    views.create(input({ name: 'c mine', groupId: 'private-bob' }), 'bob', 3);
    expect(views.listInGroups([DEFAULT_SHARED_GROUP_ID, 'private-bob']).map((v) => v.name)).toEqual(['A shared', 'c mine']);
    expect(views.listInGroups([DEFAULT_SHARED_GROUP_ID, 'private-alice']).map((v) => [v.name, v.shared])).toEqual([['A shared', true], ['b private', false]]);
    expect(views.listInGroups([])).toEqual([]);
  });

  it('stores exactly what was given and counts revisions', () => {
    const { views } = setup();
    const v = views.create(input({ layout: { columns: 1, rows: 1, tiles: [{ x: 0, y: 0, width: 1, height: 1, extra: 1 } as never] } }), 'alice', 10);
    expect(v).toMatchObject({ ownerId: 'alice', groupId: 'private-alice', shared: false, revision: 1, createdAt: 10, updatedAt: 10, cameraIds: ['cam-1'] });
    expect(v.layout.tiles).toEqual([{ x: 0, y: 0, width: 1, height: 1 }]);
    const w = views.update(v.id, input({ name: 'Renamed', groupId: DEFAULT_SHARED_GROUP_ID, cameraIds: [null] }), 1, 20);
    expect(w).toMatchObject({ name: 'Renamed', shared: true, groupId: DEFAULT_SHARED_GROUP_ID, cameraIds: [null], revision: 2, createdAt: 10, updatedAt: 20 });
  });

  it("keeps a private group to its owner's views, and refuses groups that do not exist", () => {
    const { views } = setup();
    expect(codeOf(() => views.create(input({ groupId: 'private-bob' }), 'alice', 1))).toBe('VMS_ERR_BAD_INPUT');
    expect(codeOf(() => views.create(input({ groupId: 'nope' }), 'alice', 1))).toBe('VMS_ERR_BAD_INPUT');
    const v = views.create(input({ groupId: DEFAULT_SHARED_GROUP_ID }), 'alice', 1);
    // Someone else moving alice's shared view into their own private group would take it from her.
    expect(codeOf(() => views.update(v.id, input({ groupId: 'private-bob' }), 1, 2))).toBe('VMS_ERR_BAD_INPUT');
    expect(views.get(v.id)).toMatchObject({ groupId: DEFAULT_SHARED_GROUP_ID, revision: 1 });
  });

  it('refuses an update based on an old revision and changes nothing', () => {
    const { views } = setup();
    const v = views.create(input(), 'alice', 1);
    views.update(v.id, input({ name: 'First edit' }), 1, 2);
    expect(codeOf(() => views.update(v.id, input({ name: 'Late edit' }), 1, 3))).toBe('VMS_ERR_STALE_REVISION');
    expect(views.get(v.id)).toMatchObject({ name: 'First edit', revision: 2 });
    expect(codeOf(() => views.update('nope', input(), 1, 3))).toBe('VMS_ERR_NOT_FOUND');
  });

  it('refuses invalid views with the reason', () => {
    const { views } = setup();
    expect(codeOf(() => views.create(input({ cameraIds: [] }), 'alice', 1))).toBe('VMS_ERR_BAD_INPUT');
    expect(views.listInGroups(['private-alice'])).toEqual([]);
  });

  it("drops a deleted user's private groups with their views and keeps their shared views", () => {
    const { config, views } = setup();
    views.create(input({ name: 'private' }), 'alice', 1);
    const own = config.viewGroups.create({ name: 'Night shift', shared: false, allRoles: false, roleIds: [] }, 'alice', 1);
    views.create(input({ name: 'night', groupId: own.id }), 'alice', 1);
    const shared = views.create(input({ name: 'shared', groupId: DEFAULT_SHARED_GROUP_ID }), 'alice', 2);
    config.db.prepare('DELETE FROM user WHERE id = ?').run('alice');
    expect(views.listInGroups(['private-alice', own.id, DEFAULT_SHARED_GROUP_ID]).map((v) => v.name)).toEqual(['shared']);
    expect(config.viewGroups.list().map((g) => g.id)).not.toContain(own.id);
    expect(views.get(shared.id).ownerId).toBe('alice');
  });
});

describe('camera groups', () => {
  it('stores a normalised group path and refuses empty folder names', () => {
    const { config } = setup();
    const dir = tempDir('nightjar-views-storage-');
    disposers.push(() => dir.dispose());
    config.addStorage({ id: 'live', name: 'Live', path: dir.path, maxBytes: 1e9, retentionHours: 24, archiveEveryMinutes: 60, encrypted: false, minFreeBytes: 0 });
    const camera = config.addHardware({
      driver: 'rtsp', address: 'rtsp://127.0.0.1:9/a', cameras: [{ key: 'main', name: 'A', streams: [{ key: 'main', name: 'main', url: 'rtsp://127.0.0.1:9/a' }] }],
    }, {}, 'A', 'live').cameras[0]!;
    expect(camera.group).toBe('');
    expect(config.updateCamera(camera.id, { group: ' Building A / Lobby ' }).group).toBe('Building A/Lobby');
    expect(codeOf(() => config.updateCamera(camera.id, { group: 'Building A//Lobby' }))).toBe('VMS_ERR_BAD_INPUT');
    expect(config.getCamera(camera.id).group).toBe('Building A/Lobby');
    expect(config.updateCamera(camera.id, { name: 'Renamed' }).group).toBe('Building A/Lobby');
    expect(config.updateCamera(camera.id, { group: '' }).group).toBe('');
  });
});
