import { describe, expect, it } from 'vitest';
import type { AlarmBody, AlarmListBody } from '@nightjar/ui';
import { MAX_ALARM_TILES, PRE_ALARM_MS, alarmCameras, alarmGridColumns, alarmRows, playbackStartMs, withArrival, withoutArrival } from './alarmListModel';

const alarm = (id: number) => ({ id }) as AlarmBody;
const page = (ids: number[], total = 10): AlarmListBody => ({ alarms: ids.map(alarm), total });

describe('alarm list model', () => {
  it('lists every page in order, each alarm once', () => {
    expect(alarmRows([page([9, 8, 7]), page([7, 6])]).map((a) => a.id)).toEqual([9, 8, 7, 6]);
    expect(alarmRows(undefined)).toEqual([]);
  });

  it('marks the alarms the site announced as created, until opened', () => {
    const none: ReadonlySet<number> = new Set();
    const one = withArrival(none, { type: 'alarm', action: 'created', alarmId: 4, state: 'new', priority: 2 });
    expect([...one]).toEqual([4]);
    expect(withArrival(one, { type: 'alarm', action: 'updated', alarmId: 5, state: 'closed', priority: 2 })).toBe(one);
    expect(withArrival(one, { type: 'camerasChanged' })).toBe(one);
    expect(withArrival(one, { type: 'alarm', action: 'created', alarmId: 4, state: 'new', priority: 2 })).toBe(one);
    expect([...withoutArrival(one, 4)]).toEqual([]);
    expect(withoutArrival(one, 7)).toBe(one);
  });

  it('plays from before the alarm, and at most a few cameras, the source first', () => {
    expect(playbackStartMs({ raisedAt: '2026-03-01T10:00:00.000Z' })).toBe(Date.parse('2026-03-01T10:00:00.000Z') - PRE_ALARM_MS);
    const ids = ['src', 'a', 'b', 'a', 'c', 'd', 'e'];
    expect(alarmCameras(ids)).toEqual({ shown: ['src', 'a', 'b', 'c'].slice(0, MAX_ALARM_TILES), more: ['d', 'e'] });
    expect([1, 2, 4].map(alarmGridColumns)).toEqual([1, 2, 2]);
  });
});
