import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { VmsError } from '../../base/common/errors';
import { SiteKeys } from '../../security/node/siteKeys';
import { tempDir } from '../../../test/util/syntheticMedia';
import type { BookmarkInput } from '../common/evidence';
import { ConfigStore } from './configStore';

const disposers: (() => void)[] = [];
afterEach(() => {
  for (const d of disposers.splice(0).reverse()) d();
});

/** A configuration database with three cameras; bookmarks need real camera rows. */
function setup() {
  const dir = tempDir('nightjar-bookmarks-');
  disposers.push(() => dir.dispose());
  const config = new ConfigStore(join(dir.path, 'config.db'), SiteKeys.loadOrCreate(join(dir.path, 'site-key.json')));
  disposers.push(() => config.close());
  config.addStorage({ id: 'live', name: 'Live', path: dir.path, maxBytes: 1e9, retentionHours: 24, archiveEveryMinutes: 60, encrypted: false, minFreeBytes: 0 });
  const [a, b, c] = ['A', 'B', 'C'].map((name) => config.addHardware({
    driver: 'rtsp', address: `rtsp://127.0.0.1:9/${name}`,
    cameras: [{ key: 'main', name, streams: [{ key: 'main', name: 'main', url: 'rtsp://127.0.0.1:9/none' }] }],
  }, {}, name, 'live').cameras[0]!.id) as [string, string, string];
  return { config, store: config.bookmarks, a, b, c };
}

const T0 = Date.UTC(2025, 5, 1, 12);
const input = (o: Partial<BookmarkInput> & Pick<BookmarkInput, 'cameraIds'>): BookmarkInput => ({
  at: T0, preSeconds: 10, postSeconds: 20, header: 'Note', description: '', ...o,
});

const codeOf = (fn: () => unknown): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (e) {
    return e instanceof VmsError ? e.code : String(e);
  }
};

describe('BookmarkStore', () => {
  it('finds bookmarks by words of the header or description, ignoring case, short words too', () => {
    const { store, a } = setup();
    const lorry = store.create(input({ cameraIds: [a], header: 'Red LORRY at the gate', description: 'driver wore a cap' }), 'ann', T0);
    const van = store.create(input({ cameraIds: [a], header: 'White van', description: 'parked by the lorry bay' }), 'ann', T0 + 1);
    store.create(input({ cameraIds: [a], header: 'Cat', description: '100% harmless_thing' }), 'ann', T0 + 2);
    const headers = (text: string) => store.search({ text }).map((x) => x.header);

    expect(headers('lorry')).toEqual(expect.arrayContaining([lorry.header, van.header]));
    expect(headers('lorry')).toHaveLength(2);
    expect(headers('orr gate')).toEqual([lorry.header]);
    expect(headers('CAP')).toEqual([lorry.header]);
    // Under three characters the trigram index cannot help; LIKE takes over, wildcards escaped.
    expect(headers('at')).toEqual(expect.arrayContaining(['Red LORRY at the gate', 'Cat']));
    expect(headers('%')).toEqual(['Cat']);
    expect(headers('_')).toEqual(['Cat']);
    expect(headers('"quoted"')).toEqual([]);
    expect(headers('nothing-like-this')).toEqual([]);
  });

  it('finds bookmarks whose span meets a time range, and by camera, newest first', () => {
    const { store, a, b, c } = setup();
    const early = store.create(input({ cameraIds: [a], at: T0, preSeconds: 0, postSeconds: 60 }), 'ann', T0);
    const late = store.create(input({ cameraIds: [b, c], at: T0 + 3600_000, preSeconds: 30, postSeconds: 0 }), 'ann', T0);
    const ids = (q: Parameters<typeof store.search>[0]) => store.search(q).map((x) => x.id);

    expect(ids({})).toEqual([late.id, early.id]);
    // The span counts, not only the marked instant: 30 s before `late` reaches into the range.
    expect(ids({ from: T0 + 3600_000 - 40_000, to: T0 + 3600_000 - 20_000 })).toEqual([late.id]);
    expect(ids({ from: T0 + 59_000, to: T0 + 61_000 })).toEqual([early.id]);
    expect(ids({ from: T0 + 61_000, to: T0 + 3600_000 - 31_000 })).toEqual([]);
    expect(ids({ to: T0 })).toEqual([]);
    expect(ids({ cameraIds: [c] })).toEqual([late.id]);
    expect(ids({ cameraIds: [a, c] })).toEqual([late.id, early.id]);
    expect(ids({ limit: 1 })).toEqual([late.id]);
  });

  it('shows a bookmark only when all its cameras are visible to the caller', () => {
    const { store, a, b } = setup();
    const both = store.create(input({ cameraIds: [a, b] }), 'ann', T0);
    const onlyA = store.create(input({ cameraIds: [a], at: T0 - 1000 }), 'ann', T0);
    expect(store.search({ visibleCameraIds: [a] }).map((x) => x.id)).toEqual([onlyA.id]);
    expect(store.search({ visibleCameraIds: [a, b] }).map((x) => x.id)).toEqual([both.id, onlyA.id]);
    expect(store.search({ visibleCameraIds: [] })).toEqual([]);
  });

  it('keeps the creator when edited, records the editor, and re-indexes the text', () => {
    const { store, a, b } = setup();
    const made = store.create(input({ cameraIds: [a], header: 'Bicycle' }), 'ann', T0);
    expect(made).toMatchObject({ createdBy: 'ann', createdAt: T0, updatedBy: null, updatedAt: null, cameraIds: [a] });
    const edited = store.update(made.id, { header: 'Scooter', cameraIds: [b, a], postSeconds: 5 }, 'bob', T0 + 5000);
    expect(edited).toMatchObject({
      id: made.id, header: 'Scooter', cameraIds: [b, a], preSeconds: 10, postSeconds: 5,
      createdBy: 'ann', createdAt: T0, updatedBy: 'bob', updatedAt: T0 + 5000,
    });
    expect(store.get(made.id)).toEqual(edited);
    expect(store.search({ text: 'bicycle' })).toEqual([]);
    expect(store.search({ text: 'scoot' }).map((x) => x.id)).toEqual([made.id]);

    expect(store.delete(made.id)).toEqual(edited);
    expect(codeOf(() => store.get(made.id))).toBe('VMS_ERR_NOT_FOUND');
    expect(store.search({ text: 'scoot' })).toEqual([]);
  });

  it('refuses invalid bookmarks and unknown cameras, changing nothing', () => {
    const { store, a } = setup();
    expect(codeOf(() => store.create(input({ cameraIds: [] }), 'ann', T0))).toBe('VMS_ERR_BAD_INPUT');
    expect(codeOf(() => store.create(input({ cameraIds: [a], header: '  ' }), 'ann', T0))).toBe('VMS_ERR_BAD_INPUT');
    expect(codeOf(() => store.create(input({ cameraIds: [a], preSeconds: -1 }), 'ann', T0))).toBe('VMS_ERR_BAD_INPUT');
    expect(codeOf(() => store.create(input({ cameraIds: [a, 'ghost'] }), 'ann', T0))).toBe('VMS_ERR_NOT_FOUND');
    const made = store.create(input({ cameraIds: [a] }), 'ann', T0);
    expect(codeOf(() => store.update(made.id, { cameraIds: ['ghost'] }, 'bob', T0))).toBe('VMS_ERR_NOT_FOUND');
    expect(codeOf(() => store.update('missing', { header: 'x' }, 'bob', T0))).toBe('VMS_ERR_NOT_FOUND');
    expect(store.search({})).toEqual([made]);
  });
});

