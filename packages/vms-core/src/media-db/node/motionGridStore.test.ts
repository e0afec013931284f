import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syntheticParams, tempDir } from '../../../test/util/syntheticMedia';
import { emptyMask, regionMask, setCell } from '../common/motionGrid';
import { defaultMatchTiming } from '../common/motionSearch';
import { MediaDb } from './mediaDb';
import { MAX_GRID_CHUNK_90K } from './motionGridStore';

const S = 90_000;
const T0 = Date.UTC(2026, 5, 1) * 90;

/** A mask with one cell set. */
function cell(column: number, row: number): Uint8Array {
  const m = emptyMask();
  setCell(m, column, row);
  return m;
}

describe('MotionGridStore', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: MediaDb;
  beforeEach(() => {
    dir = tempDir();
    db = new MediaDb(join(dir.path, 'media.db'));
  });
  afterEach(() => {
    db.close();
    dir.dispose();
  });

  function recording(cameraId: string, start: number, end: number): number {
    const { id } = db.insertOpenRecording({ cameraId, streamKey: 'main', storageId: 'live', runId: 1, start90k: start, videoParamsId: db.paramsId(syntheticParams()), now: 0 });
    const blank = new Uint8Array(32);
    db.closeRecording(id, { end90k: end, frames: 1, keyFrames: 1, fileBytes: 0, frameIndex: new Uint8Array(), contentSha256: blank, prevChainHash: blank, chainHash: blank, signature: blank });
    return id;
  }

  /** One single-entry chunk at each of the given seconds after T0. */
  function gridsAt(cameraId: string, seconds: number[]): void {
    for (const s of seconds) db.motionGrids.insert(cameraId, { start90k: T0 + s * S, end90k: T0 + s * S, entries: [{ offset90k: 0, cells: cell(0, 0) }] });
  }

  const storedSeconds = (cameraId: string) => [...db.motionGrids.samples(cameraId, T0 - 3600 * S, T0 + 3600 * S)].map((g) => (g.time90k - T0) / S);

  it('reads back the entries of a range, across chunks and only inside it', () => {
    db.motionGrids.insert('cam1', {
      start90k: T0, end90k: T0 + 9 * S,
      entries: [{ offset90k: 0, cells: cell(1, 1) }, { offset90k: 4 * S, cells: cell(2, 2) }, { offset90k: 9 * S, cells: cell(3, 3) }],
    });
    gridsAt('cam1', [11, 12]);
    gridsAt('cam2', [5]);
    const got = [...db.motionGrids.samples('cam1', T0 + 4 * S, T0 + 12 * S)];
    expect(got.map((g) => (g.time90k - T0) / S)).toEqual([4, 9, 11]);
    expect([...got[0]!.cells]).toEqual([...cell(2, 2)]);
    const spans = db.motionGrids.search('cam1', T0, T0 + 60 * S, { region: regionMask({ x: 0, y: 0, width: 1, height: 1 }), minCells: 1, ...defaultMatchTiming });
    expect(spans.map((s) => [(s.start90k - T0) / S, (s.end90k - T0) / S, s.frames])).toEqual([[0, 1, 1], [4, 5, 1], [9, 13, 3]]);
  });

  it('refuses a chunk longer than a search looks back for', () => {
    expect(() => db.motionGrids.insert('cam1', {
      start90k: T0, end90k: T0 + MAX_GRID_CHUNK_90K + 1, entries: [{ offset90k: 0, cells: cell(0, 0) }],
    })).toThrow(RangeError);
  });

  it('forgets grids with their recording and the uncovered gap before it, keeping those of remaining recordings', () => {
    const first = recording('cam1', T0 + 100 * S, T0 + 200 * S);
    const second = recording('cam1', T0 + 300 * S, T0 + 400 * S);
    recording('cam2', T0, T0 + 1000 * S);
    gridsAt('cam1', [50, 150, 250, 350, 450]);
    gridsAt('cam2', [150, 350]);
    // The newer one goes first (say the older is under an evidence lock): the older keeps its grids.
    db.forgetRecordings([second]);
    expect(storedSeconds('cam1')).toEqual([50, 150, 450]);
    db.forgetRecordings([first]);
    // Nothing older remains, so what came before the first recording goes too.
    expect(storedSeconds('cam1')).toEqual([450]);
    expect(storedSeconds('cam2')).toEqual([150, 350]);
  });

  it('leaves grids alone when an open recording without frames is forgotten', () => {
    gridsAt('cam1', [10]);
    const { id } = db.insertOpenRecording({ cameraId: 'cam1', streamKey: 'main', storageId: 'live', runId: 1, start90k: T0 + 5 * S, videoParamsId: db.paramsId(syntheticParams()), now: 0 });
    db.forgetRecordings([id]);
    expect(storedSeconds('cam1')).toEqual([10]);
  });

  it('reports chunks that are not what the writer stores', () => {
    gridsAt('cam1', [10]);
    expect(db.motionGrids.problems()).toEqual([]);
    db.db.prepare('INSERT INTO motion_grid (camera_id, start_90k, end_90k, cells) VALUES (?, ?, ?, ?)').run('cam1', T0, T0 + S, new Uint8Array(23));
    const twoAtZero = new Uint8Array(44); // two entries, both at offset 0
    db.db.prepare('INSERT INTO motion_grid (camera_id, start_90k, end_90k, cells) VALUES (?, ?, ?, ?)').run('cam2', T0, T0 + 2 * S, twoAtZero);
    expect(db.motionGrids.problems().map((p) => [p.cameraId, p.detail])).toEqual([
      ['cam1', expect.stringMatching(/not a whole/)],
      ['cam2', expect.stringMatching(/do not rise/)],
    ]);
    expect(db.motionGrids.problems({ cameraId: 'cam2' })).toHaveLength(1);
  });
});
