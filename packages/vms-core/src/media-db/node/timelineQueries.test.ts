import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syntheticParams, tempDir } from '../../../test/util/syntheticMedia';
import { MediaDb } from './mediaDb';

const S = 90_000;
const T0 = Date.UTC(2026, 5, 1) * 90;

describe('timeline queries', () => {
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

  /** A closed recording [start, end) of cam1 (index contents do not matter here). */
  function recording(start: number, end: number, runId = 1): number {
    const { id } = db.insertOpenRecording({ cameraId: 'cam1', streamKey: 'main', storageId: 'live', runId, start90k: start, videoParamsId: db.paramsId(syntheticParams()), now: 0 });
    const blank = new Uint8Array(32);
    db.closeRecording(id, { end90k: end, frames: 1, keyFrames: 1, fileBytes: 0, frameIndex: new Uint8Array(), contentSha256: blank, prevChainHash: blank, chainHash: blank, signature: blank });
    return id;
  }

  it('finds a recording longer than usual that started before the range', () => {
    for (let i = 0; i < 10; i++) recording(T0 + i * 60 * S, T0 + (i + 1) * 60 * S);
    recording(T0 + 3600 * S, T0 + 3600 * S + 600 * S, 2); // ten minutes (a camera with no key frames for long)
    const [seq] = db.listSequences(['cam1'], T0 + 3900 * S, T0 + 4000 * S, T0 + 5000 * S);
    expect(seq!.recordings).toEqual([{ start90k: T0 + 3900 * S, end90k: T0 + 4000 * S }]);
    expect(db.listRecordings('cam1', T0 + 3900 * S, T0 + 4000 * S)).toHaveLength(1);
  });

  it('merges contiguous recordings but never papers over a hole inside a run', () => {
    const ids = [0, 1, 2, 3, 4].map((i) => recording(T0 + i * 60 * S, T0 + (i + 1) * 60 * S));
    db.forgetRecordings([ids[2]!]); // retention deleted the middle one; an evidence lock kept its neighbours
    const [seq] = db.listSequences(['cam1'], T0 - 60 * S, T0 + 3600 * S, T0 + 3600 * S);
    expect(seq!.recordings).toEqual([
      { start90k: T0, end90k: T0 + 120 * S },
      { start90k: T0 + 180 * S, end90k: T0 + 300 * S },
    ]);
  });

  it('includes open recordings and open motion up to the given end', () => {
    recording(T0, T0 + 60 * S);
    db.insertOpenRecording({ cameraId: 'cam1', streamKey: 'main', storageId: 'live', runId: 1, start90k: T0 + 60 * S, videoParamsId: db.paramsId(syntheticParams()), now: 0 });
    db.startMotion('cam1', T0 + 30 * S);
    const [seq] = db.listSequences(['cam1'], T0, T0 + 3600 * S, T0 + 90 * S);
    expect(seq!.recordings).toEqual([{ start90k: T0, end90k: T0 + 90 * S }]);
    expect(seq!.motion).toEqual([{ start90k: T0 + 30 * S, end90k: T0 + 90 * S }]);
  });
});
