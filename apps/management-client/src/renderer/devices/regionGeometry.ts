/**
 * Geometry of motion exclusion regions: rectangles in fractions of the picture (0..1), as the
 * site stores them, drawn, moved and resized with the mouse or the keyboard on a snapshot.
 * Everything stays inside the picture; a drag too small to see is a click, not a region.
 */
import type { Region } from '@nightjar/vms-core';

export interface Point {
  x: number;
  y: number;
}

export type Handle = 'nw' | 'ne' | 'sw' | 'se';

/** Regions narrower or lower than this (1 % of the picture) are not made. */
export const MIN_REGION_SIZE = 0.01;

export const clamp01 = (v: number) => Math.min(1, Math.max(0, v));
/** Four decimals: finer than a pixel of a 4K picture, and tidy in the audit log. */
const tidy = (v: number) => Math.round(v * 10_000) / 10_000;

export function tidyRegion(r: Region): Region {
  const x = tidy(clamp01(r.x));
  const y = tidy(clamp01(r.y));
  return { x, y, width: tidy(Math.min(1 - x, Math.max(0, r.width))), height: tidy(Math.min(1 - y, Math.max(0, r.height))) };
}

/** A pointer position over an element, in fractions of its box (clamped to it). */
export function fractionIn(clientX: number, clientY: number, box: { left: number; top: number; width: number; height: number }): Point {
  if (box.width <= 0 || box.height <= 0) return { x: 0, y: 0 };
  return { x: clamp01((clientX - box.left) / box.width), y: clamp01((clientY - box.top) / box.height) };
}

/** The rectangle spanned by a drag from `a` to `b`, whichever way it went. */
export function regionFromDrag(a: Point, b: Point): Region {
  const x = clamp01(Math.min(a.x, b.x));
  const y = clamp01(Math.min(a.y, b.y));
  return tidyRegion({ x, y, width: clamp01(Math.max(a.x, b.x)) - x, height: clamp01(Math.max(a.y, b.y)) - y });
}

export const isUsableRegion = (r: Region) => r.width >= MIN_REGION_SIZE && r.height >= MIN_REGION_SIZE;

export const contains = (r: Region, p: Point) => p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;

/** The region under a point: the last drawn (topmost) wins; -1 for none. */
export function hitRegion(regions: readonly Region[], p: Point): number {
  for (let i = regions.length - 1; i >= 0; i--) if (contains(regions[i]!, p)) return i;
  return -1;
}

/** Moved by (dx, dy), stopping at the picture's edges without changing size. */
export function moveRegion(r: Region, dx: number, dy: number): Region {
  return tidyRegion({ ...r, x: Math.min(1 - r.width, Math.max(0, r.x + dx)), y: Math.min(1 - r.height, Math.max(0, r.y + dy)) });
}

/** The corner `handle` dragged to `p`; the opposite corner stays, and the region keeps its minimum size. */
export function resizeRegion(r: Region, handle: Handle, p: Point): Region {
  const left = r.x;
  const top = r.y;
  const right = r.x + r.width;
  const bottom = r.y + r.height;
  const q = { x: clamp01(p.x), y: clamp01(p.y) };
  const x0 = handle === 'nw' || handle === 'sw' ? Math.min(q.x, right - MIN_REGION_SIZE) : left;
  const x1 = handle === 'ne' || handle === 'se' ? Math.max(q.x, left + MIN_REGION_SIZE) : right;
  const y0 = handle === 'nw' || handle === 'ne' ? Math.min(q.y, bottom - MIN_REGION_SIZE) : top;
  const y1 = handle === 'sw' || handle === 'se' ? Math.max(q.y, top + MIN_REGION_SIZE) : bottom;
  return tidyRegion({ x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
}

/** Grown or shrunk from its bottom-right corner by (dw, dh), for keyboard resizing. */
export function growRegion(r: Region, dw: number, dh: number): Region {
  return resizeRegion(r, 'se', { x: r.x + r.width + dw, y: r.y + r.height + dh });
}

/**
 * The fraction of the picture the regions exclude together (overlaps counted once): the
 * plane cut at every region edge, each cell counted when some region covers it.
 */
export function excludedFraction(regions: readonly Region[]): number {
  const xs = [...new Set(regions.flatMap((r) => [r.x, r.x + r.width]))].sort((a, b) => a - b);
  const ys = [...new Set(regions.flatMap((r) => [r.y, r.y + r.height]))].sort((a, b) => a - b);
  let area = 0;
  for (let i = 0; i + 1 < xs.length; i++) {
    for (let j = 0; j + 1 < ys.length; j++) {
      const centre = { x: (xs[i]! + xs[i + 1]!) / 2, y: (ys[j]! + ys[j + 1]!) / 2 };
      if (regions.some((r) => contains(r, centre))) area += (xs[i + 1]! - xs[i]!) * (ys[j + 1]! - ys[j]!);
    }
  }
  return Math.min(1, area);
}

/** CSS placement of a region over the picture. */
export function regionStyle(r: Region): { left: string; top: string; width: string; height: string } {
  const pct = (v: number) => `${(v * 100).toFixed(3)}%`;
  return { left: pct(r.x), top: pct(r.y), width: pct(r.width), height: pct(r.height) };
}

/** "x 10 %, y 20 %, 30 × 40 %" for the region list and screen readers. */
export function describeRegion(r: Region): string {
  const pct = (v: number) => Math.round(v * 100);
  return `from ${pct(r.x)} %, ${pct(r.y)} % · ${pct(r.width)} × ${pct(r.height)} % of the picture`;
}
