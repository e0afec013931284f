import { describe, expect, it } from 'vitest';
import { GRID_COLUMNS, GRID_ROWS, cellCount, hasCell } from '../../media-db/common/motionGrid';
import { MotionAnalyzer, MotionHysteresis, changedFraction, motionMask, motionThresholds } from './motionAnalysis';

const W = 64;
const H = 36;
const SECOND = 90_000;

function gray(level = 40): Uint8Array {
  return new Uint8Array(W * H).fill(level);
}

/** Draws a filled square of side `size` at (x, y) in low-resolution pixels. */
function withBox(base: Uint8Array, x: number, y: number, size: number, level = 220): Uint8Array {
  const out = base.slice();
  for (let j = y; j < y + size; j++) for (let i = x; i < x + size; i++) out[j * W + i] = level;
  return out;
}

/** Deterministic pseudo-random noise so failures reproduce. */
function noisy(base: Uint8Array, amplitude: number, seed = 1): Uint8Array {
  let s = seed;
  return base.map((v) => {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    return Math.min(255, Math.max(0, v + ((s % (2 * amplitude + 1)) - amplitude)));
  });
}

describe('motionThresholds', () => {
  it('is off at 0 and grows stricter as sensitivity falls', () => {
    expect(motionThresholds(0)).toBeUndefined();
    expect(motionThresholds(-5)).toBeUndefined();
    const low = motionThresholds(10)!;
    const high = motionThresholds(90)!;
    expect(high.pixelDelta).toBeLessThan(low.pixelDelta);
    expect(high.areaFraction).toBeLessThan(low.areaFraction);
    expect(motionThresholds(100)!.areaFraction * W * H).toBeLessThan(9);
  });
});

describe('changedFraction', () => {
  it('counts changed pixels relative to the analysed area', () => {
    const a = gray();
    const b = withBox(a, 8, 8, 8);
    const mask = motionMask(W, H, []);
    expect(changedFraction(a, b, W, H, mask, 20)).toBeCloseTo(64 / (W * H));
  });

  it('ignores isolated changed pixels (one per block)', () => {
    const a = gray();
    const b = a.slice();
    for (let y = 0; y < H; y += 4) for (let x = 0; x < W; x += 4) b[y * W + x] = 255;
    expect(changedFraction(a, b, W, H, motionMask(W, H, []), 20)).toBe(0);
  });

  it('returns 0 when everything is excluded', () => {
    const a = gray();
    const mask = motionMask(W, H, [{ x: 0, y: 0, width: 1, height: 1 }]);
    expect(changedFraction(a, withBox(a, 0, 0, 20), W, H, mask, 20)).toBe(0);
  });
});

describe('MotionAnalyzer', () => {
  const big = withBox(gray(), 20, 10, 12);

  it('detects a moving object at the default sensitivity', () => {
    const m = new MotionAnalyzer({ sensitivity: 60, exclusions: [] }, W, H);
    expect(m.sample(gray(), big, SECOND)).toEqual({ active: true, time90k: SECOND });
  });

  it('exclusions mask a moving region', () => {
    // Box covers x 20..31 of 64, y 10..21 of 36; exclude a slightly larger rectangle.
    const exclusions = [{ x: 18 / W, y: 8 / H, width: 16 / W, height: 16 / H }];
    const m = new MotionAnalyzer({ sensitivity: 100, exclusions }, W, H);
    expect(m.sample(gray(), big, SECOND)).toBeUndefined();
    expect(m.lastFraction).toBe(0);
    const outside = withBox(big, 50, 2, 4);
    expect(m.sample(big, outside, 2 * SECOND)?.active).toBe(true);
  });

  it('marks the grid cells the change covers, outside exclusions only', () => {
    // A 12x12 box at (20, 10) covers 4x4-pixel cells 5..7 across and 2..5 down (10..21 spans four rows).
    const exclusions = [{ x: 0, y: 0, width: 24 / W, height: 1 }];
    const m = new MotionAnalyzer({ sensitivity: 60, exclusions }, W, H);
    m.sample(gray(), big, SECOND);
    const marked: string[] = [];
    for (let r = 0; r < GRID_ROWS; r++) for (let c = 0; c < GRID_COLUMNS; c++) if (hasCell(m.lastCells, c, r)) marked.push(`${c},${r}`);
    expect(marked).toEqual(['6,2', '7,2', '6,3', '7,3', '6,4', '7,4', '6,5', '7,5']);
    m.sample(big, big, 2 * SECOND);
    expect(cellCount(m.lastCells)).toBe(0);
  });

  it('never triggers at sensitivity 0', () => {
    const m = new MotionAnalyzer({ sensitivity: 0, exclusions: [] }, W, H);
    expect(m.enabled).toBe(false);
    expect(m.sample(gray(0), gray(255), SECOND)).toBeUndefined();
    expect(m.active).toBe(false);
  });

  it('triggers on a small change at 100 but not at the default', () => {
    const small = withBox(gray(), 30, 15, 3, 80);
    expect(new MotionAnalyzer({ sensitivity: 100, exclusions: [] }, W, H).sample(gray(), small, 0)?.active).toBe(true);
    expect(new MotionAnalyzer({ sensitivity: 60, exclusions: [] }, W, H).sample(gray(), small, 0)).toBeUndefined();
  });

  it('noise below the pixel threshold does not trigger, even at 100', () => {
    const m = new MotionAnalyzer({ sensitivity: 100, exclusions: [] }, W, H);
    const delta = motionThresholds(100)!.pixelDelta;
    for (let i = 1; i <= 20; i++) {
      expect(m.sample(noisy(gray(), delta >> 1, i), noisy(gray(), delta >> 1, i + 100), i * 3600)).toBeUndefined();
    }
  });

  it('sparse strong noise does not trigger at the default sensitivity', () => {
    const m = new MotionAnalyzer({ sensitivity: 60, exclusions: [] }, W, H);
    const speckled = gray().map((v, i) => (i % 37 === 0 ? 255 : v));
    expect(m.sample(gray(), speckled, 0)).toBeUndefined();
  });
});

describe('MotionHysteresis', () => {
  it('starts on one positive sample and ends after the hold time of negatives', () => {
    const h = new MotionHysteresis(2 * SECOND);
    const step = SECOND / 25;
    expect(h.update(true, 0)).toEqual({ active: true, time90k: 0 });
    expect(h.update(true, step)).toBeUndefined();
    const changes = [];
    for (let i = 2; i <= 60; i++) {
      const c = h.update(false, i * step);
      if (c) changes.push({ c, i });
    }
    // Last positive at frame 1; the 2 s hold elapses at frame 51; the span ends at frame 2.
    expect(changes).toEqual([{ c: { active: false, time90k: 2 * step }, i: 51 }]);
  });

  it('a positive sample during the hold keeps motion active', () => {
    const h = new MotionHysteresis(2 * SECOND);
    h.update(true, 0);
    expect(h.update(false, SECOND)).toBeUndefined();
    expect(h.update(true, 1.5 * SECOND)).toBeUndefined();
    expect(h.update(false, 3 * SECOND)).toBeUndefined();
    expect(h.update(false, 3.5 * SECOND)).toEqual({ active: false, time90k: 3 * SECOND });
  });

  it('does not hang when the clock steps back', () => {
    const h = new MotionHysteresis(2 * SECOND);
    h.update(true, 100 * SECOND);
    expect(h.update(false, 10 * SECOND)).toBeUndefined();
    expect(h.update(false, 12 * SECOND)?.active).toBe(false);
  });
});
