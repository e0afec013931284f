/**
 * Which part of time the playback timeline shows, and which part of it is fetched. The window
 * follows the playhead like a page turn (not a constant scroll, which makes the strip hard to
 * read while playing); fetch ranges are snapped to a grid so panning and following reuse the
 * cached answers instead of asking the site again for every pixel.
 */
import type { TimeWindow } from '@nightjar/ui';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const ZOOM_PRESETS: readonly { label: string; spanMs: number }[] = [
  { label: '10 min', spanMs: 10 * MINUTE },
  { label: '1 h', spanMs: HOUR },
  { label: '6 h', spanMs: 6 * HOUR },
  { label: '1 day', spanMs: DAY },
  { label: '1 week', spanMs: 7 * DAY },
];

/** A window of `spanMs` with `timeMs` at `at` (0 left edge … 1 right edge). */
export function windowAround(timeMs: number, spanMs: number, at = 0.5): TimeWindow {
  const startMs = timeMs - spanMs * at;
  return { startMs, endMs: startMs + spanMs };
}

/** Where the playhead lands when the window turns a page while playing forward. */
const PAGE_AT = 0.2;
/** The playhead turns the page when it gets this close to the right edge. */
const RIGHT_MARGIN = 0.05;

/**
 * The window that keeps the playhead in view: unchanged while it is inside, a page turn when it
 * runs off the right edge (playing forward), centred when it jumped somewhere else.
 */
export function followPlayhead(w: TimeWindow, playheadMs: number): TimeWindow {
  const span = w.endMs - w.startMs;
  if (playheadMs >= w.startMs && playheadMs <= w.endMs - span * RIGHT_MARGIN) return w;
  if (playheadMs > w.endMs - span * RIGHT_MARGIN && playheadMs < w.endMs + span) return windowAround(playheadMs, span, PAGE_AT);
  return windowAround(playheadMs, span);
}

const FETCH_GRID_MS = [10 * MINUTE, HOUR, 6 * HOUR, DAY, 7 * DAY];

/**
 * The range to ask the site for: the window plus half a span each side (a pan shows data at
 * once), snapped outward to a grid step at least half the span, so small moves keep one key.
 */
export function fetchRange(w: TimeWindow): { fromMs: number; toMs: number } {
  const span = w.endMs - w.startMs;
  const grid = FETCH_GRID_MS.find((g) => g >= span / 2) ?? FETCH_GRID_MS.at(-1)!;
  return {
    fromMs: Math.floor((w.startMs - span / 2) / grid) * grid,
    toMs: Math.ceil((w.endMs + span / 2) / grid) * grid,
  };
}
