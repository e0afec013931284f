/**
 * Latency decisions for live MSE, kept pure so they are tested without a browser. Live view
 * should show now, not a smooth past: when the playhead falls behind, jump to the newest data
 * instead of playing the backlog faster (Moonfire, go2rtc do the same).
 */

/** A buffered range in seconds, as TimeRanges reports it. */
export interface Range {
  start: number;
  end: number;
}

export interface LiveEdgeOptions {
  /** Seek when the playhead is further than this behind the buffered end. */
  maxLatency: number;
  /** Where to land behind the end, so the decoder has a frame or two in hand. */
  targetLatency: number;
  /** Keep this much already-played media; older data is removed to bound memory. */
  keepBehind: number;
}

export const LIVE_EDGE: LiveEdgeOptions = { maxLatency: 0.5, targetLatency: 0.1, keepBehind: 10 };

export function toRanges(buffered: TimeRanges): Range[] {
  const out: Range[] = [];
  for (let i = 0; i < buffered.length; i++) out.push({ start: buffered.start(i), end: buffered.end(i) });
  return out;
}

/**
 * Where to move the playhead, or undefined to leave it. Outside every range (the first
 * fragment starts after 0, or a gap after a parameter change), go to the newest range.
 */
export function liveSeekTarget(ranges: readonly Range[], currentTime: number, o: LiveEdgeOptions = LIVE_EDGE): number | undefined {
  const last = ranges[ranges.length - 1];
  if (!last) return undefined;
  const inRange = ranges.some((r) => currentTime >= r.start && currentTime <= r.end);
  if (inRange && last.end - currentTime <= o.maxLatency) return undefined;
  return Math.max(last.start, last.end - o.targetLatency);
}

/** The span to remove from the SourceBuffer, or undefined when there is little to trim. */
export function trimRange(ranges: readonly Range[], currentTime: number, o: LiveEdgeOptions = LIVE_EDGE): Range | undefined {
  const first = ranges[0];
  if (!first) return undefined;
  const end = currentTime - o.keepBehind;
  // Trim in chunks of at least a second: every remove() costs a SourceBuffer update.
  return end - first.start >= 1 ? { start: first.start, end } : undefined;
}
