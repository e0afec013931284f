/**
 * Time profiles limit when a grant's rights may be used (weekday/hour windows in a time zone)
 * and how old the media they reach may be (the last N days). Pure: Intl does the calendar
 * math, so the same rules hold on the server and in a client that shows them.
 */

/** One weekly window. `days` are 0 = Sunday … 6 = Saturday, the day the window starts on. */
export interface TimeWindow {
  days: number[];
  /** "HH:MM", inclusive. */
  from: string;
  /** "HH:MM", exclusive; "24:00" is the end of the day; earlier than `from` runs past midnight. */
  to: string;
}

export interface TimeProfile {
  /** IANA zone the windows are read in (default UTC): a site's "8 to 18" means local hours. */
  timeZone?: string;
  /** When set, the rights may be used only inside one of these windows. */
  windows?: TimeWindow[];
  /** When set, only media recorded within this many days before the request is reachable. */
  maxAgeDays?: number;
}

const DAY_MS = 24 * 3600_000;
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const formatters = new Map<string, Intl.DateTimeFormat>();

function minuteOfDay(hhmm: string): number | undefined {
  const m = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return undefined;
  return h * 60 + min;
}

/** Weekday and minute of the day of `at` in a time zone. */
export function localTime(at: number, timeZone = 'UTC'): { day: number; minute: number } {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, f);
  }
  const parts = Object.fromEntries(f.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return { day: WEEKDAYS.indexOf(parts.weekday ?? ''), minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** True when `at` falls inside the profile's windows (or the profile has none). */
export function withinWindows(profile: TimeProfile | undefined, at: number): boolean {
  const windows = profile?.windows;
  if (!windows) return true;
  const { day, minute } = localTime(at, profile.timeZone);
  const yesterday = (day + 6) % 7;
  return windows.some((w) => {
    const from = minuteOfDay(w.from) ?? 0;
    const to = minuteOfDay(w.to) ?? 0;
    if (from < to) return w.days.includes(day) && minute >= from && minute < to;
    // Past midnight: the evening part belongs to the start day, the morning part to the day after.
    return (w.days.includes(day) && minute >= from) || (w.days.includes(yesterday) && minute < to);
  });
}

/** The oldest media instant the profile lets a request at `at` reach; null when unlimited. */
export function earliestMediaAt(profile: TimeProfile | undefined, at: number): number | null {
  return profile?.maxAgeDays === undefined ? null : at - profile.maxAgeDays * DAY_MS;
}

/** Checks a profile from user input; returns what is wrong, or undefined when it is valid. */
export function timeProfileProblem(p: TimeProfile): string | undefined {
  if (p.timeZone !== undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: p.timeZone });
    } catch {
      return `unknown time zone "${p.timeZone}"`;
    }
  }
  if (p.maxAgeDays !== undefined && !(p.maxAgeDays > 0)) return 'maxAgeDays must be positive';
  for (const w of p.windows ?? []) {
    if (w.days.length === 0 || w.days.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) return 'window days must be 0 (Sunday) to 6';
    const from = minuteOfDay(w.from);
    const to = minuteOfDay(w.to);
    if (from === undefined || to === undefined || from === 1440) return `window ${w.from}-${w.to}: times are HH:MM, 00:00 to 24:00`;
    if (from === to) return `window ${w.from}-${w.to} is empty`;
  }
  return undefined;
}

/** A short human description of a profile's windows for error messages. */
export function describeWindows(p: TimeProfile): string {
  return (p.windows ?? [])
    .map((w) => `${w.days.map((d) => WEEKDAYS[d]).join(',')} ${w.from}-${w.to}`)
    .join('; ') + ` (${p.timeZone ?? 'UTC'})`;
}
