import type { Db } from '../../base/node/sqlite';
import type { Time90k } from '../../media/common/types';
import { TICKS_PER_SECOND } from '../../media/common/types';
import type { GridChunk } from '../common/motionGrid';
import { decodeGridEntries, encodeGridEntries } from '../common/motionGrid';
import type { GridSample, MotionMatchOptions, MotionSpan } from '../common/motionSearch';
import { motionSpans } from '../common/motionSearch';

/** No chunk spans longer, so a search need read only from `from − this` on. */
export const MAX_GRID_CHUNK_90K = 60 * TICKS_PER_SECOND;

export interface GridProblem {
  cameraId: string;
  start90k: number;
  detail: string;
}

/**
 * The motion_grid table (migration 004): chunks of per-frame cell masks, written by the
 * recording server's motion detection and read by smart search.
 */
export class MotionGridStore {
  private readonly insertChunk;
  private readonly rangeRows;
  private readonly previousEnd;
  private readonly deleteRange;

  constructor(private readonly db: Db) {
    // Duplicate starts can only come from a camera pipeline restarted within one frame time;
    // the chunk already stored is kept.
    this.insertChunk = db.prepare('INSERT OR IGNORE INTO motion_grid (camera_id, start_90k, end_90k, cells) VALUES (?, ?, ?, ?)');
    this.rangeRows = db.prepare(
      'SELECT start_90k, cells FROM motion_grid WHERE camera_id = ? AND start_90k >= ? AND start_90k < ? AND end_90k >= ? ORDER BY start_90k',
    );
    // Recordings of one camera do not overlap, so the one starting last before a point ends last.
    this.previousEnd = db.prepare(
      'SELECT COALESCE(end_90k, start_90k) AS e FROM recording WHERE camera_id = ? AND start_90k < ? ORDER BY start_90k DESC LIMIT 1',
    );
    this.deleteRange = db.prepare('DELETE FROM motion_grid WHERE camera_id = ? AND start_90k >= ? AND start_90k < ?');
  }

  insert(cameraId: string, chunk: GridChunk): void {
    if (chunk.entries.length === 0) return;
    if (chunk.end90k - chunk.start90k > MAX_GRID_CHUNK_90K) throw new RangeError(`motion grid chunk of ${chunk.end90k - chunk.start90k} ticks`);
    this.insertChunk.run(cameraId, chunk.start90k, chunk.end90k, encodeGridEntries(chunk.entries));
  }

  /** The stored grids of a camera with times in [from, to), in time order, read lazily. */
  *samples(cameraId: string, from90k: Time90k, to90k: Time90k): Generator<GridSample> {
    const rows = this.rangeRows.raw().iterate(cameraId, from90k - MAX_GRID_CHUNK_90K, to90k, from90k) as Iterable<[number, Uint8Array]>;
    for (const [start, blob] of rows) {
      for (const e of decodeGridEntries(blob) ?? []) {
        const time90k = start + e.offset90k;
        if (time90k >= from90k && time90k < to90k) yield { time90k, cells: e.cells };
      }
    }
  }

  /** Smart search on one camera: spans in [from, to) where the region changed. */
  search(cameraId: string, from90k: Time90k, to90k: Time90k, options: MotionMatchOptions): MotionSpan[] {
    return motionSpans(this.samples(cameraId, from90k, to90k), options);
  }

  /**
   * Deletes the grids of a recording being forgotten, inside the caller's transaction (after
   * its row is deleted): those of its time range, and those of the gap before it back to the
   * camera's previous remaining recording, which no recording covers any more. Grids kept by
   * an older recording (say under an evidence lock) stay; a chunk is judged by its start.
   */
  forgetWithRecording(cameraId: string, start90k: Time90k, end90k: Time90k | null): void {
    if (end90k === null) return; // an open recording that never got a frame
    const previous = this.previousEnd.get(cameraId, start90k) as { e: number } | undefined;
    this.deleteRange.run(cameraId, previous?.e ?? -Number.MAX_SAFE_INTEGER, end90k);
  }

  /** Chunks whose blob is not what the writer stores (for `vms check`). */
  problems(scope: { cameraId?: string; from90k?: number; to90k?: number } = {}): GridProblem[] {
    const rows = this.db
      .prepare('SELECT camera_id AS cameraId, start_90k AS start90k, end_90k AS end90k, cells FROM motion_grid ORDER BY camera_id, start_90k')
      .iterate() as Iterable<{ cameraId: string; start90k: number; end90k: number; cells: Uint8Array }>;
    const out: GridProblem[] = [];
    for (const r of rows) {
      if (scope.cameraId !== undefined && r.cameraId !== scope.cameraId) continue;
      if ((scope.to90k !== undefined && r.start90k >= scope.to90k) || (scope.from90k !== undefined && r.end90k < scope.from90k)) continue;
      const at = { cameraId: r.cameraId, start90k: r.start90k };
      const entries = decodeGridEntries(r.cells);
      if (!entries || entries.length === 0) {
        out.push({ ...at, detail: `cells blob of ${r.cells.length} bytes is not a whole, non-zero number of entries` });
        continue;
      }
      if (r.end90k - r.start90k > MAX_GRID_CHUNK_90K || r.end90k < r.start90k) out.push({ ...at, detail: `chunk spans ${r.end90k - r.start90k} ticks` });
      const offsets = entries.map((e) => e.offset90k);
      // The end may lie past the last entry: frames merged into it (GridChunkBuilder) came later.
      if (offsets[0] !== 0 || offsets.some((o, i) => i > 0 && o <= offsets[i - 1]!) || offsets.at(-1)! > r.end90k - r.start90k) {
        out.push({ ...at, detail: 'entry times do not rise from the chunk start within its end' });
      }
    }
    return out;
  }
}
