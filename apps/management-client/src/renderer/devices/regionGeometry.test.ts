import { describe, expect, it } from 'vitest';
import {
  MIN_REGION_SIZE, excludedFraction, fractionIn, growRegion, hitRegion, isUsableRegion, moveRegion, regionFromDrag, resizeRegion, tidyRegion,
} from './regionGeometry';

describe('drawing regions', () => {
  it('spans a drag in any direction, clamped to the picture', () => {
    expect(regionFromDrag({ x: 0.6, y: 0.8 }, { x: 0.2, y: 0.3 })).toEqual({ x: 0.2, y: 0.3, width: 0.4, height: 0.5 });
    expect(regionFromDrag({ x: -0.2, y: 0.5 }, { x: 1.4, y: 1.2 })).toEqual({ x: 0, y: 0.5, width: 1, height: 0.5 });
  });

  it('turns pointer coordinates into fractions of the picture box', () => {
    const box = { left: 100, top: 50, width: 400, height: 200 };
    expect(fractionIn(300, 100, box)).toEqual({ x: 0.5, y: 0.25 });
    expect(fractionIn(50, 400, box)).toEqual({ x: 0, y: 1 });
    expect(fractionIn(10, 10, { left: 0, top: 0, width: 0, height: 0 })).toEqual({ x: 0, y: 0 });
  });

  it('treats a click as no region', () => {
    expect(isUsableRegion(regionFromDrag({ x: 0.5, y: 0.5 }, { x: 0.502, y: 0.6 }))).toBe(false);
    expect(isUsableRegion(regionFromDrag({ x: 0.5, y: 0.5 }, { x: 0.52, y: 0.52 }))).toBe(true);
  });

  it('keeps four decimals and never leaves the picture', () => {
    expect(tidyRegion({ x: 0.123456, y: 0.9, width: 0.5, height: 0.5 })).toEqual({ x: 0.1235, y: 0.9, width: 0.5, height: 0.1 });
  });
});

describe('editing regions', () => {
  const r = { x: 0.2, y: 0.2, width: 0.3, height: 0.2 };

  it('moves within the picture without changing size', () => {
    expect(moveRegion(r, 0.1, -0.1)).toEqual({ x: 0.3, y: 0.1, width: 0.3, height: 0.2 });
    expect(moveRegion(r, 5, 5)).toEqual({ x: 0.7, y: 0.8, width: 0.3, height: 0.2 });
    expect(moveRegion(r, -5, -5)).toEqual({ x: 0, y: 0, width: 0.3, height: 0.2 });
  });

  it('resizes by a corner, keeping the opposite one and a minimum size', () => {
    expect(resizeRegion(r, 'se', { x: 0.9, y: 0.9 })).toEqual({ x: 0.2, y: 0.2, width: 0.7, height: 0.7 });
    expect(resizeRegion(r, 'nw', { x: 0.1, y: 0.1 })).toEqual({ x: 0.1, y: 0.1, width: 0.4, height: 0.3 });
    // Dragged past the opposite corner: stops at the minimum size.
    const flat = resizeRegion(r, 'nw', { x: 0.9, y: 0.9 });
    expect(flat).toEqual({ x: 0.49, y: 0.39, width: MIN_REGION_SIZE, height: MIN_REGION_SIZE });
    expect(growRegion(r, 0.1, -0.5)).toEqual({ x: 0.2, y: 0.2, width: 0.4, height: MIN_REGION_SIZE });
  });

  it('finds the topmost region under the pointer', () => {
    const regions = [{ x: 0, y: 0, width: 0.5, height: 0.5 }, { x: 0.25, y: 0.25, width: 0.5, height: 0.5 }];
    expect(hitRegion(regions, { x: 0.3, y: 0.3 })).toBe(1);
    expect(hitRegion(regions, { x: 0.1, y: 0.1 })).toBe(0);
    expect(hitRegion(regions, { x: 0.9, y: 0.9 })).toBe(-1);
  });
});

describe('excluded fraction', () => {
  it('counts overlaps once', () => {
    expect(excludedFraction([])).toBe(0);
    expect(excludedFraction([{ x: 0, y: 0, width: 0.5, height: 0.5 }])).toBeCloseTo(0.25);
    expect(excludedFraction([{ x: 0, y: 0, width: 0.5, height: 0.5 }, { x: 0.25, y: 0.25, width: 0.5, height: 0.5 }])).toBeCloseTo(0.4375);
    expect(excludedFraction([{ x: 0, y: 0, width: 1, height: 1 }, { x: 0.1, y: 0.1, width: 0.2, height: 0.2 }])).toBeCloseTo(1);
  });
});
