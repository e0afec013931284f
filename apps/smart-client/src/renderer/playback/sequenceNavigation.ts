/**
 * Previous / next sequence over the recordings of all cameras of the view: a sequence is a run
 * of recording of any camera, so the spans of all rows are merged first. "Previous" from inside
 * a sequence goes to its start first, as a music player's "back" does.
 */
import type { TimeSpan } from '@nightjar/ui';

/** Within this much of a start, "previous" means the sequence before. */
const AT_START_MS = 1500;

export function mergeSpans(spans: readonly TimeSpan[]): TimeSpan[] {
  const sorted = [...spans].filter((s) => s.endMs > s.startMs).sort((a, b) => a.startMs - b.startMs);
  const out: TimeSpan[] = [];
  for (const s of sorted) {
    const last = out.at(-1);
    if (last && s.startMs <= last.endMs) last.endMs = Math.max(last.endMs, s.endMs);
    else out.push({ ...s });
  }
  return out;
}

/** Start of the first sequence after `timeMs`, or undefined when none is known. */
export function nextSequenceStart(merged: readonly TimeSpan[], timeMs: number): number | undefined {
  return merged.find((s) => s.startMs > timeMs + 1)?.startMs;
}

export function previousSequenceStart(merged: readonly TimeSpan[], timeMs: number): number | undefined {
  for (let i = merged.length - 1; i >= 0; i--) {
    if (merged[i]!.startMs < timeMs - AT_START_MS) return merged[i]!.startMs;
  }
  return undefined;
}
