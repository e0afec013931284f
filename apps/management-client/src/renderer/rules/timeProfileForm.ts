/**
 * The time profile editor's draft and its mapping to the site's bodies. A profile without
 * weekly windows is on all week (exceptions aside); one with an empty list of windows is on
 * only on its exceptions' intervals, so the draft keeps "limited to windows" apart from the
 * list. Problems are keyed by the site's field paths ("windows[1].from"), so the form shows
 * its own findings and the site's in the same place. Pure.
 */
import type { CreateTimeProfileBody, StoredTimeProfileBody, TimeException, TimeWindow } from '@nightjar/vms-core';
import { parseClock } from './weekGrid';

export interface ProfileDraft {
  name: string;
  description: string;
  timeZone: string;
  /** false: on all week; true: only within `windows`. */
  limited: boolean;
  windows: TimeWindow[];
  exceptions: TimeException[];
  /** Days of media grants with this profile reach; empty: all. */
  maxAgeDays: string;
}

export type UpdateProfileBody = {
  name?: string;
  description?: string;
  timeZone?: string | null;
  windows?: TimeWindow[] | null;
  exceptions?: TimeException[] | null;
  maxAgeDays?: number | null;
};

export function newProfileDraft(timeZone: string): ProfileDraft {
  return {
    name: '', description: '', timeZone, limited: true,
    windows: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '18:00' }], exceptions: [], maxAgeDays: '',
  };
}

export function profileToDraft(p: StoredTimeProfileBody): ProfileDraft {
  return {
    name: p.name, description: p.description, timeZone: p.timeZone ?? 'UTC',
    limited: p.windows !== undefined, windows: p.windows ?? [], exceptions: p.exceptions ?? [],
    maxAgeDays: p.maxAgeDays === undefined ? '' : String(p.maxAgeDays),
  };
}

const cleanException = (e: TimeException): TimeException => ({
  from: e.from, ...(e.to && e.to !== e.from ? { to: e.to } : {}), intervals: e.intervals, ...(e.name?.trim() ? { name: e.name.trim() } : {}),
});

export function draftToCreate(d: ProfileDraft): CreateTimeProfileBody {
  const maxAge = d.maxAgeDays.trim();
  return {
    name: d.name.trim(), description: d.description,
    ...(d.timeZone.trim() ? { timeZone: d.timeZone.trim() } : {}),
    ...(d.limited ? { windows: d.windows } : {}),
    ...(d.exceptions.length > 0 ? { exceptions: d.exceptions.map(cleanException) } : {}),
    ...(maxAge ? { maxAgeDays: Number(maxAge) } : {}),
  };
}

/** The whole profile as a change: what the draft leaves out is cleared with null. */
export function draftToUpdate(d: ProfileDraft): UpdateProfileBody {
  const created = draftToCreate(d);
  return {
    name: created.name, description: created.description ?? '',
    timeZone: created.timeZone ?? null, windows: created.windows ?? null,
    exceptions: created.exceptions ?? null, maxAgeDays: created.maxAgeDays ?? null,
  };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the form can tell before asking the site, by field path. The site checks overlaps and time zones. */
export function profileProblems(d: ProfileDraft): Map<string, string> {
  const out = new Map<string, string>();
  if (d.name.trim() === '') out.set('name', 'A time profile needs a name.');
  const maxAge = d.maxAgeDays.trim();
  if (maxAge && !(Number(maxAge) > 0)) out.set('maxAgeDays', 'A number of days above 0, or empty for all media.');
  if (d.limited) {
    d.windows.forEach((w, i) => {
      if (w.days.length === 0) out.set(`windows[${i}].days`, 'Pick at least one day.');
      if (parseClock(w.from) === undefined || parseClock(w.from) === 1440) out.set(`windows[${i}].from`, 'HH:MM, 00:00 to 23:59.');
      if (parseClock(w.to) === undefined) out.set(`windows[${i}].to`, 'HH:MM, 00:00 to 24:00.');
      else if (w.from === w.to) out.set(`windows[${i}].to`, 'The window is empty: from and to are the same.');
    });
  }
  d.exceptions.forEach((e, i) => {
    if (!DATE.test(e.from)) out.set(`exceptions[${i}].from`, 'Pick the first day.');
    if (e.to && DATE.test(e.from) && e.to < e.from) out.set(`exceptions[${i}].to`, 'The last day is before the first.');
    e.intervals.forEach((t, k) => {
      const from = parseClock(t.from);
      const to = parseClock(t.to);
      if (from === undefined || to === undefined || from >= to) out.set(`exceptions[${i}].intervals[${k}]`, 'HH:MM to HH:MM within the day, from before to.');
    });
  });
  return out;
}
