import { statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordingRow } from '../common/types';
import type { StatFs } from './freeSpaceGuard';
import { FreeSpaceGuard } from './freeSpaceGuard';
import { listFrameFiles } from './recovery';
import { HOUR_MS, MaintenanceFixture } from './storageMaintenanceFixture';

/**
 * A simulated disk of `capacity` bytes holding the storage's real frame files plus `other`
 * bytes of someone else's data, measured from the folder at each call like fs.statfs.
 */
function simulatedDisk(root: string, capacity: number): { statfs: StatFs; other: number } {
  const disk = {
    other: 0,
    statfs: async () => {
      const used = (await listFrameFiles(root)).reduce((sum, f) => sum + statSync(f).size, 0);
      return { bavail: Math.max(0, capacity - used - disk.other), bsize: 1 };
    },
  };
  return disk;
}

describe('free-space guard', () => {
  let fx: MaintenanceFixture;
  beforeEach(() => {
    fx = new MaintenanceFixture();
  });
  afterEach(() => fx.dispose());

  const guard = (statfs: StatFs) =>
    new FreeSpaceGuard({ db: fx.db, clock: fx.clock, locks: fx.lockList, handles: fx.handles, events: fx.events, statfs });

  async function fill(n: number): Promise<RecordingRow[]> {
    const rows: RecordingRow[] = [];
    for (let i = 0; i < n; i++) {
      rows.push(await fx.record('live'));
      fx.clock.advance(HOUR_MS);
    }
    return rows;
  }

  it('deletes the oldest recordings until minFreeBytes are free, and no more', async () => {
    const live = fx.addStorage({ id: 'live' });
    const rows = await fill(5);
    const size = rows[0]!.fileBytes;
    const disk = simulatedDisk(live.path, size * 10);
    // 5 of 10 recordings' worth are free; 7 are wanted, so two must go.
    live.minFreeBytes = size * 7 - 100;
    const g = guard(disk.statfs);
    const result = await g.check(live);
    expect(result.deleted).toEqual([rows[0]!.id, rows[1]!.id]);
    expect(result.full).toBe(false);
    expect(result.freeBytes).toBeGreaterThanOrEqual(live.minFreeBytes);
    expect(fx.db.allRecordings().map((r) => r.id)).toEqual(rows.slice(2).map((r) => r.id));
    expect(fx.seen.deleted).toEqual([{ storageId: 'live', ids: result.deleted, reason: 'freeSpace' }]);
    expect(fx.seen.full).toEqual([]);
    expect(fx.db.garbage()).toEqual([]);
  });

  it('reports the storage full with lockedOnly when only locked recordings are left, once, until it recovers', async () => {
    const live = fx.addStorage({ id: 'live' });
    const rows = await fill(3);
    const size = rows[0]!.fileBytes;
    fx.lock({ from90k: rows[0]!.start90k, to90k: rows[1]!.end90k!, until: fx.clock.now() + HOUR_MS });
    const disk = simulatedDisk(live.path, size * 10);
    // Even with all three recordings gone only 2.5 of the 3 wanted would be free.
    disk.other = Math.round(size * 7.5);
    live.minFreeBytes = size * 3;
    const g = guard(disk.statfs);

    const first = await g.check(live);
    expect(first).toMatchObject({ deleted: [rows[2]!.id], full: true });
    expect(fx.seen.full).toEqual([{ storageId: 'live', lockedOnly: true }]);
    expect(g.isFull('live')).toBe(true);
    // Still full on the next pass: no repeated event.
    expect((await g.check(live)).deleted).toEqual([]);
    expect(fx.seen.full).toHaveLength(1);

    // The lock expires: its recordings go, but the other data still fills the disk.
    fx.clock.advance(HOUR_MS);
    expect((await g.check(live)).deleted).toEqual([rows[0]!.id, rows[1]!.id]);
    expect(fx.seen.full.at(-1)).toEqual({ storageId: 'live', lockedOnly: false });

    disk.other = 0;
    expect((await g.check(live)).full).toBe(false);
    expect(fx.seen.recovered).toEqual([{ storageId: 'live' }]);
    expect(g.isFull('live')).toBe(false);
  });

  it('leaves other storages alone and reports an empty storage full without lockedOnly', async () => {
    const live = fx.addStorage({ id: 'live' });
    fx.addStorage({ id: 'other' });
    const kept = await fx.record('other');
    const disk = simulatedDisk(live.path, 1000);
    disk.other = 1000;
    live.minFreeBytes = 1;
    const result = await guard(disk.statfs).check(live);
    expect(result).toEqual({ freeBytes: 0, deleted: [], full: true });
    expect(fx.seen.full).toEqual([{ storageId: 'live', lockedOnly: false }]);
    expect(fx.db.getRecording(kept.id)).toBeDefined();
  });
});
