import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../base/common/clock';
import type { TimeProfile } from '../../management/common/timeProfile';
import { withinWindows } from '../../management/common/timeProfile';
import { nextProfileChange } from '../common/profileSchedule';
import { TimeProfileScheduler } from './timeProfileScheduler';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3600_000;

/** Weekdays 08:00-18:00 and Friday night 22:00-06:00 in Berlin; a holiday and a closed fortnight. */
const office: TimeProfile = {
  timeZone: 'Europe/Berlin',
  windows: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '18:00' }, { days: [5], from: '22:00', to: '06:00' }],
  exceptions: [
    { from: '2026-01-09', intervals: [{ from: '10:00', to: '12:00' }], name: 'Holiday' },
    { from: '2026-03-16', to: '2026-03-27', intervals: [] },
  ],
};

describe('nextProfileChange', () => {
  it('finds each edge of the windows, in the profile time zone, across daylight saving time', () => {
    // Monday 2026-01-05 07:00 UTC is 08:00 in Berlin (CET): the window is on, it ends at 17:00 UTC.
    expect(iso(nextProfileChange(office, at('2026-01-05T06:59:30Z'))!)).toBe('2026-01-05T07:00:00.000Z');
    expect(iso(nextProfileChange(office, at('2026-01-05T07:00:00Z'))!)).toBe('2026-01-05T17:00:00.000Z');
    // In summer (CEST) the same local hours are an hour earlier in UTC.
    expect(iso(nextProfileChange(office, at('2026-07-06T00:00:00Z'))!)).toBe('2026-07-06T06:00:00.000Z');
    // The holiday Friday: only 10:00-12:00 local.
    expect(iso(nextProfileChange(office, at('2026-01-08T17:00:00Z'))!)).toBe('2026-01-09T09:00:00.000Z');
  });

  it('agrees with withinWindows at every minute of a week with a DST change', () => {
    // The week of 2026-03-29, when Berlin moves to summer time, checked minute by minute.
    const start = at('2026-03-28T00:00:00Z');
    let t = start;
    let state = withinWindows(office, t);
    let next = nextProfileChange(office, t);
    for (let m = 0; m < 7 * 1440; m++) {
      t += 60_000;
      const now = withinWindows(office, t);
      if (now !== state) {
        expect(iso(next!)).toBe(iso(t));
        state = now;
        next = nextProfileChange(office, t);
      } else {
        expect(next === undefined || next > t).toBe(true);
      }
    }
  });

  it('says never for a profile that does not change', () => {
    expect(nextProfileChange({}, 0)).toBeUndefined();
    expect(nextProfileChange({ windows: [{ days: [0, 1, 2, 3, 4, 5, 6], from: '00:00', to: '24:00' }] }, at('2026-01-01T00:00:00Z'))).toBeUndefined();
  });
});

describe('TimeProfileScheduler', () => {
  it('reports every on and off through weeks of simulated time, and follows a changed profile', () => {
    const clock = new ManualClock(at('2026-01-04T00:00:00Z')); // a Sunday
    let profile: TimeProfile | undefined = office;
    const scheduler = new TimeProfileScheduler(clock, () => profile);
    const changes: string[] = [];
    const sub = scheduler.watch('office', (active) => changes.push(`${active ? 'on' : 'off'} ${iso(clock.now())}`));
    expect(sub.active).toBe(false);
    clock.advance(14 * 24 * HOUR);
    // Week 1: Mon-Thu 07-17 UTC, then the holiday's 09-11 only (it replaces Friday night too); week 2 as usual,
    // with Friday night 21:00 to Saturday 05:00 UTC.
    expect(changes.slice(0, 12)).toEqual([
      'on 2026-01-05T07:00:00.000Z', 'off 2026-01-05T17:00:00.000Z',
      'on 2026-01-06T07:00:00.000Z', 'off 2026-01-06T17:00:00.000Z',
      'on 2026-01-07T07:00:00.000Z', 'off 2026-01-07T17:00:00.000Z',
      'on 2026-01-08T07:00:00.000Z', 'off 2026-01-08T17:00:00.000Z',
      'on 2026-01-09T09:00:00.000Z', 'off 2026-01-09T11:00:00.000Z',
      'on 2026-01-12T07:00:00.000Z', 'off 2026-01-12T17:00:00.000Z',
    ]);
    expect(changes).toHaveLength(10 + 12);
    expect(changes.slice(-4)).toEqual(['on 2026-01-16T07:00:00.000Z', 'off 2026-01-16T17:00:00.000Z', 'on 2026-01-16T21:00:00.000Z', 'off 2026-01-17T05:00:00.000Z']);

    // Always on from now: refresh() reports it without waiting for the next edge.
    changes.length = 0;
    profile = { windows: [{ days: [0, 1, 2, 3, 4, 5, 6], from: '00:00', to: '24:00' }] };
    scheduler.refresh();
    expect(changes).toEqual([`on ${iso(clock.now())}`]);
    // A deleted profile counts as off, noticed within the hour even without refresh().
    profile = undefined;
    clock.advance(HOUR);
    expect(changes.at(-1)).toMatch(/^off/);
    sub.dispose();
    clock.advance(7 * 24 * HOUR);
    expect(changes).toHaveLength(2);
    scheduler.dispose();
  });
});
