/**
 * The week of a time profile as the schedule editor draws it: per weekday, the minutes the
 * profile is on. Windows (the API's shape: days + "HH:MM" from/to, past midnight when `to` is
 * earlier) turn into spans per day and back, so the grid can be painted and the list of
 * windows stays the site's form. Pure; the grid component only renders and collects gestures.
 */
import type { TimeWindow } from '@nightjar/vms-core';

/** Minutes of one day the profile is on, as sorted, disjoint [start, end) pairs (0..1440). */
export type DaySpans = readonly (readonly [number, number])[];
/** Sunday (0) to Saturday (6), as the API numbers days. */
export type Week = readonly DaySpans[];

export const DAY_MINUTES = 1440;
export const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export const DAY_SHORT = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
/** Rows of the grid in the order people read a working week. */
export const GRID_DAY_ORDER: readonly number[] = [1, 2, 3, 4, 5, 6, 0];
const gridIndex = (day: number) => GRID_DAY_ORDER.indexOf(day);

/** Minutes since midnight of "HH:MM" (00:00 to 24:00), or undefined when it is not one. */
export function parseClock(text: string): number | undefined {
  const m = /^(\d{2}):(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return undefined;
  return h * 60 + min;
}

export function formatClock(minute: number): string {
  const h = Math.floor(minute / 60);
  return `${String(h).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** Sorted and merged: overlapping or touching spans become one. */
export function normalizeSpans(spans: readonly (readonly [number, number])[]): DaySpans {
  const sorted = spans.filter(([a, b]) => b > a).map(([a, b]) => [Math.max(0, a), Math.min(DAY_MINUTES, b)] as const).sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

export const emptyWeek = (): Week => Array.from({ length: 7 }, () => []);

/**
 * The minutes each day is on. A window past midnight puts its morning part on the next day
 * (Saturday's on Sunday). Windows that do not parse are left out: the list shows them with
 * the site's error, the grid shows what is valid.
 */
export function windowsToWeek(windows: readonly TimeWindow[]): Week {
  const days: [number, number][][] = Array.from({ length: 7 }, () => []);
  for (const w of windows) {
    const from = parseClock(w.from);
    const to = parseClock(w.to);
    if (from === undefined || to === undefined || from === to || from === DAY_MINUTES) continue;
    for (const day of new Set(w.days)) {
      if (!Number.isInteger(day) || day < 0 || day > 6) continue;
      if (from < to) days[day]!.push([from, to]);
      else {
        days[day]!.push([from, DAY_MINUTES]);
        if (to > 0) days[(day + 1) % 7]!.push([0, to]);
      }
    }
  }
  return days.map(normalizeSpans);
}

/**
 * Windows for a week: days with the same span share one window. The result never runs past
 * midnight (a night shift is 22:00-24:00 on one day and 00:00-06:00 on the next), which the
 * site reads the same way and which cannot overlap itself.
 */
export function weekToWindows(week: Week): TimeWindow[] {
  const byspan = new Map<string, { from: number; to: number; days: number[] }>();
  for (const day of [0, 1, 2, 3, 4, 5, 6]) {
    for (const [from, to] of week[day] ?? []) {
      const key = `${from}-${to}`;
      const entry = byspan.get(key) ?? { from, to, days: [] };
      entry.days.push(day);
      byspan.set(key, entry);
    }
  }
  return [...byspan.values()]
    .map((e) => ({ ...e, days: [...e.days].sort((a, b) => gridIndex(a) - gridIndex(b)) }))
    .sort((a, b) => gridIndex(a.days[0]!) - gridIndex(b.days[0]!) || a.from - b.from)
    .map((e) => ({ days: e.days, from: formatClock(e.from), to: formatClock(e.to) }));
}

/** A rectangle of the grid: days (API numbers) × minutes [from, to). */
export interface WeekSelection {
  days: readonly number[];
  from: number;
  to: number;
}

/** The week with the selection switched on or off. */
export function paintWeek(week: Week, sel: WeekSelection, on: boolean): Week {
  return week.map((spans, day) => {
    if (!sel.days.includes(day) || sel.to <= sel.from) return spans;
    if (on) return normalizeSpans([...spans, [sel.from, sel.to]]);
    const out: [number, number][] = [];
    for (const [a, b] of spans) {
      if (b <= sel.from || a >= sel.to) out.push([a, b]);
      else {
        if (a < sel.from) out.push([a, sel.from]);
        if (b > sel.to) out.push([sel.to, b]);
      }
    }
    return out;
  });
}

export type CellState = 'on' | 'off' | 'partial';

/** How much of [from, to) of a day is on. */
export function cellState(spans: DaySpans, from: number, to: number): CellState {
  let covered = 0;
  for (const [a, b] of spans) covered += Math.max(0, Math.min(b, to) - Math.max(a, from));
  return covered === 0 ? 'off' : covered >= to - from ? 'on' : 'partial';
}

/** Hours on per week, for the overview. */
export function weekHours(week: Week): number {
  return week.reduce((sum, spans) => sum + spans.reduce((s, [a, b]) => s + (b - a), 0), 0) / 60;
}

/** "Mon–Fri 08:00–18:00" style text of one window. */
export function describeWindow(w: TimeWindow): string {
  return `${describeDays(w.days)} ${w.from}–${w.to}`;
}

/** Days as ranges in working-week order: "Mon–Fri", "Mon, Wed, Sat–Sun", "Every day". */
export function describeDays(days: readonly number[]): string {
  const set = new Set(days);
  if (set.size === 7) return 'Every day';
  const ordered = GRID_DAY_ORDER.filter((d) => set.has(d));
  const runs: number[][] = [];
  for (const d of ordered) {
    const run = runs.at(-1);
    const prev = run?.at(-1);
    if (run && prev !== undefined && gridIndex(d) === gridIndex(prev) + 1) run.push(d);
    else runs.push([d]);
  }
  return runs.map((r) => (r.length > 2 ? `${DAY_SHORT[r[0]!]}–${DAY_SHORT[r.at(-1)!]}` : r.map((d) => DAY_SHORT[d]).join(', '))).join(', ');
}
