import { describe, expect, it } from 'vitest';
import type { ViewContent } from './view';
import { VIEW_LIMITS, viewProblem } from './view';

const grid = (n: number) => {
  const tiles = [];
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) tiles.push({ x, y, width: 1, height: 1 });
  return { columns: n, rows: n, tiles };
};
const view = (o: Partial<ViewContent> = {}): ViewContent => ({
  name: 'Lobby', layoutId: '2x2', layout: grid(2), cameraIds: ['a', null, 'b', null], ...o,
});

describe('viewProblem', () => {
  it('accepts presets and an uneven custom grid', () => {
    expect(viewProblem(view())).toBeUndefined();
    const onePlusFive = { columns: 3, rows: 3, tiles: [{ x: 0, y: 0, width: 2, height: 2 }, { x: 2, y: 0, width: 1, height: 1 }, { x: 2, y: 1, width: 1, height: 1 },
      { x: 0, y: 2, width: 1, height: 1 }, { x: 1, y: 2, width: 1, height: 1 }, { x: 2, y: 2, width: 1, height: 1 }] };
    expect(viewProblem(view({ layoutId: '1+5', layout: onePlusFive, cameraIds: [null, null, null, null, null, 'x'] }))).toBeUndefined();
    // Tiles need not cover the grid: a custom layout may leave cells empty.
    expect(viewProblem(view({ layoutId: 'custom', layout: { columns: 5, rows: 2, tiles: [{ x: 4, y: 1, width: 1, height: 1 }] }, cameraIds: [null] }))).toBeUndefined();
  });

  it('names what is wrong', () => {
    expect(viewProblem(view({ name: '   ' }))).toMatch(/^name/);
    expect(viewProblem(view({ name: 'x'.repeat(VIEW_LIMITS.maxName + 1) }))).toMatch(/^name/);
    expect(viewProblem(view({ layout: { columns: 2, rows: 2, tiles: [{ x: 1, y: 0, width: 2, height: 1 }] }, cameraIds: [null] }))).toMatch(/not inside the 2×2 grid/);
    expect(viewProblem(view({ layout: { columns: 2, rows: 2, tiles: [{ x: 0, y: 0, width: 2, height: 2 }, { x: 1, y: 1, width: 1, height: 1 }] }, cameraIds: [null, null] })))
      .toMatch(/tile 1 overlaps an earlier tile at column 1, row 1/);
    expect(viewProblem(view({ cameraIds: ['a'] }))).toMatch(/one entry .* per tile: 4, not 1/);
    expect(viewProblem(view({ layout: { columns: 2, rows: 2, tiles: [] }, cameraIds: [] }))).toMatch(/1 to 64 tiles/);
    expect(viewProblem(view({ layout: { columns: 17, rows: 1, tiles: [{ x: 0, y: 0, width: 1, height: 1 }] }, cameraIds: [null] }))).toMatch(/columns and rows/);
    expect(viewProblem(view({ layout: { columns: 2, rows: 2, tiles: [{ x: 0.5, y: 0, width: 1, height: 1 }] }, cameraIds: [null] }))).toMatch(/not inside/);
  });

  it('allows at most 64 tiles', () => {
    const g8 = grid(8);
    expect(viewProblem(view({ layoutId: 'custom', layout: g8, cameraIds: g8.tiles.map(() => null) }))).toBeUndefined();
    const g9 = grid(9);
    expect(viewProblem(view({ layoutId: 'custom', layout: g9, cameraIds: g9.tiles.map(() => null) }))).toMatch(/1 to 64 tiles/);
  });
});
