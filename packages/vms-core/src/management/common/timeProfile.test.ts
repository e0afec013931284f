import { describe, expect, it } from 'vitest';
import { earliestMediaAt, localTime, timeProfileProblem, withinWindows } from './timeProfile';

const at = (iso: string) => Date.parse(iso);

describe('time profiles', () => {
  it('reads weekday and minute in the profile time zone', () => {
    // 2026-01-08 is a Thursday; 23:30 UTC is already Friday 08:30 in Tokyo.
    expect(localTime(at('2026-01-08T23:30:00Z'))).toEqual({ day: 4, minute: 23 * 60 + 30 });
    expect(localTime(at('2026-01-08T23:30:00Z'), 'Asia/Tokyo')).toEqual({ day: 5, minute: 8 * 60 + 30 });
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
});
