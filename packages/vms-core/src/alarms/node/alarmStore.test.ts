import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isVmsError } from '../../base/common/errors';
import { tempDir } from '../../../test/util/syntheticMedia';
import type { AlarmState } from '../common/alarm';
import { AlarmStore } from './alarmStore';
import type { AlarmQuery } from './alarmQuery';
import { SORT_IN_MEMORY_AT_MOST, alarmListSql } from './alarmQuery';

const open: { store: AlarmStore; dir: { dispose(): void } }[] = [];
afterEach(() => {
  for (const o of open.splice(0)) {
    o.store.close();
    o.dir.dispose();
  }
});

const T0 = Date.UTC(2026, 0, 5);
const STATES: AlarmState[] = ['new', 'inProgress', 'onHold', 'closed'];

/** 60 alarms: definitions d0..d2, priorities 1..5, states in turn, one a minute; two share a time. */
function filled(): AlarmStore {
  const dir = tempDir('nightjar-alarms-');
  const store = new AlarmStore(join(dir.path, 'alarms.db'));
  open.push({ store, dir });
  for (let i = 0; i < 60; i++) {
    const at = T0 + (i === 59 ? 58 : i) * 60_000;
    const a = store.insert({
      definitionId: `d${i % 3}`, definitionName: i % 3 === 0 ? 'Door forced' : 'Motion', raisedAt: at, priority: (i % 5) + 1,
      category: i % 2 ? 'Intrusion' : 'Technical', source: { kind: 'camera', id: `cam${i % 4}`, name: `Camera ${i % 4}` },
      event: { id: i, type: 'motionStarted', at, message: `event ${i}` }, relatedCameraIds: [], instructions: i === 7 ? 'Call the FIRE brigade' : '', sound: 'none',
    }, at);
    const state = STATES[i % 4]!;
    if (state === 'onHold' || state === 'closed') store.change(a.id, { state }, { userId: 'u1', username: 'one' }, at);
    if (state === 'inProgress') store.change(a.id, { state, assigneeId: i % 8 === 1 ? 'u1' : 'u2' }, { userId: 'u1', username: 'one' }, at);
  }
  return store;
}

/** Every page of a query, following nextCursor. */
function pages(store: AlarmStore, q: AlarmQuery): { ids: number[]; totals: number[]; pages: number } {
  const ids: number[] = [];
  const totals: number[] = [];
  let cursor: string | undefined;
  let n = 0;
  do {
    const page = store.list({ ...q, ...(cursor ? { cursor } : {}) });
    ids.push(...page.alarms.map((a) => a.id));
    totals.push(page.total);
    cursor = page.nextCursor;
    n++;
  } while (cursor);
  return { ids, totals, pages: n };
}

describe('alarm list', () => {
  it('pages newest first with keyset cursors, every alarm once, with the total on each page', () => {
    const store = filled();
    const everything = store.list({ limit: 200 }).alarms;
    const expected = [...everything].sort((a, b) => b.raisedAt - a.raisedAt || b.id - a.id).map((a) => a.id);
    expect(everything.map((a) => a.id)).toEqual(expected);
    const paged = pages(store, { limit: 7 });
    expect(paged).toEqual({ ids: expected, totals: Array(9).fill(60), pages: 9 });
    // A new alarm arriving between pages shifts nothing.
    const first = store.list({ limit: 7 });
    store.insert({ ...everything[0]!, raisedAt: T0 + 3600_000 }, T0 + 3600_000);
    expect(store.list({ limit: 7, cursor: first.nextCursor! }).alarms.map((a) => a.id)).toEqual(expected.slice(7, 14));
  });

  it('sorts by priority, then newest', () => {
    const store = filled();
    const byPriority = pages(store, { sort: 'priority', limit: 11 });
    const all = store.list({ limit: 200 }).alarms;
    const expected = [...all].sort((a, b) => a.priority - b.priority || b.raisedAt - a.raisedAt || b.id - a.id).map((a) => a.id);
    expect(byPriority.ids).toEqual(expected);
  });

  it('filters by state, priority, category, time, assignee, text and the definitions shown', () => {
    const store = filled();
    const all = store.list({ limit: 200 }).alarms;
    const ids = (q: AlarmQuery) => pages(store, { ...q, limit: 5 }).ids.sort((a, b) => a - b);
    const where = (p: (a: (typeof all)[number]) => boolean) => all.filter(p).map((a) => a.id).sort((a, b) => a - b);
    expect(ids({ states: ['new', 'onHold'] })).toEqual(where((a) => a.state === 'new' || a.state === 'onHold'));
    expect(ids({ priorities: [1, 2], states: ['new'] })).toEqual(where((a) => a.priority <= 2 && a.state === 'new'));
    expect(ids({ category: 'intrusion' })).toEqual(where((a) => a.category === 'Intrusion'));
    expect(ids({ from: T0 + 10 * 60_000, to: T0 + 20 * 60_000 })).toEqual(where((a) => a.raisedAt >= T0 + 10 * 60_000 && a.raisedAt < T0 + 20 * 60_000));
    expect(ids({ assigneeId: 'u1' })).toEqual(where((a) => a.assigneeId === 'u1'));
    expect(ids({ text: 'fire' })).toHaveLength(1);
    // Wildcards are text: 'event 1_' is not 'event 10'.
    expect(ids({ text: 'event 1_' })).toEqual([]);
    expect(ids({ text: '%' })).toEqual([]);
    expect(ids({ text: 'door' })).toEqual(where((a) => a.definitionId === 'd0'));
    expect(ids({ text: 'camera 3' })).toEqual(where((a) => a.source.id === 'cam3'));
    expect(ids({ definitionIds: ['d1', 'd2'] })).toEqual(where((a) => a.definitionId !== 'd0'));
    expect(store.list({ definitionIds: [] })).toEqual({ alarms: [], total: 0 });
    expect(store.list({ states: ['new'], limit: 0 })).toEqual({ alarms: [], total: 15 });
  });

  it('reads a page the same way whether it sorts the matches or walks the order\'s index', () => {
    const store = filled();
    for (const sort of ['time', 'priority'] as const) {
      for (const q of [{ states: ['new', 'closed'] as AlarmState[] }, { definitionIds: ['d1'] }, {}]) {
        const sql = (matching: number) => alarmListSql(q, sort, undefined, matching)!;
        const read = (matching: number) => (store.db.prepare(sql(matching).page).all(...sql(matching).pageArgs, 200) as { id: number }[]).map((r) => r.id);
        expect(sql(SORT_IN_MEMORY_AT_MOST + 1).page).toMatch(/INDEXED BY/);
        expect(sql(SORT_IN_MEMORY_AT_MOST).page).not.toMatch(/INDEXED BY/);
        expect(read(SORT_IN_MEMORY_AT_MOST + 1)).toEqual(read(10));
      }
    }
  });

  it('refuses a cursor of another order or a made-up one, naming the field', () => {
    const store = filled();
    const cursor = store.list({ limit: 5 }).nextCursor!;
    for (const bad of [{ cursor, sort: 'priority' as const }, { cursor: 'bm90IGEgY3Vyc29y' }, { cursor: '%%%' }]) {
      let error: unknown;
      try {
        store.list(bad);
      } catch (e) {
        error = e;
      }
      expect(isVmsError(error, 'VMS_ERR_BAD_INPUT') && error.field).toBe('cursor');
    }
  });
});
