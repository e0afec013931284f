import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StatFs } from './freeSpaceGuard';
import { StorageMaintenance } from './storageMaintenance';
import type { StorageMaintenanceOptions } from './storageMaintenance';
import type { MaintenanceFailed, StorageFull } from './storageMaintenanceEvents';
import { DAY_MS, HOUR_MS, MaintenanceFixture } from './storageMaintenanceFixture';

const MINUTE_MS = 60_000;

describe('storage maintenance service', () => {
  let fx: MaintenanceFixture;
  let service: StorageMaintenance | undefined;
  beforeEach(() => {
    fx = new MaintenanceFixture();
  });
  afterEach(async () => {
    await service?.dispose();
    service = undefined;
    fx.dispose();
  });

  const plentyFree: StatFs = async () => ({ bavail: 1e12, bsize: 1 });
  const create = (o: Partial<StorageMaintenanceOptions> = {}) =>
    (service = new StorageMaintenance({
      db: fx.db, clock: fx.clock, storages: fx.storageList, handles: fx.handles, locks: fx.lockList, keys: fx.keys,
      statfs: plentyFree, intervalSeconds: 60, ...o,
    }));

  it('archives on each storage schedule and enforces retention at every pass, over simulated days', async () => {
    fx.addStorage({ id: 'live', retentionHours: 1, archiveEveryMinutes: 90,
      archive: { storageId: 'archive', grooming: { keyFramesOnly: true } } });
    fx.addStorage({ id: 'archive', retentionHours: 48 });
    const r = await fx.record('live', { seconds: 4 });
    const s = create();
    const archivedAt: number[] = [];
    s.onDidArchive((e) => archivedAt.push(...e.ids.map(() => fx.clock.now())));
    const t0 = fx.clock.now();
    s.start();
    for (let minute = 1; minute <= 100; minute++) {
      fx.clock.advance(MINUTE_MS);
      await s.whenIdle();
    }
    // Aged after about 60 minutes, but archiving ran at minute 1 and is next due at minute 91.
    expect(archivedAt).toEqual([t0 + 91 * MINUTE_MS]);
    expect(fx.db.getRecording(r.id)).toMatchObject({ storageId: 'archive', frames: 4 });

    const deleted: number[] = [];
    s.onDidDeleteRecordings((e) => deleted.push(...e.ids));
    for (let day = 0; day < 3; day++) {
      fx.clock.advance(DAY_MS);
      await s.whenIdle();
    }
    expect(deleted).toEqual([r.id]);
    expect(fx.db.allRecordings()).toEqual([]);
  });

  it('runOnce archives regardless of schedule, then guards free space and reports a full storage', async () => {
    fx.addStorage({ id: 'live', retentionHours: 1, archiveEveryMinutes: 24 * 60, archive: { storageId: 'archive' } });
    fx.addStorage({ id: 'archive', minFreeBytes: 1000 });
    const r = await fx.record('live');
    fx.lock({ from90k: r.start90k, to90k: r.end90k! });
    fx.clock.advance(2 * HOUR_MS);
    const full: StorageFull[] = [];
    const s = create({ statfs: async (path) => ({ bavail: path === fx.handles('archive').root ? 10 : 1e9, bsize: 1 }) });
    s.onStorageFull((e) => full.push(e));
    const pass = await s.runOnce();
    expect(pass).toEqual({ deleted: [], archived: [r.id], full: ['archive'], garbageRemoved: 0 });
    // The locked recording moved whole and, locked, cannot be deleted to make room.
    expect(fx.db.getRecording(r.id)).toMatchObject({ storageId: 'archive', frames: 50 });
    expect(full).toEqual([{ storageId: 'archive', lockedOnly: true }]);
    expect(s.isStorageFull('archive')).toBe(true);
  });

  it('reports a failing archive target and keeps the recording where it was', async () => {
    fx.addStorage({ id: 'live', retentionHours: 1, archive: { storageId: 'missing' } });
    const r = await fx.record('live');
    fx.clock.advance(2 * HOUR_MS);
    const failures: MaintenanceFailed[] = [];
    const s = create();
    s.onDidFail((e) => failures.push(e));
    expect((await s.runOnce()).archived).toEqual([]);
    expect(failures).toMatchObject([{ storageId: 'live', task: 'archive', recordingId: r.id, error: { code: 'VMS_ERR_STORAGE_IO' } }]);
    expect(fx.db.getRecording(r.id)).toEqual(r);
    expect(fx.db.garbage()).toEqual([]);
  });

  it('dispose waits for a running pass and cancels the schedule', async () => {
    fx.addStorage({ id: 'live', retentionHours: 0 });
    const first = await fx.record('live');
    fx.db.forgetRecordings([first.id]);
    const s = create();
    s.start();
    fx.clock.advance(MINUTE_MS);
    // The timer has started a pass, which collects garbage before anything else; dispose
    // resolves only after it (the pass skips its remaining storages once disposed).
    await s.dispose();
    expect(fx.db.garbage()).toEqual([]);
    const second = await fx.record('live');
    fx.clock.advance(DAY_MS);
    await s.whenIdle();
    expect(fx.db.getRecording(second.id)).toEqual(second);
    await expect(s.runOnce()).rejects.toThrow('disposed');
  });

  it('finishes garbage left by a crash at the start of a pass', async () => {
    fx.addStorage({ id: 'live' });
    const r = await fx.record('live');
    fx.db.forgetRecordings([r.id]);
    expect((await create().runOnce()).garbageRemoved).toBe(1);
    expect(fx.db.garbage()).toEqual([]);
  });
});
