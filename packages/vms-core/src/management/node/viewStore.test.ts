import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VmsError } from '../../base/common/errors';
import { SiteKeys } from '../../security/node/siteKeys';
import { tempDir } from '../../../test/util/syntheticMedia';
import type { ViewInput } from '../common/view';
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
  name: 'Entrances', shared: false, layoutId: '1x1', layout: { columns: 1, rows: 1, tiles: [{ x: 0, y: 0, width: 1, height: 1 }] }, cameraIds: ['cam-1'], ...o,
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
  it('lists own and shared views by name, never private views of others', () => {
    const { views } = setup();
    views.create(input({ name: 'b private' }), 'alice', 1);
    views.create(input({ name: 'A shared', shared: true }), 'alice', 2);
    views.create(input({ name: 'c mine' }), 'bob', 3);
    expect(views.listVisibleTo('bob').map((v) => v.name)).toEqual(['A shared', 'c mine']);
    expect(views.listVisibleTo('alice').map((v) => v.name)).toEqual(['A shared', 'b private']);
  });

  it('stores exactly what was given and counts revisions', () => {
    const { views } = setup();
    const v = views.create(input({ layout: { columns: 1, rows: 1, tiles: [{ x: 0, y: 0, width: 1, height: 1, extra: 1 } as never] } }), 'alice', 10);
    expect(v).toMatchObject({ ownerId: 'alice', revision: 1, createdAt: 10, updatedAt: 10, cameraIds: ['cam-1'] });
    expect(v.layout.tiles).toEqual([{ x: 0, y: 0, width: 1, height: 1 }]);
    const w = views.update(v.id, input({ name: 'Renamed', shared: true, cameraIds: [null] }), 1, 20);
    expect(w).toMatchObject({ name: 'Renamed', shared: true, cameraIds: [null], revision: 2, createdAt: 10, updatedAt: 20 });
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
    expect(views.listVisibleTo('alice')).toEqual([]);
  });

  it("drops a deleted user's private views and keeps their shared ones", () => {
    const { config, views } = setup();
    views.create(input({ name: 'private' }), 'alice', 1);
    const shared = views.create(input({ name: 'shared', shared: true }), 'alice', 2);
    config.db.prepare('DELETE FROM user WHERE id = ?').run('alice');
    expect(views.listVisibleTo('alice').map((v) => v.name)).toEqual(['shared']);
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
