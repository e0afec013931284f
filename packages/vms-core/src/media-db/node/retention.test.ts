import { existsSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordingRow } from '../common/types';
import { Archiver } from './archiver';
import { Retention } from './retention';
import { DAY_MS, HOUR_MS, MaintenanceFixture } from './storageMaintenanceFixture';

describe('retention', () => {
  let fx: MaintenanceFixture;
  beforeEach(() => {
    fx = new MaintenanceFixture();
  });
  afterEach(() => fx.dispose());

  const retention = () => new Retention({
    db: fx.db, clock: fx.clock, locks: fx.lockList, handles: fx.handles, events: fx.events,
    archiver: new Archiver({ db: fx.db, keys: fx.keys, handles: fx.handles }),
  });
  const fileOf = (r: RecordingRow) => join(fx.handles(r.storageId).root, r.path);
  const ids = () => fx.db.allRecordings().map((r) => r.id);

  /** One recording at the start of each simulated day. */
  async function recordDays(storageId: string, days: number): Promise<RecordingRow[]> {
    const rows: RecordingRow[] = [];
    for (let d = 0; d < days; d++) {
      rows.push(await fx.record(storageId));
      fx.clock.advance(DAY_MS);
    }
    return rows;
  }

  it('deletes recordings older than retentionHours as simulated days pass', async () => {
    const live = fx.addStorage({ id: 'live', retentionHours: 48 });
    const rows = await recordDays('live', 5);
    // Now is day 5: days 0..2 ended more than 48 hours ago.
    const result = await retention().enforce(live);
    expect(result.deleted).toEqual(rows.slice(0, 3).map((r) => r.id));
    expect(ids()).toEqual(rows.slice(3).map((r) => r.id));
    for (const r of rows) expect(existsSync(fileOf(r))).toBe(!result.deleted.includes(r.id));
    expect(fx.db.garbage()).toEqual([]);
    expect(fx.seen.deleted).toEqual([{ storageId: 'live', ids: result.deleted, reason: 'retention' }]);

    fx.clock.advance(DAY_MS);
    expect((await retention().enforce(live)).deleted).toEqual([rows[3]!.id]);
  });

  it('deletes the oldest recordings first when the storage holds more than maxBytes', async () => {
    const live = fx.addStorage({ id: 'live' });
    const rows = await recordDays('live', 5);
    const size = rows[0]!.fileBytes;
    live.maxBytes = Math.floor(size * 2.5);
    const result = await retention().enforce(live);
    expect(result.deleted).toEqual(rows.slice(0, 3).map((r) => r.id));
    expect(fx.db.storageBytes('live')).toBeLessThanOrEqual(live.maxBytes);
    expect(fx.seen.deleted[0]?.reason).toBe('size');
  });

  it('honours a lock created while a pass is already running', async () => {
    const live = fx.addStorage({ id: 'live', retentionHours: 1 });
    const rows = await recordDays('live', 3);
    let reads = 0;
    // The pass reads the locks at its start (none yet); the operator locks day 0 right after.
    const locks = () => (reads++ === 0 ? [] : fx.lockList());
    const r = new Retention({
      db: fx.db, clock: fx.clock, locks, handles: fx.handles, events: fx.events,
      archiver: new Archiver({ db: fx.db, keys: fx.keys, handles: fx.handles }),
    });
    fx.lock({ from90k: rows[0]!.start90k, to90k: rows[0]!.end90k! });
    expect((await r.enforce(live)).deleted).toEqual([rows[1]!.id, rows[2]!.id]);
    expect(ids()).toEqual([rows[0]!.id]);
  });

  it('never deletes a recording under an active lock of its camera', async () => {
    const live = fx.addStorage({ id: 'live', retentionHours: 1 });
    const rows = await recordDays('live', 4);
    const [r0, r1, r2, r3] = rows as [RecordingRow, RecordingRow, RecordingRow, RecordingRow];
    fx.lock({ from90k: r0.start90k, to90k: r0.start90k + 1 });
    fx.lock({ from90k: r1.start90k, to90k: r1.end90k!, until: fx.clock.now() + DAY_MS });
    fx.lock({ from90k: r2.start90k, to90k: r2.end90k!, cameraIds: ['other'] });
    fx.lock({ from90k: r3.start90k, to90k: r3.end90k!, until: fx.clock.now() - HOUR_MS });
    // Locks 1 (indefinite) and 2 (until tomorrow) hold; 3 is another camera's, 4 has expired.
    expect((await retention().enforce(live)).deleted).toEqual([r2.id, r3.id]);
    expect(ids()).toEqual([r0.id, r1.id]);

    fx.clock.advance(DAY_MS + 1);
    expect((await retention().enforce(live)).deleted).toEqual([r1.id]);
    expect(ids()).toEqual([r0.id]);
  });

  it('skips a locked recording over maxBytes and deletes the next oldest instead', async () => {
    const live = fx.addStorage({ id: 'live' });
    const rows = await recordDays('live', 3);
    fx.lock({ from90k: rows[0]!.start90k, to90k: rows[0]!.end90k! });
    live.maxBytes = rows[0]!.fileBytes * 2;
    expect((await retention().enforce(live)).deleted).toEqual([rows[1]!.id]);
    live.maxBytes = 1;
    expect((await retention().enforce(live)).deleted).toEqual([rows[2]!.id]);
    expect(ids()).toEqual([rows[0]!.id]);
  });

  it('archives aged recordings instead when the storage has an archive stage, moving locked ones whole', async () => {
    const live = fx.addStorage({ id: 'live', retentionHours: 24, archive: { storageId: 'archive', grooming: { keyFramesOnly: true } } });
    fx.addStorage({ id: 'archive' });
    const rows = await recordDays('live', 3);
    fx.lock({ from90k: rows[0]!.start90k, to90k: rows[0]!.end90k! });
    const result = await retention().enforce(live);
    expect(result).toEqual({ deleted: [], archived: [rows[0]!.id, rows[1]!.id] });
    expect(fx.seen.archived).toEqual([{ from: 'live', to: 'archive', ids: result.archived }]);
    expect(fx.db.getRecording(rows[0]!.id)).toMatchObject({ storageId: 'archive', frames: 50 });
    expect(fx.db.getRecording(rows[1]!.id)).toMatchObject({ storageId: 'archive', frames: 2 });
    expect(fx.db.getRecording(rows[2]!.id)).toMatchObject({ storageId: 'live', frames: 50 });
    for (const r of rows.slice(0, 2)) expect(existsSync(fileOf(r))).toBe(false);
    expect(fx.db.garbage()).toEqual([]);
  });

  it('collectGarbage finishes deletions a crash left, including files already gone', async () => {
    fx.addStorage({ id: 'live' });
    const [a, b] = [await fx.record('live'), await fx.record('live')];
    fx.db.forgetRecordings([a.id, b.id]);
    unlinkSync(fileOf(b));
    expect(fx.db.garbage()).toHaveLength(2);
    expect(await retention().collectGarbage()).toBe(2);
    expect(fx.db.garbage()).toEqual([]);
    expect(existsSync(fileOf(a))).toBe(false);
  });
});
