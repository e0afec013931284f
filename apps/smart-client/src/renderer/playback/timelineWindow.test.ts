import { describe, expect, it } from 'vitest';
import { fetchRange, followPlayhead, windowAround } from './timelineWindow';

const T0 = Date.parse('2026-03-01T10:00:00Z');
const HOUR = 3_600_000;

describe('followPlayhead', () => {
  const w = windowAround(T0, HOUR);

  it('leaves the window alone while the playhead is inside', () => {
    expect(followPlayhead(w, T0 + 0.4 * HOUR)).toBe(w);
    expect(followPlayhead(w, w.startMs)).toBe(w);
  });

  it('turns a page when the playhead reaches the right edge', () => {
    const next = followPlayhead(w, w.endMs - 0.01 * HOUR);
    expect(next.endMs - next.startMs).toBe(HOUR);
    expect(next.startMs).toBeCloseTo(w.endMs - 0.01 * HOUR - 0.2 * HOUR, 6);
  });

  it('centres on a playhead that jumped far away', () => {
    expect(followPlayhead(w, T0 - 5 * HOUR)).toEqual(windowAround(T0 - 5 * HOUR, HOUR));
    expect(followPlayhead(w, T0 + 5 * HOUR)).toEqual(windowAround(T0 + 5 * HOUR, HOUR));
  });
});

describe('fetchRange', () => {
  it('covers the window and half a span each side, snapped outward', () => {
    const w = windowAround(T0 + 1234, HOUR);
    const r = fetchRange(w);
    expect(r.fromMs).toBeLessThanOrEqual(w.startMs - HOUR / 2);
    expect(r.toMs).toBeGreaterThanOrEqual(w.endMs + HOUR / 2);
    expect(r.fromMs % HOUR).toBe(0);
    expect(r.toMs % HOUR).toBe(0);
  });

  it('keeps one range for small moves, so the cached answer is reused', () => {
    const a = fetchRange(windowAround(T0 + 60_000, HOUR));
    const b = fetchRange(windowAround(T0 + 120_000, HOUR));
    expect(b).toEqual(a);
  });
});
