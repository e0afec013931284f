import { describe, expect, it } from 'vitest';
import { mergeSpans, nextSequenceStart, previousSequenceStart } from './sequenceNavigation';

const s = (startMs: number, endMs: number) => ({ startMs, endMs });

describe('sequence navigation', () => {
  it('merges overlapping and touching recordings of several cameras', () => {
    expect(mergeSpans([s(50, 60), s(0, 10), s(10, 20), s(15, 30), s(40, 40)])).toEqual([s(0, 30), s(50, 60)]);
  });

  const merged = mergeSpans([s(0, 10_000), s(20_000, 30_000), s(50_000, 60_000)]);

  it('finds the next sequence after the playhead', () => {
    expect(nextSequenceStart(merged, 5_000)).toBe(20_000);
    expect(nextSequenceStart(merged, 20_000)).toBe(50_000);
    expect(nextSequenceStart(merged, 55_000)).toBeUndefined();
  });

  it('goes to the start of the current sequence first, then to the one before', () => {
    expect(previousSequenceStart(merged, 25_000)).toBe(20_000);
    expect(previousSequenceStart(merged, 20_500)).toBe(0);
    expect(previousSequenceStart(merged, 40_000)).toBe(20_000);
    expect(previousSequenceStart(merged, 500)).toBeUndefined();
  });
});
