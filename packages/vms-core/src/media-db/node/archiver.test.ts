import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isVmsError } from '../../base/common/errors';
import { syntheticFrames } from '../../../test/util/syntheticMedia';
import { decodeFrameIndex } from '../common/frameIndex';
import type { RecordingRow } from '../common/types';
import type { ArchiverHooks, GroomedInfo } from './archiver';
import { Archiver, verifyGroomed } from './archiver';
import { selectFrames } from './archiverFiles';
import { checkMediaDb } from './check';
import { recoverMediaDb } from './recovery';
import { MaintenanceFixture } from './storageMaintenanceFixture';

describe('archiver', () => {
  let fx: MaintenanceFixture;
  beforeEach(() => {
    fx = new MaintenanceFixture();
  });
  afterEach(() => fx.dispose());

  const archiver = (hooks?: ArchiverHooks) => new Archiver({ db: fx.db, keys: fx.keys, handles: fx.handles, hooks });
  const fileOf = (r: RecordingRow) => join(fx.handles(r.storageId).root, r.path);
  const groomedOf = (id: number) => JSON.parse(fx.db.sealFields(id)!.groomed!) as GroomedInfo;
  const check = async () => (await checkMediaDb(fx.db, fx.keys, fx.storageList().map((s) => fx.handles(s.id)))).problems;
  /** Plain payloads the recording was written with (the synthetic frames are deterministic). */
  const original = (r: RecordingRow, seconds: number, gop: number) =>
    syntheticFrames({ count: seconds * 25, start90k: r.start90k, gop }).map((f) => Buffer.from(f.data));

  it('moves live -> archive1 (key frames only) -> archive2 (2 fps), keeping a verifiable link to the original', async () => {
    for (const id of ['live', 'archive1', 'archive2']) fx.addStorage({ id });
    // 10 s at 25 fps with a key frame every 5 frames: 250 frames, 50 key frames 0.2 s apart.
    const r = await fx.record('live', { seconds: 10, gop: 5 });
    const plain = original(r, 10, 5);
    const signed = fx.db.sealFields(r.id)!;

    await archiver().archive(r.id, 'archive1', { keyFramesOnly: true });
    const a1 = fx.db.getRecording(r.id)!;
    expect(a1).toMatchObject({ storageId: 'archive1', frames: 50, keyFrames: 50, start90k: r.start90k, end90k: r.end90k });
    expect(statSync(fileOf(a1)).size).toBe(a1.fileBytes);
    expect(existsSync(fileOf(r))).toBe(false);
    expect((await fx.payloads(r.id)).map((f) => f.data)).toEqual(plain.filter((_, i) => i % 5 === 0));

    await archiver().archive(r.id, 'archive2', { keyFramesOnly: true, maxFps: 2 });
    const a2 = fx.db.getRecording(r.id)!;
    const index = decodeFrameIndex(fx.db.frameIndex(r.id)!);
    // Key frames 0.2 s apart thinned to >= 0.5 s: every third one, 0 .. 48.
    expect(a2).toMatchObject({ storageId: 'archive2', frames: 17, keyFrames: 17 });
    expect(index.map((f) => f.ptsOffset)).toEqual(Array.from({ length: 17 }, (_, i) => i * 3 * 5 * 3600));
    expect(index.at(-1)!.fileOffset + index.at(-1)!.length).toBe(a2.fileBytes);
    expect(readFileSync(fileOf(a2)).length).toBe(a2.fileBytes);
    expect((await fx.payloads(r.id)).map((f) => f.data)).toEqual(plain.filter((_, i) => i % 15 === 0));

    const sealNow = fx.db.sealFields(r.id)!;
    expect(sealNow).toMatchObject({ chainHash: signed.chainHash, signature: signed.signature, contentSha256: signed.contentSha256 });
    const info = groomedOf(r.id);
    expect(info).toMatchObject({ originalFrames: 250, originalKeyFrames: 50, originalFileBytes: r.fileBytes,
      originalContentSha256: Buffer.from(signed.contentSha256!).toString('hex') });
    expect(info.steps).toEqual([{ keyFramesOnly: true }, { keyFramesOnly: true, maxFps: 2 }]);
    expect(verifyGroomed(fx.keys, signed.chainHash!, info)).toBe(true);
    expect(verifyGroomed(fx.keys, signed.chainHash!, { ...info, steps: [null] })).toBe(false);
    expect(await check()).toEqual([]);
    expect(fx.db.garbage()).toEqual([]);
  });

  it('decrypts an encrypted source into a plain archive, and encrypts a plain source for an encrypted one', async () => {
    fx.addStorage({ id: 'secure', encrypted: true });
    fx.addStorage({ id: 'plain' });
    fx.addStorage({ id: 'vault', encrypted: true });
    const a = await fx.record('secure', { seconds: 2 });
    const b = await fx.record('plain', { seconds: 2, start90k: a.end90k! });
    const plainA = original(a, 2, 25);
    const plainB = original(b, 2, 25);
    // The stored bytes really are ciphertext.
    expect(readFileSync(fileOf(a)).includes(plainA[1]!)).toBe(false);

    await archiver().archive(a.id, 'plain');
    const movedA = fx.db.getRecording(a.id)!;
    expect(readFileSync(fileOf(movedA)).includes(plainA[1]!)).toBe(true);
    expect((await fx.payloads(a.id)).map((f) => f.data)).toEqual(plainA);

    await archiver().archive(b.id, 'vault');
    const movedB = fx.db.getRecording(b.id)!;
    expect(readFileSync(fileOf(movedB)).includes(plainB[1]!)).toBe(false);
    expect((await fx.payloads(b.id)).map((f) => f.data)).toEqual(plainB);
    // Only re-encryption changed the bytes: one step with no grooming, still signed.
    for (const id of [a.id, b.id]) {
      expect(groomedOf(id).steps).toEqual([null]);
      expect(verifyGroomed(fx.keys, fx.db.sealFields(id)!.chainHash!, groomedOf(id))).toBe(true);
    }
    expect(await check()).toEqual([]);
  });

  it('refuses a source file whose payloads differ from its content hash, changing nothing', async () => {
    fx.addStorage({ id: 'live' });
    fx.addStorage({ id: 'archive' });
    const r = await fx.record('live');
    const bytes = readFileSync(fileOf(r));
    bytes[bytes.length - 1]! ^= 0xff;
    writeFileSync(fileOf(r), bytes);
    const e = await archiver().archive(r.id, 'archive').catch((x: unknown) => x);
    expect(isVmsError(e, 'VMS_ERR_DATA_CORRUPT')).toBe(true);
    expect(fx.db.getRecording(r.id)).toEqual(r);
    expect(fx.db.garbage()).toEqual([]);
  });

  describe('crash consistency', () => {
    const crash = () => {
      throw new Error('simulated crash');
    };

    it('a crash after the new file is written leaves the old file referenced and the copy as garbage', async () => {
      fx.addStorage({ id: 'live' });
      fx.addStorage({ id: 'archive' });
      const r = await fx.record('live', { gop: 5 });
      await expect(archiver({ afterFileWritten: crash }).archive(r.id, 'archive', { keyFramesOnly: true })).rejects.toThrow('simulated');
      fx.reopen();
      expect(fx.db.getRecording(r.id)).toEqual(r);
      expect((await fx.payloads(r.id)).length).toBe(50);
      const [leftover, ...more] = fx.db.garbage();
      expect(more).toEqual([]);
      expect(leftover).toMatchObject({ storageId: 'archive' });
      expect(existsSync(join(fx.handles('archive').root, leftover!.path))).toBe(true);
      // What start-up does: finish the garbage list; then every invariant holds.
      const report = await recoverMediaDb(fx.db, fx.keys, fx.storageList().map((s) => fx.handles(s.id)));
      expect(report).toMatchObject({ garbageRemoved: 1, orphansRemoved: [] });
      expect(existsSync(join(fx.handles('archive').root, leftover!.path))).toBe(false);
      expect(await check()).toEqual([]);
    });

    it('a crash after the index update leaves the new file referenced and the old one as garbage', async () => {
      fx.addStorage({ id: 'live' });
      fx.addStorage({ id: 'archive', encrypted: true });
      const r = await fx.record('live', { gop: 5 });
      await expect(archiver({ afterIndexUpdated: crash }).archive(r.id, 'archive', { keyFramesOnly: true })).rejects.toThrow('simulated');
      fx.reopen();
      const moved = fx.db.getRecording(r.id)!;
      expect(moved).toMatchObject({ storageId: 'archive', frames: 10 });
      expect((await fx.payloads(r.id)).map((f) => f.data)).toEqual(original(r, 2, 5).filter((_, i) => i % 5 === 0));
      expect(fx.db.garbage()).toEqual([{ storageId: 'live', path: r.path }]);
      expect(existsSync(fileOf(r))).toBe(true);
      await recoverMediaDb(fx.db, fx.keys, fx.storageList().map((s) => fx.handles(s.id)));
      expect(existsSync(fileOf(r))).toBe(false);
      expect(await check()).toEqual([]);
    });

    it('a copy left without a garbage row (lost with the last transactions) is an orphan start-up removes', async () => {
      fx.addStorage({ id: 'live' });
      fx.addStorage({ id: 'archive' });
      const r = await fx.record('live');
      await expect(archiver({ afterFileWritten: crash }).archive(r.id, 'archive')).rejects.toThrow('simulated');
      const [leftover] = fx.db.garbage();
      fx.db.removeGarbage(leftover!.storageId, leftover!.path);
      const report = await recoverMediaDb(fx.db, fx.keys, fx.storageList().map((s) => fx.handles(s.id)));
      expect(report.orphansRemoved).toEqual([join('archive', leftover!.path)]);
      expect(await check()).toEqual([]);
    });
  });

  describe('selectFrames', () => {
    // 2 s at 25 fps, a key frame every 10 frames (0.4 s).
    const frames = Array.from({ length: 50 }, (_, i) => ({ ptsOffset: i * 3600, isKey: i % 10 === 0 }));

    it('keeps a recording already at or below maxFps whole unless keyFramesOnly', () => {
      expect(selectFrames(frames, { keyFramesOnly: false, maxFps: 25 })).toHaveLength(50);
      expect(selectFrames(frames, undefined)).toHaveLength(50);
    });

    it('reduces a faster recording to key frames, thinned to maxFps', () => {
      expect(selectFrames(frames, { keyFramesOnly: false, maxFps: 10 })).toEqual([0, 10, 20, 30, 40]);
      expect(selectFrames(frames, { keyFramesOnly: true, maxFps: 1 })).toEqual([0, 30]);
    });

    it('keeps a recording without key frames whole rather than empty', () => {
      expect(selectFrames(frames.map((f) => ({ ...f, isKey: false })), { keyFramesOnly: true })).toHaveLength(50);
    });
  });
});
