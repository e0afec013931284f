import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../base/common/clock';
import { tempDir } from '../../../test/util/syntheticMedia';
import { AlarmRetention } from './alarmRetention';
import { AlarmStore } from './alarmStore';

const DAY = 24 * 3600_000;
const T0 = Date.UTC(2026, 0, 5);
const admin = { userId: 'u1', username: 'admin' };

const open: (() => void)[] = [];
afterEach(() => {
  for (const close of open.splice(0).reverse()) close();
});

function setUp(o: { days: number; batchSize: number }) {
  const dir = tempDir('nightjar-alarm-retention-');
  const store = new AlarmStore(join(dir.path, 'alarms.db'));
  const clock = new ManualClock(T0);
  const logged: string[] = [];
  let days = o.days;
  const retention = new AlarmRetention({
    clock, store, retentionDays: () => days, batchSize: o.batchSize, systemLog: { write: (level, _source, message) => logged.push(`${level}: ${message}`) },
  });
  open.push(() => dir.dispose(), () => store.close(), () => retention.dispose());
  /** An alarm raised now; closed now with a comment when `closed`. */
  const raise = (closed: boolean) => {
    const now = clock.now();
    const a = store.insert({
      definitionId: 'd1', definitionName: 'Door', raisedAt: now, priority: 2, category: '', source: { kind: 'camera', id: 'cam1' },
      event: { id: 1, type: 'motionStarted', at: now, message: 'motion' }, relatedCameraIds: [], instructions: '', sound: 'none',
    }, now);
    if (closed) store.change(a.id, { state: 'closed', comment: 'false alarm' }, admin, now);
    return a.id;
  };
  const ids = () => store.list({ limit: 1000 }).alarms.map((a) => a.id).sort((a, b) => a - b);
  const rows = (table: 'alarm_comment' | 'alarm_history') => (store.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { store, clock, retention, logged, raise, ids, rows, setDays: (d: number) => (days = d) };
}

/** Lets the pass's awaited continuations run (they follow each batch's 0 ms timer). */
async function settle(clock: ManualClock, done: () => boolean): Promise<number> {
  let turns = 0;
  while (!done() && turns < 1000) {
    clock.advance(0);
    await new Promise((r) => setImmediate(r));
    turns++;
  }
  return turns;
}

describe('closed alarm retention', () => {
  it('deletes alarms closed longer ago than the retention, batch by batch, with their comments and history', async () => {
    const s = setUp({ days: 30, batchSize: 10 });
    const old = Array.from({ length: 35 }, () => s.raise(true));
    const oldOpen = [s.raise(false), s.raise(false)];
    s.clock.advance(20 * DAY);
    const recent = [s.raise(true), s.raise(true)];
    s.clock.advance(11 * DAY);
    expect(s.ids()).toHaveLength(39);

    let finished = false;
    const pass = s.retention.pass().then((r) => {
      finished = true;
      return r;
    });
    // The first batch ran at once; the rest wait for their turn on the clock's timers.
    expect(s.ids()).toHaveLength(39 - 10);
    expect(await settle(s.clock, () => finished)).toBeGreaterThanOrEqual(3);
    expect(await pass).toEqual({ deleted: 35, batches: 4 });
    // Open alarms stay however old; closed ones stay until their retention has passed.
    expect(s.ids()).toEqual([...oldOpen, ...recent].sort((a, b) => a - b));
    expect(s.ids().some((id) => old.includes(id))).toBe(false);
    // Each kept closed alarm has its comment; raised + closed + comment history rows for those, raised for the open ones.
    expect(s.rows('alarm_comment')).toBe(2);
    expect(s.rows('alarm_history')).toBe(2 * 3 + 2);
    expect(s.logged).toEqual(['information: deleted 35 alarm(s) closed more than 30 day(s) ago']);
  });

  it('runs a pass at start and then every hour, reading the retention each time', async () => {
    const s = setUp({ days: 10, batchSize: 500 });
    const first = s.raise(true);
    s.clock.advance(5 * DAY);
    const second = s.raise(true);
    s.clock.advance(6 * DAY);
    s.retention.start();
    await settle(s.clock, () => !s.ids().includes(first));
    // The pass's end schedules the next one.
    await new Promise((r) => setImmediate(r));
    expect(s.ids()).toEqual([second]);

    // The setting changes: the next hourly pass uses it.
    s.setDays(1);
    s.clock.advance(3600_000 - 1);
    expect(s.ids()).toEqual([second]);
    s.clock.advance(1);
    expect(s.ids()).toEqual([]);
    expect(s.logged).toHaveLength(2);
  });

  it('keeps every closed alarm with a retention of 0, and logs nothing', async () => {
    const s = setUp({ days: 0, batchSize: 10 });
    const kept = [s.raise(true), s.raise(true)];
    s.clock.advance(4000 * DAY);
    expect(await s.retention.pass()).toEqual({ deleted: 0, batches: 0 });
    expect(s.ids()).toEqual(kept);
    expect(s.logged).toEqual([]);
  });

  it('stops between batches when disposed, and logs a failing database instead of throwing', async () => {
    const s = setUp({ days: 1, batchSize: 2 });
    for (let i = 0; i < 6; i++) s.raise(true);
    s.clock.advance(2 * DAY);
    const pass = s.retention.pass();
    s.retention.dispose();
    expect(await pass).toEqual({ deleted: 2, batches: 1 });
    expect(s.ids()).toHaveLength(4);

    const failing = new AlarmRetention({
      clock: s.clock, retentionDays: () => 1, systemLog: { write: (level, _source, message) => s.logged.push(`${level}: ${message}`) },
      store: { deleteClosedBefore: () => { throw new Error('database is locked'); } },
    });
    expect(await failing.pass()).toEqual({ deleted: 0, batches: 0 });
    expect(s.logged.at(-1)).toBe('warning: closed alarm retention stopped after 0 alarm(s): database is locked');
  });
});
