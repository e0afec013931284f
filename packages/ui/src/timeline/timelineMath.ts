import type { TimeZone } from './timeZone';
import { wallToUtc } from './timeZone';

/*
 * Pure geometry of the timeline: a visible time window laid over a strip `widthPx` CSS pixels
 * wide. Everything is in ms since the epoch and CSS pixels; device pixels are the drawing
 * module's concern.
 */

export interface TimeWindow {
  startMs: number;
  endMs: number;
}

export interface Viewport extends TimeWindow {
  widthPx: number;
}

export interface TimeSpan {
  startMs: number;
  endMs: number;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Closer than a minute shows single frames better in the player than on a strip; past four weeks nothing is readable. */
export const MIN_SPAN_MS = MINUTE;
export const MAX_SPAN_MS = 28 * DAY;

export function timeToPx(v: Viewport, timeMs: number): number {
  return ((timeMs - v.startMs) / (v.endMs - v.startMs)) * v.widthPx;
}

export function pxToTime(v: Viewport, px: number): number {
  return v.startMs + (px / v.widthPx) * (v.endMs - v.startMs);
}

export function msPerPx(v: Viewport): number {
  return (v.endMs - v.startMs) / v.widthPx;
}

/** A window with its span clamped to [MIN_SPAN_MS, MAX_SPAN_MS], kept around its centre. */
export function clampWindow(w: TimeWindow): TimeWindow {
  const span = w.endMs - w.startMs;
  const clamped = Math.min(MAX_SPAN_MS, Math.max(MIN_SPAN_MS, span));
  if (clamped === span) return { startMs: w.startMs, endMs: w.endMs };
  const centre = w.startMs + span / 2;
  return { startMs: centre - clamped / 2, endMs: centre + clamped / 2 };
}

/**
 * Zooms by `factor` (< 1 in, > 1 out) keeping the instant under `anchorPx` under it, as maps do
 * with the mouse wheel, so the operator's point of interest never slides away.
 */
export function zoomAt(v: Viewport, anchorPx: number, factor: number): TimeWindow {
  const span = v.endMs - v.startMs;
  const next = Math.min(MAX_SPAN_MS, Math.max(MIN_SPAN_MS, span * factor));
  const anchorTime = pxToTime(v, anchorPx);
  const startMs = anchorTime - (anchorPx / v.widthPx) * next;
  return { startMs, endMs: startMs + next };
}

/** Moves the window with content dragged `deltaPx` to the right (so the window goes back in time). */
export function pan(v: Viewport, deltaPx: number): TimeWindow {
  const shift = deltaPx * msPerPx(v);
  return { startMs: v.startMs - shift, endMs: v.endMs - shift };
}

/** Centres the window on an instant, keeping its span (e.g. to follow the playhead). */
export function centreOn(w: TimeWindow, timeMs: number): TimeWindow {
  const half = (w.endMs - w.startMs) / 2;
  return { startMs: timeMs - half, endMs: timeMs + half };
}

/** The range between two pixels, in order. */
export function rangeFromPx(v: Viewport, aPx: number, bPx: number): TimeSpan {
  const a = pxToTime(v, aPx);
  const b = pxToTime(v, bPx);
  return { startMs: Math.min(a, b), endMs: Math.max(a, b) };
}

/** The nearest edge within `thresholdPx` of `timeMs`, or `timeMs` itself: lets a click land exactly on a recording's start. */
export function snapToEdges(v: Viewport, timeMs: number, spans: readonly TimeSpan[], thresholdPx: number): number {
  const limit = thresholdPx * msPerPx(v);
  let best = timeMs;
  let bestDistance = limit;
  for (const s of spans) {
    for (const edge of [s.startMs, s.endMs]) {
      const d = Math.abs(edge - timeMs);
      if (d <= bestDistance) {
        best = edge;
        bestDistance = d;
      }
    }
  }
  return best;
}

/**
 * The span under a pixel, widened by `tolerancePx` each side so that a span a fraction of a
 * pixel wide (one short recording at a four-week zoom, an instant bookmark) can still be hit.
 * Of several, the one whose centre is nearest wins.
 */
export function hitSpan<T extends TimeSpan>(v: Viewport, spans: readonly T[], px: number, tolerancePx = 0): T | undefined {
  const t = pxToTime(v, px);
  const slack = tolerancePx * msPerPx(v);
  let hit: T | undefined;
  let hitDistance = Infinity;
  for (const s of spans) {
    if (t < s.startMs - slack || t > s.endMs + slack) continue;
    const d = Math.abs((s.startMs + s.endMs) / 2 - t);
    if (d < hitDistance) {
      hit = s;
      hitDistance = d;
    }
  }
  return hit;
}

export interface Tick {
  timeMs: number;
  px: number;
  label: string;
  /** A tick at a local midnight: drawn longer and labelled with the date. */
  major: boolean;
}

/** Tick steps a reader counts in: the clock's own divisions. */
export const TICK_STEPS_MS = [
  SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND,
  MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE,
  HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR,
  DAY, 2 * DAY, 7 * DAY,
] as const;

/** The smallest step whose ticks are at least `minSpacingPx` apart. */
export function tickStep(v: Viewport, minSpacingPx: number): number {
  const needed = minSpacingPx * msPerPx(v);
  return TICK_STEPS_MS.find((s) => s >= needed) ?? TICK_STEPS_MS[TICK_STEPS_MS.length - 1]!;
}

/**
 * Ticks on the local clock's grid (…, 03:00, 06:00, …) across the window. Steps under a day
 * advance in real time and re-align to the grid after an offset change, so a DST day shows
 * 01:00 twice (fall back) or skips 02:00 (spring forward) as the wall clock did, and the
 * spacing stays true to elapsed time. Day steps advance by calendar day in local time.
 */
export function ticks(v: Viewport, zone: TimeZone, minSpacingPx = 80): Tick[] {
  const step = tickStep(v, minSpacingPx);
  const out: Tick[] = [];
  const wall = (utc: number) => utc + zone.offsetMs(utc);
  const push = (t: number) => out.push({ timeMs: t, px: timeToPx(v, t), label: tickLabel(wall(t), step), major: mod(wall(t), DAY) === 0 });
  if (step < DAY) {
    let t = wallToUtc(zone, Math.floor(wall(v.startMs) / step) * step);
    while (t <= v.endMs) {
      if (t >= v.startMs) push(t);
      let next = t + step;
      if (mod(wall(next), step) !== 0) {
        // The offset changed within the step: go back to the wall clock's grid.
        const gridWall = Math.floor(wall(next) / step) * step;
        next = wallToUtc(zone, gridWall);
        if (next <= t) next = wallToUtc(zone, gridWall + step);
      }
      t = next;
    }
  } else {
    const days = step / DAY;
    // Weekly ticks fall on Mondays: 1970-01-01, day 0, was a Thursday, so Mondays are days 4 + 7k.
    const phase = days === 7 ? 4 : 0;
    let day = Math.floor((Math.floor(wall(v.startMs) / DAY) - phase) / days) * days + phase;
    for (let t = wallToUtc(zone, day * DAY); t <= v.endMs; day += days, t = wallToUtc(zone, day * DAY)) {
      if (t >= v.startMs) push(t);
    }
  }
  return out;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** A label from local wall time: dates at midnight, seconds only when the step needs them. */
export function tickLabel(wallMs: number, stepMs: number): string {
  const d = new Date(wallMs);
  if (mod(wallMs, DAY) === 0) return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
  const hm = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
  return stepMs < MINUTE ? `${hm}:${pad(d.getUTCSeconds())}` : hm;
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}
