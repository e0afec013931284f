import { describe, expect, it } from 'vitest';
import { WHOLE_PICTURE, isUsableRegion, regionBetween, touchedCells } from './regionGeometry';

describe('region geometry', () => {
  it('orders and clamps the corners of a drag', () => {
    expect(regionBetween({ x: 0.75, y: 1.2 }, { x: 0.25, y: 0.5 })).toEqual({ x: 0.25, y: 0.5, width: 0.5, height: 0.5 });
  });

  it('finds the motion-grid cells a region touches', () => {
    expect(touchedCells({ x: 0, y: 0, width: 1 / 16, height: 1 / 9 })).toEqual([{ column: 0, row: 0 }]);
    expect(touchedCells({ x: 0.5 - 0.01, y: 0.5, width: 0.02, height: 0.01 })).toEqual([{ column: 7, row: 4 }, { column: 8, row: 4 }]);
    expect(touchedCells(WHOLE_PICTURE)).toHaveLength(16 * 9);
  });

  it('refuses a click-sized region', () => {
    expect(isUsableRegion({ x: 0.1, y: 0.1, width: 0.001, height: 0.3 })).toBe(false);
    expect(isUsableRegion({ x: 0.1, y: 0.1, width: 0.05, height: 0.1 })).toBe(true);
  });
});
