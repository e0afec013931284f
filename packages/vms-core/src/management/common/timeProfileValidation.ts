/**
 * Checks a time profile from user input. Every problem names the field it is about
 * ("windows[2]", "exceptions[0].intervals[1]") so a client can show it next to that field;
 * overlapping windows and exceptions are refused rather than merged, since an overlap is
 * almost always a typing mistake in a schedule.
 */
import type { TimeException, TimeProfile, TimeWindow } from './timeProfile';
import { WEEKDAYS, minuteOfDay } from './timeProfile';

export interface FieldProblem {
  /** Path of the field inside the profile, e.g. "windows[1]". */
  field: string;
  message: string;
}

const WEEK_MINUTES = 7 * 1440;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Checks a profile; returns the first problem, or undefined when it is valid. */
export function timeProfileIssue(p: TimeProfile): FieldProblem | undefined {
  if (p.timeZone !== undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: p.timeZone });
    } catch {
      return { field: 'timeZone', message: `unknown time zone "${p.timeZone}"` };
    }
  }
  if (p.maxAgeDays !== undefined && !(p.maxAgeDays > 0)) return { field: 'maxAgeDays', message: 'maxAgeDays must be positive' };
  return windowsIssue(p.windows ?? []) ?? exceptionsIssue(p.exceptions ?? []);
}

/** The same check as one message, "field: problem" (for callers that have no field slot). */
export function timeProfileProblem(p: TimeProfile): string | undefined {
  const issue = timeProfileIssue(p);
  return issue && `${issue.field}: ${issue.message}`;
}

function windowsIssue(windows: readonly TimeWindow[]): FieldProblem | undefined {
  // Each window as spans of minutes of the week; one running past Saturday midnight wraps to Sunday.
  const spans: { index: number; day: number; start: number; end: number }[] = [];
  for (const [index, w] of windows.entries()) {
    const field = `windows[${index}]`;
    if (w.days.length === 0 || w.days.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) {
      return { field: `${field}.days`, message: 'window days must be 0 (Sunday) to 6' };
    }
    if (new Set(w.days).size !== w.days.length) return { field: `${field}.days`, message: 'a day is listed twice' };
    const from = minuteOfDay(w.from);
    const to = minuteOfDay(w.to);
    if (from === undefined || to === undefined || from === 1440) return { field, message: `window ${w.from}-${w.to}: times are HH:MM, 00:00 to 24:00` };
    if (from === to) return { field, message: `window ${w.from}-${w.to} is empty` };
    for (const day of w.days) {
      const start = day * 1440 + from;
      const end = day * 1440 + (from < to ? to : 1440 + to);
      if (end <= WEEK_MINUTES) spans.push({ index, day, start, end });
      else spans.push({ index, day, start, end: WEEK_MINUTES }, { index, day, start: 0, end: end - WEEK_MINUTES });
    }
  }
  for (const [i, a] of spans.entries()) {
    for (const b of spans.slice(i + 1)) {
      if (a.index === b.index || a.start >= b.end || b.start >= a.end) continue;
      const [first, second] = a.index < b.index ? [a, b] : [b, a];
      const describe = (s: typeof a) => `${WEEKDAYS[s.day]} ${windows[s.index]!.from}-${windows[s.index]!.to}`;
      return { field: `windows[${second.index}]`, message: `${describe(second)} overlaps windows[${first.index}] (${describe(first)})` };
    }
  }
  return undefined;
}

function validDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

const range = (e: TimeException) => (e.to && e.to !== e.from ? `${e.from}..${e.to}` : e.from);

function exceptionsIssue(exceptions: readonly TimeException[]): FieldProblem | undefined {
  for (const [index, e] of exceptions.entries()) {
    const field = `exceptions[${index}]`;
    if (!validDate(e.from)) return { field: `${field}.from`, message: `"${e.from}" is not a date (YYYY-MM-DD)` };
    if (e.to !== undefined && !validDate(e.to)) return { field: `${field}.to`, message: `"${e.to}" is not a date (YYYY-MM-DD)` };
    if (e.to !== undefined && e.to < e.from) return { field: `${field}.to`, message: `ends (${e.to}) before it starts (${e.from})` };
    const parsed: { start: number; end: number }[] = [];
    for (const [k, i] of e.intervals.entries()) {
      const start = minuteOfDay(i.from);
      const end = minuteOfDay(i.to);
      if (start === undefined || end === undefined || !(start < end)) {
        return { field: `${field}.intervals[${k}]`, message: `${i.from}-${i.to}: times are HH:MM with from before to, within the day (to may be 24:00)` };
      }
      const clash = parsed.findIndex((p) => start < p.end && p.start < end);
      if (clash >= 0) {
        const other = e.intervals[clash]!;
        return { field: `${field}.intervals[${k}]`, message: `${i.from}-${i.to} overlaps intervals[${clash}] (${other.from}-${other.to})` };
      }
      parsed.push({ start, end });
    }
    const clash = exceptions.slice(0, index).findIndex((o) => e.from <= (o.to ?? o.from) && o.from <= (e.to ?? e.from));
    if (clash >= 0) return { field, message: `${range(e)} overlaps exceptions[${clash}] (${range(exceptions[clash]!)})` };
  }
  return undefined;
}
