import { closeSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../base/node/systemClock';
import { FrameCipher } from '../../security/node/frameCipher';
import { SiteKeys } from '../../security/node/siteKeys';
import { syntheticFrames, tempDir } from '../../../test/util/syntheticMedia';
import { decodeFrameIndex } from '../common/frameIndex';
import { checkMediaDb } from './check';
import { MediaDb } from './mediaDb';
import { nodeWriterIo, RecordingWriter } from './recordingWriter';
import type { WriterIo } from './recordingWriter';
import { recoverMediaDb } from './recovery';
import type { StorageHandle } from './storageHandle';

const START = Date.UTC(2026, 5, 1) * 90;

describe('recording writer, recovery and check', () => {
  let dir: ReturnType<typeof tempDir>;
  let db: MediaDb;
  let keys: SiteKeys;
  let storage: StorageHandle;

  beforeEach(() => {
    dir = tempDir();
    db = new MediaDb(join(dir.path, 'media.db'));
    keys = SiteKeys.loadOrCreate(join(dir.path, 'site-key.json'));
    storage = { id: 'live', root: join(dir.path, 'live') };
    mkdirSync(storage.root);
  });
  afterEach(() => {
    db.close();
    dir.dispose();
  });

  const deps = () => ({ db, keys, clock: systemClock });

  async function record(frames: ReturnType<typeof syntheticFrames>, s = storage) {
    const w = RecordingWriter.create(deps(), {
      storage: s, cameraId: 'cam1', streamKey: 'main', runId: db.newRunId(), params: frames[0]!.params, start90k: frames[0]!.time90k,
    });
    for (const f of frames) w.append(f);
    return w;
  }

  it('seals a recording with an index that matches the file, and check passes', async () => {
    const frames = syntheticFrames({ count: 100, start90k: START });
    const w = await record(frames);
    const closed = await w.close();
    expect(closed).toMatchObject({ frames: 100, start90k: START });
    const index = decodeFrameIndex(db.frameIndex(closed!.id)!);
    expect(index).toHaveLength(100);
    expect(index.filter((f) => f.isKey)).toHaveLength(4);
    expect(index[99]!.ptsOffset).toBe(frames[99]!.time90k - START);
    const report = await checkMediaDb(db, keys, [storage]);
    expect(report.problems).toEqual([]);
    expect(report.frames).toBe(100);
  });

  it('recovers an open recording after a crash, cutting a torn last frame', async () => {
    const w = await record(syntheticFrames({ count: 60, start90k: START }));
    await w.flush();
    db.startMotion('cam1', START + 90_000);
    // The process "dies": the row stays open; a torn half frame follows the last good one,
    // inside the zero padding that direct writes leave after the end.
    const row = db.openRecordings()[0]!;
    const file = join(storage.root, row.path);
    const fd = openSync(file, 'r+');
    writeSync(fd, Buffer.from([0, 1, 0, 0, 0, 0, 0, 9, 1, 0xa5, 0, 0, 1, 2, 3]), 0, 15, w.writtenBytes);
    closeSync(fd);
    const fileBytes = statSync(file).size;
    expect(fileBytes).toBeGreaterThanOrEqual(w.writtenBytes + 15);
    const report = await recoverMediaDb(db, keys, [storage]);
    expect(report.sealed).toEqual([{ id: row.id, frames: 60, truncatedBytes: fileBytes - w.writtenBytes }]);
    expect(statSync(file).size).toBe(w.writtenBytes);
    expect(report.motionClosed).toBe(1);
    const [seq] = db.listSequences(['cam1'], START, START + 3600 * 90_000, START + 3600 * 90_000);
    expect(seq!.motion).toEqual([{ start90k: START + 90_000, end90k: db.getRecording(row.id)!.end90k }]);
    expect(db.openRecordings()).toEqual([]);
    expect((await checkMediaDb(db, keys, [storage])).problems).toEqual([]);
  });

  it('drops an open recording with no complete frame and removes orphan files', async () => {
    RecordingWriter.create(deps(), {
      storage, cameraId: 'cam1', streamKey: 'main', runId: 1, params: syntheticFrames({ count: 1, start90k: START })[0]!.params, start90k: START,
    });
    mkdirSync(join(storage.root, 'cam9'));
    writeFileSync(join(storage.root, 'cam9', '77.njf'), 'stray');
    const before = await checkMediaDb(db, keys, [storage]);
    expect(before.problems.map((p) => p.invariant)).toContain('no-orphans');
    const report = await recoverMediaDb(db, keys, [storage]);
    expect(report.dropped).toHaveLength(1);
    expect(report.orphansRemoved).toEqual([join('live', 'cam9', '77.njf')]);
    const after = await checkMediaDb(db, keys, [storage]);
    expect(after).toMatchObject({ recordings: 0, problems: [], open: [] });
  });

  it('check names the recording and frame when a file is altered', async () => {
    const a = await (await record(syntheticFrames({ count: 50, start90k: START }))).close();
    const b = await (await record(syntheticFrames({ count: 50, start90k: START + 2 * 90_000 }))).close();
    const file = join(storage.root, db.getRecording(b!.id)!.path);
    const bytes = readFileSync(file);
    const index = decodeFrameIndex(db.frameIndex(b!.id)!);
    bytes[index[10]!.fileOffset + 3]! ^= 0xff; // flip a payload byte of frame 10
    writeFileSync(file, bytes);
    const report = await checkMediaDb(db, keys, [storage]);
    expect(report.problems).toEqual([expect.objectContaining({ recordingId: b!.id, invariant: 'content-hash' })]);
    expect(a!.id).not.toBe(b!.id);
  });

  it('check detects a chain break when a row is edited', async () => {
    const r = await (await record(syntheticFrames({ count: 30, start90k: START }))).close();
    db.db.prepare('UPDATE recording SET end_90k = end_90k + 90000 WHERE id = ?').run(r!.id);
    const report = await checkMediaDb(db, keys, [storage]);
    expect(report.problems.map((p) => p.invariant)).toContain('chain-link');
  });

  it('encrypts frames at rest and decrypts them back', async () => {
    const cipher = new FrameCipher(Buffer.alloc(32, 7));
    const enc: StorageHandle = { id: 'enc', root: join(dir.path, 'enc'), cipher };
    mkdirSync(enc.root);
    const frames = syntheticFrames({ count: 10, start90k: START });
    const r = await (await record(frames, enc)).close();
    const row = db.getRecording(r!.id)!;
    const bytes = readFileSync(join(enc.root, row.path));
    const index = decodeFrameIndex(db.frameIndex(r!.id)!);
    const prefix = bytes.subarray(24, 32);
    const f3 = index[3]!;
    const stored = bytes.subarray(f3.fileOffset, f3.fileOffset + f3.length);
    expect(Buffer.from(stored.subarray(0, frames[3]!.data.length))).not.toEqual(Buffer.from(frames[3]!.data));
    expect(cipher.decrypt(prefix, 3, stored)).toEqual(Buffer.from(frames[3]!.data));
    expect((await checkMediaDb(db, keys, [enc])).problems).toEqual([]);
  });

  it('fails the writer on a full disk, keeping what was written before', async () => {
    let full = false;
    const io: WriterIo = {
      // When "full", half the batch still reaches the file before ENOSPC, as on a real disk.
      write: async (fd, b, length, pos) => {
        if (!full) return nodeWriterIo.write(fd, b, length, pos);
        await nodeWriterIo.write(fd, b, Math.ceil(length / 2 / 4096) * 4096, pos);
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      },
      writev: async (fd, b, pos) => {
        if (!full) return nodeWriterIo.writev(fd, b, pos);
        await nodeWriterIo.writev(fd, b.slice(0, Math.ceil(b.length / 2)), pos);
        throw Object.assign(new Error('no space'), { code: 'ENOSPC' });
      },
      fdatasync: nodeWriterIo.fdatasync,
    };
    const frames = syntheticFrames({ count: 25, start90k: START });
    const w = RecordingWriter.create({ ...deps(), io }, {
      storage, cameraId: 'cam1', streamKey: 'main', runId: 1, params: frames[0]!.params, start90k: START,
    });
    const failures: string[] = [];
    w.onDidFail((e) => failures.push(e.code));
    frames.slice(0, 20).forEach((f) => w.append(f));
    await w.flush();
    full = true;
    frames.slice(20).forEach((f) => w.append(f));
    await w.flush();
    expect(failures).toEqual(['VMS_ERR_STORAGE_FULL']);
    expect(w.lostFrames).toBe(5);
    const closed = await w.close();
    expect(closed?.frames).toBe(20);
    expect((await checkMediaDb(db, keys, [storage])).problems).toEqual([]);
  });
});
