import { describe, expect, it } from 'vitest';
import { earliestMediaAt, localTime, withinWindows } from './timeProfile';
import { timeProfileIssue, timeProfileProblem } from './timeProfileValidation';

const at = (iso: string) => Date.parse(iso);

describe('time profiles', () => {
  it('reads weekday and minute in the profile time zone', () => {
    // 2026-01-08 is a Thursday; 23:30 UTC is already Friday 08:30 in Tokyo.
    expect(localTime(at('2026-01-08T23:30:00Z'))).toEqual({ day: 4, minute: 23 * 60 + 30, date: '2026-01-08' });
    expect(localTime(at('2026-01-08T23:30:00Z'), 'Asia/Tokyo')).toEqual({ day: 5, minute: 8 * 60 + 30, date: '2026-01-09' });
  });

  it('follows daylight saving time through the zone rules', () => {
    const profile = { timeZone: 'Europe/Berlin', windows: [{ days: [1], from: '08:00', to: '09:00' }] };
    expect(withinWindows(profile, at('2026-01-05T07:30:00Z'))).toBe(true); // CET, Monday 08:30
    expect(withinWindows(profile, at('2026-07-06T07:30:00Z'))).toBe(false); // CEST, Monday 09:30
    expect(withinWindows(profile, at('2026-07-06T06:30:00Z'))).toBe(true);
  });

  it('treats from as inclusive and to as exclusive, with 24:00 as end of day', () => {
    const p = { windows: [{ days: [4], from: '08:00', to: '24:00' }] };
    expect(withinWindows(p, at('2026-01-08T08:00:00Z'))).toBe(true);
    expect(withinWindows(p, at('2026-01-08T07:59:00Z'))).toBe(false);
    expect(withinWindows(p, at('2026-01-08T23:59:00Z'))).toBe(true);
    expect(withinWindows(p, at('2026-01-09T00:00:00Z'))).toBe(false);
  });

  it('runs a window that ends before it starts past midnight into the next day', () => {
    const night = { windows: [{ days: [5], from: '22:00', to: '06:00' }] }; // Friday night
    expect(withinWindows(night, at('2026-01-09T23:00:00Z'))).toBe(true); // Friday 23:00
    expect(withinWindows(night, at('2026-01-10T05:59:00Z'))).toBe(true); // Saturday morning
    expect(withinWindows(night, at('2026-01-10T06:00:00Z'))).toBe(false);
    expect(withinWindows(night, at('2026-01-09T05:00:00Z'))).toBe(false); // Friday morning belongs to Thursday
  });

  it('places no limit when a profile has no windows or age', () => {
    expect(withinWindows(undefined, 0)).toBe(true);
    expect(withinWindows({ maxAgeDays: 1 }, 0)).toBe(true);
    expect(earliestMediaAt(undefined, 1000)).toBeNull();
    expect(earliestMediaAt({ maxAgeDays: 2 }, 3 * 86_400_000)).toBe(86_400_000);
  });

  it('explains invalid profiles', () => {
    expect(timeProfileProblem({ timeZone: 'Mars/Olympus' })).toMatch(/time zone/);
    expect(timeProfileProblem({ maxAgeDays: 0 })).toMatch(/positive/);
    expect(timeProfileProblem({ windows: [{ days: [7], from: '08:00', to: '09:00' }] })).toMatch(/days/);
    expect(timeProfileProblem({ windows: [{ days: [1], from: '8:00', to: '09:00' }] })).toMatch(/HH:MM/);
    expect(timeProfileProblem({ windows: [{ days: [1], from: '24:00', to: '09:00' }] })).toMatch(/HH:MM/);
    expect(timeProfileProblem({ windows: [{ days: [1], from: '09:00', to: '09:00' }] })).toMatch(/empty/);
    expect(timeProfileProblem({ timeZone: 'Europe/Paris', maxAgeDays: 3, windows: [{ days: [0, 6], from: '00:00', to: '24:00' }] })).toBeUndefined();
  });

  it('replaces the weekly windows on exception days, in the profile time zone', () => {
    // Weekdays 08:00-18:00 and a night shift Friday 22:00-06:00; 2026-01-09 (a Friday) is a holiday.
    const p = {
      timeZone: 'Europe/Berlin',
      windows: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '18:00' }, { days: [5], from: '22:00', to: '06:00' }],
      exceptions: [{ from: '2026-01-09', intervals: [{ from: '10:00', to: '12:00' }], name: 'Holiday' }, { from: '2026-01-12', to: '2026-01-13', intervals: [] }],
    };
    expect(withinWindows(p, at('2026-01-08T08:00:00Z'))).toBe(true); // Thursday 09:00 Berlin
    expect(withinWindows(p, at('2026-01-09T08:00:00Z'))).toBe(false); // Friday 09:00: holiday, outside its interval
    expect(withinWindows(p, at('2026-01-09T09:30:00Z'))).toBe(true); // Friday 10:30: inside the holiday interval
    expect(withinWindows(p, at('2026-01-09T22:00:00Z'))).toBe(false); // Friday 23:00: the night shift is replaced too
    expect(withinWindows(p, at('2026-01-10T03:00:00Z'))).toBe(false); // ...and its morning part on Saturday
    expect(withinWindows(p, at('2026-01-12T09:00:00Z'))).toBe(false); // Monday, off all day
    expect(withinWindows(p, at('2026-01-13T09:00:00Z'))).toBe(false); // Tuesday, last day of the range
    expect(withinWindows(p, at('2026-01-14T09:00:00Z'))).toBe(true); // Wednesday as usual
    // Exceptions alone restrict only their days.
    expect(withinWindows({ exceptions: [{ from: '2026-01-09', intervals: [] }] }, at('2026-01-08T12:00:00Z'))).toBe(true);
    expect(withinWindows({ exceptions: [{ from: '2026-01-09', intervals: [] }] }, at('2026-01-09T12:00:00Z'))).toBe(false);
  });

  it('names the field of overlapping windows, exceptions and intervals', () => {
    expect(timeProfileIssue({ windows: [{ days: [1, 2], from: '08:00', to: '12:00' }, { days: [3, 2], from: '11:00', to: '13:00' }] }))
      .toEqual({ field: 'windows[1]', message: 'Tue 11:00-13:00 overlaps windows[0] (Tue 08:00-12:00)' });
    // A night window running into the next morning clashes with that morning's window.
    expect(timeProfileIssue({ windows: [{ days: [0], from: '05:00', to: '07:00' }, { days: [6], from: '22:00', to: '06:00' }] })?.field).toBe('windows[1]');
    expect(timeProfileIssue({ windows: [{ days: [1], from: '08:00', to: '12:00' }, { days: [1], from: '12:00', to: '13:00' }] })).toBeUndefined();
    expect(timeProfileIssue({ windows: [{ days: [1, 1], from: '08:00', to: '12:00' }] })?.field).toBe('windows[0].days');
    expect(timeProfileIssue({ exceptions: [{ from: '2026-12-24', to: '2026-12-26', intervals: [] }, { from: '2026-12-26', intervals: [] }] }))
      .toEqual({ field: 'exceptions[1]', message: '2026-12-26 overlaps exceptions[0] (2026-12-24..2026-12-26)' });
    expect(timeProfileIssue({ exceptions: [{ from: '2026-02-30', intervals: [] }] })?.field).toBe('exceptions[0].from');
    expect(timeProfileIssue({ exceptions: [{ from: '2026-03-02', to: '2026-03-01', intervals: [] }] })?.field).toBe('exceptions[0].to');
    expect(timeProfileIssue({ exceptions: [{ from: '2026-03-02', intervals: [{ from: '08:00', to: '10:00' }, { from: '09:00', to: '11:00' }] }] }))
      .toEqual({ field: 'exceptions[0].intervals[1]', message: '09:00-11:00 overlaps intervals[0] (08:00-10:00)' });
    expect(timeProfileIssue({ exceptions: [{ from: '2026-03-02', intervals: [{ from: '22:00', to: '02:00' }] }] })?.field).toBe('exceptions[0].intervals[0]');
    expect(timeProfileProblem({ maxAgeDays: -1 })).toBe('maxAgeDays: maxAgeDays must be positive');
  });
});
