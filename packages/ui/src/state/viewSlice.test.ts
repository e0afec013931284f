import { describe, expect, it } from 'vitest';
import { createClientStore } from './clientStore';
import { LAYOUTS, LAYOUT_IDS, isLayoutId } from './layouts';

describe('layouts', () => {
  it.each(LAYOUT_IDS)('%s covers its grid exactly once', (id) => {
    const layout = LAYOUTS[id];
    const covered = new Map<string, number>();
    for (const t of layout.tiles) {
      for (let y = t.y; y < t.y + t.height; y++) for (let x = t.x; x < t.x + t.width; x++) {
        expect(x).toBeLessThan(layout.columns);
        expect(y).toBeLessThan(layout.rows);
        covered.set(`${x},${y}`, (covered.get(`${x},${y}`) ?? 0) + 1);
      }
    }
    expect(covered.size).toBe(layout.columns * layout.rows);
    expect([...covered.values()].every((n) => n === 1)).toBe(true);
  });

  it('has the tile counts its name says', () => {
    const counts = Object.fromEntries(LAYOUT_IDS.map((id) => [id, LAYOUTS[id].tiles.length]));
    expect(counts).toEqual({ '1x1': 1, '2x2': 4, '3x3': 9, '4x4': 16, '1+5': 6, '1+7': 8, '2+8': 10 });
    expect(LAYOUTS['1+7'].tiles[0]).toEqual({ x: 0, y: 0, width: 3, height: 3 });
    expect(isLayoutId('2+8')).toBe(true);
    expect(isLayoutId('5x5')).toBe(false);
  });
});

describe('viewSlice', () => {
  it('starts with empty tiles of the chosen layout', () => {
    const s = createClientStore({ layoutId: '1+5' }).getState();
    expect(s.layoutId).toBe('1+5');
    expect(s.tileCameras).toEqual([null, null, null, null, null, null]);
  });

  it('assigns cameras to tiles and selects the tile', () => {
    const store = createClientStore();
    store.getState().assignCamera(2, 'cam-a');
    expect(store.getState().tileCameras).toEqual([null, null, 'cam-a', null]);
    expect(store.getState().selectedTile).toBe(2);
    store.getState().assignCamera(2, null);
    expect(store.getState().tileCameras[2]).toBeNull();
  });

  it('ignores tiles outside the layout', () => {
    const store = createClientStore();
    const before = store.getState();
    store.getState().assignCamera(4, 'x');
    store.getState().assignCamera(-1, 'x');
    store.getState().selectTile(9);
    store.getState().toggleMaximize(1.5);
    store.getState().swapTiles(0, 7);
    expect(store.getState().tileCameras).toBe(before.tileCameras);
    expect(store.getState().selectedTile).toBeNull();
    expect(store.getState().maximizedTile).toBeNull();
  });

  it('keeps cameras in order across layout changes', () => {
    const store = createClientStore({ layoutId: '2x2' });
    ['a', 'b', 'c', 'd'].forEach((id, i) => store.getState().assignCamera(i, id));
    store.getState().setLayout('3x3');
    expect(store.getState().tileCameras).toEqual(['a', 'b', 'c', 'd', null, null, null, null, null]);
    store.getState().setLayout('1x1');
    expect(store.getState().tileCameras).toEqual(['a']);
    expect(store.getState().selectedTile).toBeNull();
  });

  it('swaps tiles', () => {
    const store = createClientStore();
    store.getState().assignCamera(0, 'a');
    store.getState().swapTiles(0, 3);
    expect(store.getState().tileCameras).toEqual([null, null, null, 'a']);
  });

  it('maximizes a tile and restores it, dropping the maximize when the layout loses the tile', () => {
    const store = createClientStore({ layoutId: '3x3' });
    store.getState().toggleMaximize(5);
    expect(store.getState()).toMatchObject({ maximizedTile: 5, selectedTile: 5 });
    store.getState().toggleMaximize(5);
    expect(store.getState().maximizedTile).toBeNull();
    store.getState().toggleMaximize(8);
    store.getState().setLayout('2x2');
    expect(store.getState().maximizedTile).toBeNull();
  });

  it('gives each store its own state', () => {
    const a = createClientStore();
    const b = createClientStore();
    a.getState().assignCamera(0, 'x');
    expect(b.getState().tileCameras[0]).toBeNull();
  });
});
