/*
 * View layouts as data: a grid of columns × rows and the tiles on it, in reading order. The
 * view grid positions tiles with these numbers (CSS grid lines or absolute percentages), and
 * the store keeps cameras per tile index, so adding a layout is adding data, not code.
 */

export interface TileRect {
  /** Column and row of the top-left cell, from 0. */
  x: number;
  y: number;
  /** Size in cells. */
  width: number;
  height: number;
}

export interface Layout {
  /** A preset, or 'custom' for any other grid (an operator's N×M, or a view stored by another client). */
  id: LayoutChoice;
  columns: number;
  rows: number;
  tiles: readonly TileRect[];
}

export const LAYOUT_IDS = ['1x1', '2x2', '3x3', '4x4', '1+5', '1+7', '2+8'] as const;
export type LayoutId = (typeof LAYOUT_IDS)[number];
export type LayoutChoice = LayoutId | 'custom';

/** Columns and rows of the custom-grid editor: finer grids cannot be read on one screen. */
export const MAX_CUSTOM_GRID = 8;

function grid(id: LayoutId, n: number): Layout {
  const tiles: TileRect[] = [];
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) tiles.push({ x, y, width: 1, height: 1 });
  return { id, columns: n, rows: n, tiles };
}

/** One large tile in the top-left corner of an n×n grid, small ones along the right and bottom edges. */
function onePlus(id: LayoutId, n: number): Layout {
  const big = n - 1;
  const tiles: TileRect[] = [{ x: 0, y: 0, width: big, height: big }];
  for (let y = 0; y < big; y++) tiles.push({ x: big, y, width: 1, height: 1 });
  for (let x = 0; x < n; x++) tiles.push({ x, y: big, width: 1, height: 1 });
  return { id, columns: n, rows: n, tiles };
}

function twoPlusEight(): Layout {
  const tiles: TileRect[] = [{ x: 0, y: 0, width: 2, height: 2 }, { x: 2, y: 0, width: 2, height: 2 }];
  for (let y = 2; y < 4; y++) for (let x = 0; x < 4; x++) tiles.push({ x, y, width: 1, height: 1 });
  return { id: '2+8', columns: 4, rows: 4, tiles };
}

export const LAYOUTS: Readonly<Record<LayoutId, Layout>> = {
  '1x1': grid('1x1', 1),
  '2x2': grid('2x2', 2),
  '3x3': grid('3x3', 3),
  '4x4': grid('4x4', 4),
  '1+5': onePlus('1+5', 3),
  '1+7': onePlus('1+7', 4),
  '2+8': twoPlusEight(),
};

export function isLayoutId(value: string): value is LayoutId {
  return (LAYOUT_IDS as readonly string[]).includes(value);
}

/**
 * A plain grid of `columns` × `rows` equal tiles, marked 'custom'; undefined outside
 * 1..MAX_CUSTOM_GRID so a bad value from a form never reaches the store.
 */
export function gridLayout(columns: number, rows: number): Layout | undefined {
  const ok = (n: number) => Number.isInteger(n) && n >= 1 && n <= MAX_CUSTOM_GRID;
  if (!ok(columns) || !ok(rows)) return undefined;
  const tiles: TileRect[] = [];
  for (let y = 0; y < rows; y++) for (let x = 0; x < columns; x++) tiles.push({ x, y, width: 1, height: 1 });
  return { id: 'custom', columns, rows, tiles };
}

/**
 * Whether a layout's tiles lie inside its grid without overlapping: a layout from outside the
 * client (a stored view) is checked before the store takes it.
 */
export function isValidLayout(layout: Pick<Layout, 'columns' | 'rows' | 'tiles'>): boolean {
  const { columns, rows, tiles } = layout;
  if (!Number.isInteger(columns) || !Number.isInteger(rows) || columns < 1 || rows < 1 || tiles.length < 1) return false;
  const taken = new Set<number>();
  for (const t of tiles) {
    if (![t.x, t.y, t.width, t.height].every(Number.isInteger)) return false;
    if (t.x < 0 || t.y < 0 || t.width < 1 || t.height < 1 || t.x + t.width > columns || t.y + t.height > rows) return false;
    for (let y = t.y; y < t.y + t.height; y++) {
      for (let x = t.x; x < t.x + t.width; x++) {
        if (taken.has(y * columns + x)) return false;
        taken.add(y * columns + x);
      }
    }
  }
  return true;
}
