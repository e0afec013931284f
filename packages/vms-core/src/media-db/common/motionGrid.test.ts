import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Region } from '../../management/common/camera';
import {
  ENTRY_BYTES, GRID_BYTES, GRID_CELLS, GRID_COLUMNS, GRID_ROWS, GridChunkBuilder, cellCount, cellOfPixel, commonCellCount,
  decodeGridEntries, emptyMask, encodeGridEntries, hasCell, regionMask, regionProblem, setCell,
} from './motionGrid';
import { motionSpans } from './motionSearch';

const fraction = fc.double({ min: 0, max: 1, noNaN: true });
/** A region inside the picture with a positive size. */
const region = fc
  .tuple(fraction, fraction, fraction, fraction)
  .map(([a, b, c, d]) => ({ x: Math.min(a, b), width: Math.abs(a - b), y: Math.min(c, d), height: Math.abs(c - d) }))
  .filter((r) => r.width > 0 && r.height > 0);
const mask = fc.uint8Array({ minLength: GRID_BYTES, maxLength: GRID_BYTES });

const cellsOf = (m: Uint8Array) => {
  const out: [number, number][] = [];
  for (let r = 0; r < GRID_ROWS; r++) for (let c = 0; c < GRID_COLUMNS; c++) if (hasCell(m, c, r)) out.push([c, r]);
  return out;
};
/** Whether cell (c, r) and the region share a positive area. */
const overlaps = (rg: Region, c: number, r: number) =>
  rg.x < (c + 1) / GRID_COLUMNS && rg.x + rg.width > c / GRID_COLUMNS && rg.y < (r + 1) / GRID_ROWS && rg.y + rg.height > r / GRID_ROWS;

describe('grid bitmask', () => {
  it('sets and reads each of the 144 cells on its own', () => {
    for (let r = 0; r < GRID_ROWS; r++) {
      for (let c = 0; c < GRID_COLUMNS; c++) {
        const m = emptyMask();
        setCell(m, c, r);
        expect(cellsOf(m)).toEqual([[c, r]]);
        expect(cellCount(m)).toBe(1);
      }
    }
  });

  it('counts common cells as the size of the intersection', () => {
    fc.assert(fc.property(mask, mask, (a, b) => {
      const both = cellsOf(a).filter(([c, r]) => hasCell(b, c, r)).length;
      expect(commonCellCount(a, b)).toBe(both);
      expect(commonCellCount(a, a)).toBe(cellCount(a));
    }));
  });

  it('maps the 64x36 detector picture onto 4x4-pixel cells', () => {
    expect(cellOfPixel(0, 0, 64, 36)).toEqual({ column: 0, row: 0 });
    expect(cellOfPixel(3, 3, 64, 36)).toEqual({ column: 0, row: 0 });
    expect(cellOfPixel(4, 4, 64, 36)).toEqual({ column: 1, row: 1 });
    expect(cellOfPixel(63, 35, 64, 36)).toEqual({ column: 15, row: 8 });
  });
});

describe('regionMask', () => {
  it('selects exactly the cells the region overlaps with a positive area', () => {
    fc.assert(fc.property(region, (rg) => {
      const selected = new Set(cellsOf(regionMask(rg)).map(([c, r]) => `${c},${r}`));
      for (let r = 0; r < GRID_ROWS; r++) {
        for (let c = 0; c < GRID_COLUMNS; c++) expect(selected.has(`${c},${r}`), `cell ${c},${r} of ${JSON.stringify(rg)}`).toBe(overlaps(rg, c, r));
      }
    }));
  });

  it('never loses cells when the region grows', () => {
    fc.assert(fc.property(region, fraction, fraction, (rg, grow1, grow2) => {
      const bigger = { ...rg, width: Math.min(1 - rg.x, rg.width + grow1), height: Math.min(1 - rg.y, rg.height + grow2) };
      const small = regionMask(rg);
      expect(commonCellCount(small, regionMask(bigger))).toBe(cellCount(small));
    }));
  });

  it('selects the whole grid for the whole picture, and nothing for an empty region', () => {
    expect(cellCount(regionMask({ x: 0, y: 0, width: 1, height: 1 }))).toBe(GRID_CELLS);
    expect(cellCount(regionMask({ x: 0.3, y: 0.3, width: 0, height: 0.2 }))).toBe(0);
    // Exactly on cell edges: the left half is columns 0..7, nothing of column 8.
    expect(cellsOf(regionMask({ x: 0, y: 0, width: 0.5, height: 1 / 9 }))).toEqual([0, 1, 2, 3, 4, 5, 6, 7].map((c) => [c, 0]));
  });

  it('names what is wrong with an unusable region', () => {
    expect(regionProblem({ x: 0.1, y: 0.1, width: 0.5, height: 0.5 })).toBeUndefined();
    expect(regionProblem({ x: 0.1, y: 0.1, width: 0, height: 0.5 })).toMatch(/positive width/);
    expect(regionProblem({ x: 0.8, y: 0.1, width: 0.5, height: 0.5 })).toMatch(/inside the picture/);
    expect(regionProblem({ x: -0.1, y: 0.1, width: 0.5, height: 0.5 })).toMatch(/fractions/);
    expect(regionProblem({ x: Number.NaN, y: 0.1, width: 0.5, height: 0.5 })).toMatch(/fractions/);
  });
});

