/**
 * The smart-search region: a rectangle drawn on a camera's picture, in fractions of the picture
 * from its top left (the API's form), and which cells of the 16 × 9 motion grid it touches (the
 * site counts every touched cell; the picker shades them so the operator sees what is searched).
 */

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const GRID_COLUMNS = 16;
export const GRID_ROWS = 9;

const clamp01 = (v: number) => Math.min(1, Math.max(0, v));

/** The rectangle between two pointer positions (fractions, in any order), kept inside the picture. */
export function regionBetween(a: { x: number; y: number }, b: { x: number; y: number }): Region {
  const x0 = clamp01(Math.min(a.x, b.x));
  const y0 = clamp01(Math.min(a.y, b.y));
  return { x: x0, y: y0, width: clamp01(Math.max(a.x, b.x)) - x0, height: clamp01(Math.max(a.y, b.y)) - y0 };
}

/** Too small to mean anything (a click rather than a drag): less than one grid cell either way. */
export function isUsableRegion(r: Region): boolean {
  return r.width * GRID_COLUMNS >= 0.5 && r.height * GRID_ROWS >= 0.5;
}

/** Cells (column, row) the region touches; a region ending exactly on a cell edge does not touch the next. */
export function touchedCells(r: Region): { column: number; row: number }[] {
  const c0 = Math.floor(r.x * GRID_COLUMNS);
  const c1 = Math.min(GRID_COLUMNS - 1, Math.ceil((r.x + r.width) * GRID_COLUMNS) - 1);
  const r0 = Math.floor(r.y * GRID_ROWS);
  const r1 = Math.min(GRID_ROWS - 1, Math.ceil((r.y + r.height) * GRID_ROWS) - 1);
  const cells: { column: number; row: number }[] = [];
  for (let row = r0; row <= r1; row++) for (let column = c0; column <= c1; column++) cells.push({ column, row });
  return cells;
}

export const WHOLE_PICTURE: Region = { x: 0, y: 0, width: 1, height: 1 };
