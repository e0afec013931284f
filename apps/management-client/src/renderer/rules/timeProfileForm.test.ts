import { describe, expect, it } from 'vitest';
import type { StoredTimeProfileBody } from '@nightjar/vms-core';
import { draftToCreate, draftToUpdate, newProfileDraft, profileProblems, profileToDraft } from './timeProfileForm';

const stored: StoredTimeProfileBody = {
  id: 'p', name: 'Office', description: '', timeZone: 'Europe/Oslo', usedBy: [],
  windows: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '18:00' }],
  exceptions: [{ from: '2026-12-24', to: '2026-12-26', intervals: [], name: 'Christmas' }],
};

describe('time profile draft ↔ bodies', () => {
  it('round-trips a stored profile', () => {
    const { id: _id, usedBy: _usedBy, ...rest } = stored;
    expect(draftToCreate(profileToDraft(stored))).toEqual(rest);
  });

  it('tells "on all week" apart from "on only within no windows"', () => {
    const always = { ...profileToDraft(stored), limited: false };
    expect(draftToCreate(always)).not.toHaveProperty('windows');
    expect(draftToUpdate(always)).toMatchObject({ windows: null });
    expect(draftToCreate({ ...profileToDraft(stored), windows: [] }).windows).toEqual([]);
  });

  it('clears optional parts in an update and tidies exceptions', () => {
    const d = { ...profileToDraft(stored), timeZone: ' ', maxAgeDays: '', exceptions: [{ from: '2026-01-01', to: '2026-01-01', intervals: [], name: ' ' }] };
    expect(draftToUpdate(d)).toEqual({
      name: 'Office', description: '', timeZone: null, windows: stored.windows, exceptions: [{ from: '2026-01-01', intervals: [] }], maxAgeDays: null,
    });
    expect(draftToCreate({ ...d, maxAgeDays: '30' }).maxAgeDays).toBe(30);
  });

  it('starts new profiles with office hours in the given zone', () => {
    expect(draftToCreate({ ...newProfileDraft('Europe/Oslo'), name: 'x' })).toEqual({
      name: 'x', description: '', timeZone: 'Europe/Oslo', windows: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '18:00' }],
    });
  });
});

describe('time profile problems', () => {
  it('names the field of each window and exception at fault', () => {
    const d = {
      ...newProfileDraft('UTC'), name: '', maxAgeDays: '-1',
      windows: [{ days: [1], from: '08:00', to: '12:00' }, { days: [], from: '8', to: '08' }, { days: [2], from: '10:00', to: '10:00' }],
      exceptions: [{ from: '', intervals: [] }, { from: '2026-05-02', to: '2026-05-01', intervals: [{ from: '12:00', to: '11:00' }] }],
    };
    expect(Object.fromEntries(profileProblems(d))).toEqual({
      name: 'A time profile needs a name.',
      maxAgeDays: 'A number of days above 0, or empty for all media.',
      'windows[1].days': 'Pick at least one day.',
      'windows[1].from': 'HH:MM, 00:00 to 23:59.',
      'windows[1].to': 'HH:MM, 00:00 to 24:00.',
      'windows[2].to': 'The window is empty: from and to are the same.',
      'exceptions[0].from': 'Pick the first day.',
      'exceptions[1].to': 'The last day is before the first.',
      'exceptions[1].intervals[0]': 'HH:MM to HH:MM within the day, from before to.',
    });
    // Windows do not count while the profile is on all week.
    expect([...profileProblems({ ...d, limited: false }).keys()].some((k) => k.startsWith('windows'))).toBe(false);
  });
});