describe('grid chunks', () => {
  const entry = fc.record({ offset90k: fc.integer({ min: 0, max: 0xffff_ffff }), cells: mask });

  it('decode what they encode', () => {
    fc.assert(fc.property(fc.array(entry, { maxLength: 40 }), (entries) => {
      const blob = encodeGridEntries(entries);
      expect(blob.length).toBe(entries.length * ENTRY_BYTES);
      expect(decodeGridEntries(blob)).toEqual(entries);
    }));
  });

  it('refuses a blob that is not whole entries', () => {
    expect(decodeGridEntries(new Uint8Array(ENTRY_BYTES + 3))).toBeUndefined();
  });

  it('skip frames without change, merge close frames and end a chunk after its span', () => {
    const b = new GridChunkBuilder({ merge90k: 45_000, chunk90k: 900_000 });
    const one = (c: number) => {
      const m = emptyMask();
      setCell(m, c, 0);
      return m;
    };
    expect(b.add(0, emptyMask())).toBeUndefined();
    expect(b.add(90_000, one(1))).toBeUndefined();
    expect(b.add(100_000, one(2))).toBeUndefined(); // within 0.5 s: OR-ed into the entry at 1 s
    expect(b.add(200_000, one(3))).toBeUndefined();
    expect(b.add(500_000, undefined)).toBeUndefined();
    const chunk = b.add(990_000, one(4));
    expect(chunk).toMatchObject({ start90k: 90_000, end90k: 200_000 });
    expect(chunk!.entries.map((e) => [e.offset90k, cellsOf(e.cells)])).toEqual([[0, [[1, 0], [2, 0]]], [110_000, [[3, 0]]]]);
    // The sample that ended the chunk starts the next; a clock stepping back ends that one.
    expect(b.add(10, one(5))).toMatchObject({ start90k: 990_000, entries: [{ offset90k: 0 }] });
    expect(b.take()).toMatchObject({ start90k: 10, end90k: 10 });
    expect(b.take()).toBeUndefined();
  });

  it('keep every changed cell of every sample, in order, whatever the timing', () => {
    const samples = fc.array(fc.tuple(fc.integer({ min: 1, max: 200_000 }), mask), { maxLength: 60 });
    fc.assert(fc.property(samples, (steps) => {
      const b = new GridChunkBuilder({ merge90k: 45_000, chunk90k: 900_000 });
      const chunks = [];
      let t = 0;
      const union = emptyMask();
      for (const [dt, cells] of steps) {
        t += dt;
        for (let i = 0; i < GRID_BYTES; i++) union[i] = union[i]! | cells[i]!;
        const done = b.add(t, cells);
        if (done) chunks.push(done);
      }
      const last = b.take();
      if (last) chunks.push(last);
      const stored = emptyMask();
      let previous = -1;
      for (const c of chunks) {
        expect(c.end90k - c.start90k).toBeLessThan(900_000);
        for (const e of c.entries) {
          expect(c.start90k + e.offset90k).toBeGreaterThan(previous);
          previous = c.start90k + e.offset90k;
          for (let i = 0; i < GRID_BYTES; i++) stored[i] = stored[i]! | e.cells[i]!;
        }
      }
      expect(stored).toEqual(union);
    }));
  });
});

describe('motionSpans', () => {
  const topLeft = regionMask({ x: 0, y: 0, width: 0.25, height: 0.25 });
  const at = (column: number, row: number) => {
    const m = emptyMask();
    setCell(m, column, row);
    return m;
  };
  const options = { region: topLeft, minCells: 1, gap90k: 180_000, tail90k: 90_000 };

  it('merges matches up to the gap apart and ignores changes outside the region', () => {
    const spans = motionSpans([
      { time90k: 0, cells: at(0, 0) },
      { time90k: 90_000, cells: at(15, 8) },
      { time90k: 180_000, cells: at(1, 1) },
      { time90k: 1_000_000, cells: at(2, 0) },
    ], options);
    expect(spans).toEqual([
      { start90k: 0, end90k: 270_000, cells: 2, frames: 2 },
      { start90k: 1_000_000, end90k: 1_090_000, cells: 1, frames: 1 },
    ]);
    expect(motionSpans([{ time90k: 0, cells: at(15, 8) }], options)).toEqual([]);
  });

  it('stops after limit spans, keeping the earliest', () => {
    const samples = [0, 1_000_000, 2_000_000].map((time90k) => ({ time90k, cells: at(0, 0) }));
    expect(motionSpans(samples, { ...options, limit: 2 }).map((s) => s.start90k)).toEqual([0, 1_000_000]);
    expect(motionSpans(samples, { ...options, limit: 3 })).toHaveLength(3);
  });

  it('needs minCells region cells in one frame', () => {
    const two = at(0, 0);
    setCell(two, 1, 0);
    const samples = [{ time90k: 0, cells: at(0, 0) }, { time90k: 90_000, cells: two }];
    expect(motionSpans(samples, { ...options, minCells: 2 })).toEqual([{ start90k: 90_000, end90k: 180_000, cells: 2, frames: 1 }]);
  });

  it('puts every matching frame in exactly one span, and spans are apart by more than the gap', () => {
    const samples = fc.array(fc.tuple(fc.integer({ min: 1, max: 400_000 }), mask), { maxLength: 80 });
    fc.assert(fc.property(samples, fc.integer({ min: 1, max: 4 }), (steps, minCells) => {
      let t = 0;
      const list = steps.map(([dt, cells]) => ({ time90k: (t += dt), cells }));
      const spans = motionSpans(list, { ...options, minCells });
      const matches = list.filter((s) => commonCellCount(s.cells, topLeft) >= minCells);
      expect(spans.reduce((n, s) => n + s.frames, 0)).toBe(matches.length);
      for (const m of matches) expect(spans.filter((s) => m.time90k >= s.start90k && m.time90k < s.end90k)).toHaveLength(1);
      for (let i = 1; i < spans.length; i++) {
        expect(spans[i]!.start90k - (spans[i - 1]!.end90k - options.tail90k)).toBeGreaterThan(options.gap90k);
      }
      for (const s of spans) expect(s.cells).toBeGreaterThanOrEqual(minCells);
    }));
  });
});
