/**
 * When a time profile next turns on or off, for the scheduler that runs time rules. Pure: the
 * calendar math is management/common/timeProfile.ts (Intl, any time zone).
 */
import type { TimeProfile } from '../../management/common/timeProfile';
import { localTime, minuteOfDay, withinWindows } from '../../management/common/timeProfile';

const MINUTE = 60_000;
/**
 * Longest step between checks. Daylight-saving shifts happen on whole or half hours, so a step
 * never jumps over a boundary the local clock skipped or repeated.
 */
const MAX_STEP_MINUTES = 30;
const DAY = 24 * 60 * MINUTE;

/** Local minutes of the day at which the profile can change (window and interval edges, midnight). */
function boundaries(profile: TimeProfile): number[] {
  const out = new Set<number>([0]);
  for (const w of profile.windows ?? []) for (const t of [w.from, w.to]) out.add((minuteOfDay(t) ?? 0) % 1440);
  for (const e of profile.exceptions ?? []) for (const i of e.intervals) for (const t of [i.from, i.to]) out.add((minuteOfDay(t) ?? 0) % 1440);
  return [...out].sort((a, b) => a - b);
}

/** How far ahead to look: a week repeats itself once the last exception is past. */
function horizon(profile: TimeProfile, from: number): number {
  const lastException = (profile.exceptions ?? []).map((e) => Date.parse(`${e.to ?? e.from}T00:00:00Z`)).reduce((a, b) => Math.max(a, b), -Infinity);
  return Math.max(from, lastException + 2 * DAY) + 8 * DAY;
}

/**
 * The first instant after `from` (ms, on a minute) at which `withinWindows` differs from its value
 * at `from`; undefined when the profile never changes (no windows, or windows covering all time).
 */
export function nextProfileChange(profile: TimeProfile, from: number): number | undefined {
  if (!profile.windows && !profile.exceptions?.length) return undefined;
  const active = withinWindows(profile, from);
  const edges = boundaries(profile);
  const end = horizon(profile, from);
  let t = Math.floor(from / MINUTE) * MINUTE;
  while (t < end) {
    const { minute } = localTime(t, profile.timeZone);
    const next = edges.find((b) => b > minute) ?? 1440;
    t += Math.min(next - minute, MAX_STEP_MINUTES) * MINUTE;
    if (withinWindows(profile, t) !== active) return t;
  }
  return undefined;
}
