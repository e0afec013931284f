/**
 * Time profiles limit when a grant's rights may be used (weekly windows in a time zone, with
 * dated exceptions such as holidays) and how old the media they reach may be (the last N
 * days). Pure: Intl does the calendar math, so the same rules hold on the server and in a
 * client that shows them. Checking a profile from input is in timeProfileValidation.ts.
 */

/** One weekly window. `days` are 0 = Sunday … 6 = Saturday, the day the window starts on. */
export interface TimeWindow {
  days: number[];
  /** "HH:MM", inclusive. */
  from: string;
  /** "HH:MM", exclusive; "24:00" is the end of the day; earlier than `from` runs past midnight. */
  to: string;
}

/** Part of one day, "HH:MM" to "HH:MM" (exclusive, "24:00" allowed); never past midnight. */
export interface TimeInterval {
  from: string;
  to: string;
}

/**
 * Days on which the weekly windows do not apply: the profile is on only during `intervals`
 * (none: off all day). A holiday, a site closed for a week, a Saturday with a late shift.
 */
export interface TimeException {
  /** First day, "YYYY-MM-DD" in the profile's time zone. */
  from: string;
  /** Last day, inclusive; the same day when absent. */
  to?: string;
  intervals: TimeInterval[];
  /** What the exception is for ("Christmas"), for administrators. */
  name?: string;
}

export interface TimeProfile {
  /** IANA zone the windows are read in (default UTC): a site's "8 to 18" means local hours. */
  timeZone?: string;
  /** When set, the rights may be used only inside one of these windows. */
  windows?: TimeWindow[];
  /** Dated days that replace the weekly windows. */
  exceptions?: TimeException[];
  /** When set, only media recorded within this many days before the request is reachable. */
  maxAgeDays?: number;
}

/** A named profile stored on the site, which role grants refer to by id. */
export interface StoredTimeProfile extends TimeProfile {
  id: string;
  name: string;
  description: string;
}

const DAY_MS = 24 * 3600_000;
export const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes since midnight of "HH:MM" (00:00 to 24:00), or undefined when malformed. */
export function minuteOfDay(hhmm: string): number | undefined {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return undefined;
  return h * 60 + min;
}

/** Weekday, minute of the day and calendar date ("YYYY-MM-DD") of `at` in a time zone. */
export function localTime(at: number, timeZone = 'UTC'): { day: number; minute: number; date: string } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return {
    day: WEEKDAYS.indexOf(parts.weekday ?? ''), minute: Number(parts.hour) * 60 + Number(parts.minute),
    date: `${parts.year}-${parts.month}-${parts.day}`,
  };
}

/** The calendar day before "YYYY-MM-DD". */
export function previousDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! - 1)).toISOString().slice(0, 10);
}

/** The exception covering a calendar date, if any (dates compare as strings in this form). */
export function exceptionOn(profile: TimeProfile, date: string): TimeException | undefined {
  return profile.exceptions?.find((e) => e.from <= date && date <= (e.to ?? e.from));
}

const inInterval = (minute: number, i: TimeInterval) => minute >= (minuteOfDay(i.from) ?? 0) && minute < (minuteOfDay(i.to) ?? 0);

/** True when `at` falls inside the profile's windows, or its exception of that day (or it has neither). */
export function withinWindows(profile: TimeProfile | undefined, at: number): boolean {
  if (!profile || (!profile.windows && !profile.exceptions?.length)) return true;
  const { day, minute, date } = localTime(at, profile.timeZone);
  const today = exceptionOn(profile, date);
  if (today) return today.intervals.some((i) => inInterval(minute, i));
  const windows = profile.windows;
  if (!windows) return true;
  const yesterday = (day + 6) % 7;
  // A window running past midnight from a day an exception replaced does not run on either.
  const yesterdayReplaced = exceptionOn(profile, previousDate(date)) !== undefined;
  return windows.some((w) => {
    const from = minuteOfDay(w.from) ?? 0;
    const to = minuteOfDay(w.to) ?? 0;
    if (from < to) return w.days.includes(day) && minute >= from && minute < to;
    // Past midnight: the evening part belongs to the start day, the morning part to the day after.
    return (w.days.includes(day) && minute >= from) || (!yesterdayReplaced && w.days.includes(yesterday) && minute < to);
  });
}

/** The oldest media instant the profile lets a request at `at` reach; null when unlimited. */
export function earliestMediaAt(profile: TimeProfile | undefined, at: number): number | null {
  return profile?.maxAgeDays === undefined ? null : at - profile.maxAgeDays * DAY_MS;
}

/** A short human description of a profile's windows for error messages. */
export function describeWindows(p: TimeProfile): string {
  const exceptions = p.exceptions?.length ? `, except ${p.exceptions.length} dated exception(s)` : '';
  return (p.windows ?? [])
    .map((w) => `${w.days.map((d) => WEEKDAYS[d]).join(',')} ${w.from}-${w.to}`)
    .join('; ') + ` (${p.timeZone ?? 'UTC'}${exceptions})`;
}

/** The rules of a stored profile, as a grant applies them. */
export function profileRules(p: StoredTimeProfile): TimeProfile {
  const { id: _id, name: _name, description: _description, ...rules } = p;
  return rules;
}
