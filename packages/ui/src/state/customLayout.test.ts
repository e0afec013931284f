import { describe, expect, it } from 'vitest';
import { createClientStore } from './clientStore';
import { LAYOUTS, MAX_CUSTOM_GRID, gridLayout, isValidLayout } from './layouts';

describe('custom grids', () => {
  it('builds any columns × rows grid up to the limit, in reading order', () => {
    const layout = gridLayout(3, 2)!;
    expect(layout).toMatchObject({ id: 'custom', columns: 3, rows: 2 });
    expect(layout.tiles.map((t) => [t.x, t.y])).toEqual([[0, 0], [1, 0], [2, 0], [0, 1], [1, 1], [2, 1]]);
    expect(gridLayout(MAX_CUSTOM_GRID, MAX_CUSTOM_GRID)!.tiles).toHaveLength(64);
    expect(isValidLayout(gridLayout(5, 7)!)).toBe(true);
  });

  it('refuses sizes outside 1..MAX_CUSTOM_GRID and fractions', () => {
    expect(gridLayout(0, 2)).toBeUndefined();
    expect(gridLayout(2, MAX_CUSTOM_GRID + 1)).toBeUndefined();
    expect(gridLayout(2.5, 2)).toBeUndefined();
  });

  it('rejects layouts whose tiles overlap or leave the grid', () => {
    expect(isValidLayout({ columns: 2, rows: 1, tiles: [{ x: 0, y: 0, width: 2, height: 1 }, { x: 1, y: 0, width: 1, height: 1 }] })).toBe(false);
    expect(isValidLayout({ columns: 2, rows: 2, tiles: [{ x: 1, y: 1, width: 2, height: 1 }] })).toBe(false);
    expect(isValidLayout({ columns: 2, rows: 2, tiles: [] })).toBe(false);
    expect(isValidLayout(LAYOUTS['2+8'])).toBe(true);
  });
});

describe('viewSlice with custom grids and stored views', () => {
  it('switches to a custom grid keeping the cameras in order', () => {
    const store = createClientStore({ layoutId: '2x2' });
    ['a', 'b', 'c', 'd'].forEach((id, i) => store.getState().assignCamera(i, id));
    store.getState().setCustomLayout(3, 1);
    expect(store.getState()).toMatchObject({ layoutId: 'custom', tileCameras: ['a', 'b', 'c'] });
    expect(store.getState().layout).toMatchObject({ columns: 3, rows: 1 });
    store.getState().setCustomLayout(9, 1);
    expect(store.getState().layout.columns).toBe(3);
    store.getState().setLayout('1+5');
    expect(store.getState().layout).toBe(LAYOUTS['1+5']);
    expect(store.getState().tileCameras).toEqual(['a', 'b', 'c', null, null, null]);
  });

  it('applies a stored view in one step and remembers which view it is', () => {
    const store = createClientStore({ layoutId: '3x3' });
    store.getState().toggleMaximize(4);
    store.getState().applyView({ viewId: 'v1', revision: 4, layout: LAYOUTS['1+5'], cameraIds: ['x', null, 'y'] });
    expect(store.getState()).toMatchObject({
      viewId: 'v1', viewRevision: 4, layoutId: '1+5', tileCameras: ['x', null, 'y', null, null, null], maximizedTile: null, selectedTile: null,
    });
    // Edits keep the view (so it can be saved back); a broken layout changes nothing.
    store.getState().assignCamera(1, 'z');
    expect(store.getState().viewId).toBe('v1');
    const before = store.getState();
    store.getState().applyView({ viewId: 'v2', layout: { id: 'custom', columns: 1, rows: 1, tiles: [] }, cameraIds: [] });
    expect(store.getState()).toMatchObject({ viewId: 'v1', layout: before.layout, tileCameras: before.tileCameras });
  });

  it('records a save without touching the tiles', () => {
    const store = createClientStore();
    store.getState().assignCamera(0, 'a');
    store.getState().toggleMaximize(0);
    store.getState().markViewSaved('v9', 2);
    expect(store.getState()).toMatchObject({ viewId: 'v9', viewRevision: 2, maximizedTile: 0, tileCameras: ['a', null, null, null] });
    store.getState().markViewSaved(null, 5);
    expect(store.getState()).toMatchObject({ viewId: null, viewRevision: null });
  });
});
