import { describe, expect, it } from 'vitest';
import { sparklinePoints } from './sparklinePoints';

const ys = (points: string) => points.split(' ').map((p) => Number(p.split(',')[1]));
const xs = (points: string) => points.split(' ').map((p) => Number(p.split(',')[0]));

describe('sparkline points', () => {
  it('spreads values over the width, oldest left, and scales them to the height', () => {
    const p = sparklinePoints([0, 50, 100], 100, 22, { max: 100 });
    expect(xs(p)).toEqual([0, 50, 100]);
    expect(ys(p)).toEqual([21, 11, 1]);
  });

  it('grows a short history from the right edge when given its slots', () => {
    expect(xs(sparklinePoints([1, 2], 100, 22, { slots: 11 }))).toEqual([90, 100]);
    expect(xs(sparklinePoints([5], 10, 22))).toEqual([10]);
  });

  it('scales by its own largest value without a fixed maximum, and draws nothing without values', () => {
    // 4 is the largest; with a fifth of headroom it sits at 80 % of the height.
    expect(ys(sparklinePoints([2, 4], 10, 22))).toEqual([13, 5]);
    expect(sparklinePoints([], 10, 22)).toBe('');
    // All zero: a flat line at the bottom, not a division by zero.
    expect(ys(sparklinePoints([0, 0], 10, 22))).toEqual([21, 21]);
  });
});
