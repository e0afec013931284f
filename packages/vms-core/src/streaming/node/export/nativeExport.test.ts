import { execFile } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isVmsError } from '../../../base/common/errors';
import { SiteKeys } from '../../../security/node/siteKeys';
import { runVerifyExport } from '../../../cli/verifyExport';
import type { RecordedFixture } from '../recordedFixture';
import { createRecordedFixture, SECOND, START } from '../recordedFixture';
import { exportNative } from './nativeExport';
import { verifyNativeExport } from './nativeExportVerify';

const run = promisify(execFile);

describe('native signed export', () => {
  let fx: RecordedFixture;
  let deps: Parameters<typeof exportNative>[0];
  beforeAll(async () => {
    fx = await createRecordedFixture();
    deps = { db: fx.db, reader: fx.reader, keys: SiteKeys.loadOrCreate(join(fx.dir, 'site-key.json')) };
  });
  afterAll(() => fx.dispose());

  const request = { cameraIds: ['cam-h264', 'cam-h264-enc'], from90k: START + 1.3 * SECOND, to90k: START + 7.5 * SECOND, userId: 'alice' };
  const verifyLines = async (file: string, password?: string) => {
    const lines: string[] = [];
    const code = await runVerifyExport(file, { password, log: (l) => lines.push(l) });
    return { code, lines };
  };
  /** Offset of an archive entry's body (ustar: the name opens its 512-byte header). */
  const entryOffset = (archive: Buffer, name: string) => archive.indexOf(Buffer.from(`${name}\0`)) + 512;

  it('exports whole recordings with index, chain fields and a signed manifest; verify says GOOD', async () => {
    const file = join(fx.dir, 'good.njx');
    const progress: number[] = [];
    const result = await exportNative(deps, request, file, { onProgress: (p) => progress.push(p.frames / p.totalFrames) });
    expect(result).toMatchObject({ recordings: 4, frames: 150 });
    expect(progress.at(-1)).toBe(1);
    const { stdout } = await run('tar', ['-tf', file]);
    const ids = fx.db.listRecordings('cam-h264', START, START + 10 * SECOND).map((r) => r.id);
    expect(stdout.split('\n')).toEqual(expect.arrayContaining([
      'nightjar-export.json', 'manifest.json', 'manifest.sig', `recordings/cam-h264/${ids[0]}.njf`, `recordings/cam-h264/${ids[0]}.idx`,
    ]));
    const { code, lines } = await verifyLines(file);
    expect(lines[0]).toMatch(/^GOOD: 4 recordings, 150 frames of cam-h264, cam-h264-enc from 2026-06-01T12:00:01.300Z/);
    expect(code).toBe(0);
    const report = await verifyNativeExport(file);
    expect(report.manifest?.recordings.map((r) => r.encryptedAtSource)).toEqual([false, false, true, true]);
    expect(report.manifest?.cameras[0]?.gaps).toEqual([{ start90k: START + 2 * SECOND, end90k: START + 7 * SECOND }]);
  });

  it('names the recording and frame range when one byte of media is flipped', async () => {
    const file = join(fx.dir, 'flipped.njx');
    await exportNative(deps, request, file);
    const archive = readFileSync(file);
    const id = fx.db.listRecordings('cam-h264', START, START + SECOND)[0]!.id;
    const frames = fx.cameras.h264.frames;
    // Into the payload of frame 30 (GOP 25..49).
    const frame30 = 32 + frames.slice(0, 30).reduce((n, f) => n + 12 + f.data.length, 0) + 12 + 10;
    archive[entryOffset(archive, `recordings/cam-h264/${id}.njf`) + frame30]! ^= 0x01;
    writeFileSync(file, archive);
    const { code, lines } = await verifyLines(file);
    expect(code).toBe(1);
    expect(lines).toEqual([
      `ALTERED recording ${id} of camera cam-h264 (2026-06-01T12:00:01.000Z to 2026-06-01T12:00:01.960Z) in recordings/cam-h264/${id}.njf: ` +
        'frames 25..49 were altered (their hash differs from the signed manifest)',
      '1 alteration found',
    ]);
  });

  it('names the manifest signature when the manifest is edited', async () => {
    const file = join(fx.dir, 'edited.njx');
    await exportNative(deps, request, file);
    const archive = readFileSync(file);
    const at = archive.indexOf(Buffer.from('"userId": "alice"'));
    archive.write('"userId": "mal0r"', at);
    writeFileSync(file, archive);
    const { code, lines } = await verifyLines(file);
    expect(code).toBe(1);
    expect(lines[0]).toBe('ALTERED manifest: the manifest signature does not verify: manifest.json (or manifest.sig) was altered after export');
  });

  it('encrypts every file with a password; a missing or wrong password is a clear error', async () => {
    const file = join(fx.dir, 'secret.njx');
    await exportNative(deps, request, file, { password: 'correct horse' });
    expect(readFileSync(file).includes(Buffer.from('sitePublicKey'))).toBe(false);
    const none = await verifyNativeExport(file).catch((e: unknown) => e);
    expect(isVmsError(none, 'VMS_ERR_BAD_CREDENTIALS') && none.message).toMatch(/encrypted/);
    const wrong = await verifyNativeExport(file, { password: 'wrong' }).catch((e: unknown) => e);
    expect(isVmsError(wrong, 'VMS_ERR_BAD_CREDENTIALS') && wrong.message).toBe('wrong password for this export');
    expect((await verifyLines(file, 'correct horse')).code).toBe(0);
    // A flipped byte of an encrypted file fails its authentication: named by file and recording.
    const archive = readFileSync(file);
    const id = fx.db.listRecordings('cam-h264-enc', START, START + SECOND)[0]!.id;
    archive[entryOffset(archive, `recordings/cam-h264-enc/${id}.njf`) + 2000]! ^= 0x80;
    writeFileSync(file, archive);
    const { code, lines } = await verifyLines(file, 'correct horse');
    expect(code).toBe(1);
    expect(lines[0]).toBe(`ALTERED file recordings/cam-h264-enc/${id}.njf: file is missing or fails decryption (altered)`);
  });

  it('leaves nothing behind when cancelled', async () => {
    const file = join(fx.dir, 'cancelled.njx');
    const ac = new AbortController();
    const p = exportNative(deps, request, file, { signal: ac.signal, onProgress: () => ac.abort(new Error('stop')) });
    await expect(p).rejects.toThrow('stop');
    expect(existsSync(file) || existsSync(`${file}.part`)).toBe(false);
  });
});
