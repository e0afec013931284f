/**
 * The motion grid: which cells of a 16x9 grid over the picture changed in an analysed frame,
 * as an 18-byte bitmask, and the region math of smart search. 16x9 matches the 16:9 pictures
 * most cameras send, and over the detector's 64x36 picture each cell is exactly one of its
 * 4x4 noise-filter blocks. Cell i = row * 16 + column, bit (i & 7) of byte (i >> 3).
 */
import type { Region } from '../../management/common/camera';

export const GRID_COLUMNS = 16;
export const GRID_ROWS = 9;
export const GRID_CELLS = GRID_COLUMNS * GRID_ROWS;
export const GRID_BYTES = GRID_CELLS / 8;

export function emptyMask(): Uint8Array {
  return new Uint8Array(GRID_BYTES);
}

export function setCell(mask: Uint8Array, column: number, row: number): void {
  const i = row * GRID_COLUMNS + column;
  mask[i >> 3] = mask[i >> 3]! | (1 << (i & 7));
}

export function hasCell(mask: Uint8Array, column: number, row: number): boolean {
  const i = row * GRID_COLUMNS + column;
  return (mask[i >> 3]! & (1 << (i & 7))) !== 0;
}

/** The cell holding pixel (x, y) of a width x height picture. */
export function cellOfPixel(x: number, y: number, width: number, height: number): { column: number; row: number } {
  return { column: Math.floor((x * GRID_COLUMNS) / width), row: Math.floor((y * GRID_ROWS) / height) };
}

const BITS = Uint8Array.from({ length: 256 }, (_, b) => {
  let n = 0;
  for (let v = b; v; v >>= 1) n += v & 1;
  return n;
});

export function cellCount(mask: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < GRID_BYTES; i++) n += BITS[mask[i]!]!;
  return n;
}

/** Cells set in both masks. */
export function commonCellCount(a: Uint8Array, b: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < GRID_BYTES; i++) n += BITS[a[i]! & b[i]!]!;
  return n;
}

export function orInto(target: Uint8Array, source: Uint8Array): void {
  for (let i = 0; i < GRID_BYTES; i++) target[i] = target[i]! | source[i]!;
}

/**
 * The cells a region (fractions of the picture) overlaps with a positive area: a box drawn
 * across part of a cell selects that cell, since the object may sit anywhere within it. A
 * region of zero width or height selects nothing.
 */
export function regionMask(region: Region): Uint8Array {
  const mask = emptyMask();
  const [c0, c1] = span(region.x, region.width, GRID_COLUMNS);
  const [r0, r1] = span(region.y, region.height, GRID_ROWS);
  for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) setCell(mask, c, r);
  return mask;
}

/** First and last cell index overlapped by [start, start + length) on an axis of n cells. */
function span(start: number, length: number, n: number): [number, number] {
  const from = Math.max(0, start);
  const to = Math.min(1, start + length);
  if (!(to > from)) return [0, -1];
  return [Math.min(n - 1, Math.floor(from * n)), Math.min(n - 1, Math.ceil(to * n) - 1)];
}

/** Why a search region cannot be used, or undefined when it can. */
export function regionProblem(region: Region): string | undefined {
  const values = [region.x, region.y, region.width, region.height];
  if (values.some((v) => !Number.isFinite(v) || v < 0 || v > 1)) return 'region values must be fractions of the picture (0..1)';
  if (!(region.width > 0 && region.height > 0)) return 'region must have a positive width and height';
  if (region.x + region.width > 1 + 1e-9 || region.y + region.height > 1 + 1e-9) return 'region must lie inside the picture (x + width ≤ 1, y + height ≤ 1)';
  return undefined;
}

// Stored chunks: motion_grid rows hold the grids of a few seconds of one camera as one blob of
// fixed-size entries, u32 little-endian offset from the row's start (90 kHz) + the mask. One
// row per chunk instead of per frame keeps the index and the write rate small.

export const ENTRY_BYTES = 4 + GRID_BYTES;

export interface GridEntry {
  offset90k: number;
  cells: Uint8Array;
}

export function encodeGridEntries(entries: readonly GridEntry[]): Uint8Array {
  const out = new Uint8Array(entries.length * ENTRY_BYTES);
  const view = new DataView(out.buffer);
  entries.forEach((e, i) => {
    if (!Number.isInteger(e.offset90k) || e.offset90k < 0 || e.offset90k > 0xffff_ffff) throw new RangeError(`grid entry offset ${e.offset90k}`);
    if (e.cells.length !== GRID_BYTES) throw new RangeError(`grid mask of ${e.cells.length} bytes`);
    view.setUint32(i * ENTRY_BYTES, e.offset90k, true);
    out.set(e.cells, i * ENTRY_BYTES + 4);
  });
  return out;
}

/** The entries of a stored chunk, or undefined when the blob is not a whole number of them. */
export function decodeGridEntries(blob: Uint8Array): GridEntry[] | undefined {
  if (blob.length % ENTRY_BYTES !== 0) return undefined;
  const view = new DataView(blob.buffer, blob.byteOffset, blob.byteLength);
  const out: GridEntry[] = [];
  for (let o = 0; o < blob.length; o += ENTRY_BYTES) {
    out.push({ offset90k: view.getUint32(o, true), cells: blob.subarray(o + 4, o + ENTRY_BYTES) });
  }
  return out;
}

/** A chunk ready to store: start is its first entry's time, end the last frame merged into it. */
export interface GridChunk {
  start90k: number;
  end90k: number;
  entries: GridEntry[];
}

export interface GridChunkOptions {
  /** Samples closer than this to the previous entry are OR-ed into it (all-frames analysis at 25 fps). */
  merge90k: number;
  /** A chunk is complete once it spans this long. */
  chunk90k: number;
}

export const defaultGridChunkOptions: GridChunkOptions = { merge90k: 45_000, chunk90k: 10 * 90_000 };

/**
 * Collects the grids of one camera into chunks. `add` is called for every analysed frame (with
 * or without changed cells) so a chunk completes on time even when nothing moves; it returns
 * the finished chunk, if any, for the caller to store.
 */
export class GridChunkBuilder {
  private current: GridChunk | undefined;
  private lastTime90k: number | undefined;

  constructor(private readonly options: GridChunkOptions = defaultGridChunkOptions) {}

  add(time90k: number, cells: Uint8Array | undefined): GridChunk | undefined {
    let done: GridChunk | undefined;
    // A clock stepping back, or a chunk long enough, ends the chunk before this sample.
    if (this.current && (time90k < this.lastTime90k! || time90k - this.current.start90k >= this.options.chunk90k)) {
      done = this.take();
    }
    this.lastTime90k = time90k;
    if (!cells || cellCount(cells) === 0) return done;
    const chunk = (this.current ??= { start90k: time90k, end90k: time90k, entries: [] });
    const last = chunk.entries.at(-1);
    if (last && time90k - (chunk.start90k + last.offset90k) < this.options.merge90k) {
      orInto(last.cells, cells);
    } else {
      chunk.entries.push({ offset90k: time90k - chunk.start90k, cells: Uint8Array.from(cells) });
    }
    chunk.end90k = time90k;
    return done;
  }

  /** The chunk being built, if it has entries; the builder starts empty again. */
  take(): GridChunk | undefined {
    const chunk = this.current;
    this.current = undefined;
    return chunk;
  }
}