describe('evidence locks in the configuration store', () => {
  it('lists by camera, extends only later, records who extended, and deletes', () => {
    const { config, a, b } = setup();
    const lock = config.createEvidenceLock({ cameraIds: [a, b], from90k: 0, to90k: 90_000, until: T0 + 1000, reason: 'r', createdBy: 'ann' }, T0);
    const other = config.createEvidenceLock({ cameraIds: [b], from90k: 0, to90k: 90_000, until: null, reason: 'r2', createdBy: 'ann' }, T0);
    expect(config.listEvidenceLocks({ cameraId: a }).map((l) => l.id)).toEqual([lock.id]);
    expect(config.listEvidenceLocks({ cameraId: b }).map((l) => l.id)).toEqual([lock.id, other.id]);
    expect(lock).toMatchObject({ updatedBy: null, updatedAt: null });

    expect(codeOf(() => config.extendEvidenceLock(lock.id, T0 + 500, 'bob', T0))).toBe('VMS_ERR_BAD_INPUT');
    expect(codeOf(() => config.extendEvidenceLock(other.id, T0 + 5000, 'bob', T0))).toBe('VMS_ERR_BAD_INPUT');
    expect(config.extendEvidenceLock(lock.id, T0 + 9000, 'bob', T0 + 10)).toMatchObject({ until: T0 + 9000, createdBy: 'ann', updatedBy: 'bob', updatedAt: T0 + 10 });
    expect(config.extendEvidenceLock(lock.id, null, 'cy', T0 + 20)).toMatchObject({ until: null, updatedBy: 'cy' });

    expect(config.deleteEvidenceLock(lock.id).id).toBe(lock.id);
    expect(codeOf(() => config.getEvidenceLock(lock.id))).toBe('VMS_ERR_NOT_FOUND');
    expect(config.listEvidenceLocks().map((l) => l.id)).toEqual([other.id]);
  });
});
