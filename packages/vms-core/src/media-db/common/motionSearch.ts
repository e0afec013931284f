/**
 * Smart search over stored motion grids: which analysed frames changed enough cells of a
 * region, merged into spans an operator can open in playback. Pure, so the rule that turns
 * grids into results is tested without a database.
 */
import { TICKS_PER_SECOND } from '../../media/common/types';
import { commonCellCount, emptyMask, orInto } from './motionGrid';

export interface GridSample {
  time90k: number;
  cells: Uint8Array;
}

export interface MotionMatchOptions {
  /** Cells of interest (regionMask). */
  region: Uint8Array;
  /** A frame matches when at least this many region cells changed (≥ 1). */
  minCells: number;
  /** Matches at most this far apart belong to one span. */
  gap90k: number;
  /** A span lasts this long past its last match: a single match is still a span one can open. */
  tail90k: number;
  /** Stop after this many spans (the earliest ones); reading the rest would be wasted. */
  limit?: number;
}

export interface MotionSpan {
  start90k: number;
  end90k: number;
  /** Region cells that changed anywhere in the span. */
  cells: number;
  /** Analysed frames (or merged entries) of the span that matched. */
  frames: number;
}

/**
 * Consecutive matches within 2.5 s are one span: key-frame-only analysis samples once per GOP,
 * commonly every 2 s, and wall-clock stamping jitters that by a few hundred milliseconds.
 */
export const defaultMatchTiming = { gap90k: 2.5 * TICKS_PER_SECOND, tail90k: 1 * TICKS_PER_SECOND } as const;

/** Spans of matching samples; `samples` must be in time order. */
export function motionSpans(samples: Iterable<GridSample>, o: MotionMatchOptions): MotionSpan[] {
  const spans: MotionSpan[] = [];
  let current: { span: MotionSpan; union: Uint8Array; last90k: number } | undefined;
  const finish = () => {
    if (!current) return;
    current.span.end90k = current.last90k + o.tail90k;
    current.span.cells = commonCellCount(current.union, o.region);
    spans.push(current.span);
    current = undefined;
  };
  const limit = o.limit ?? Infinity;
  for (const s of samples) {
    if (commonCellCount(s.cells, o.region) < o.minCells) continue;
    if (current && s.time90k - current.last90k > o.gap90k) finish();
    if (spans.length >= limit) return spans;
    current ??= { span: { start90k: s.time90k, end90k: s.time90k, cells: 0, frames: 0 }, union: emptyMask(), last90k: s.time90k };
    orInto(current.union, s.cells);
    current.span.frames++;
    current.last90k = s.time90k;
  }
  if (spans.length < limit) finish();
  return spans;
}
