import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../base/common/clock';
import { isVmsError } from '../../../base/common/errors';
import { SiteKeys } from '../../../security/node/siteKeys';
import type { RecordedFixture } from '../recordedFixture';
import { createRecordedFixture, SECOND, START } from '../recordedFixture';
import type { ExportJob, ExportJobSettings } from './exportJobs';
import { ExportJobs } from './exportJobs';
import { resolveInside } from './exportPaths';
import { verifyNativeExport } from './nativeExportVerify';

describe('ExportJobs', () => {
  let fx: RecordedFixture;
  let clock: ManualClock;
  let jobs: ExportJobs | undefined;
  let folder: string;
  beforeAll(async () => {
    fx = await createRecordedFixture();
  });
  afterAll(() => fx.dispose());
  afterEach(async () => {
    await jobs?.close();
    jobs = undefined;
  });

  const open = (settings: Partial<ExportJobSettings> = {}) => {
    clock = new ManualClock(Date.UTC(2026, 5, 2));
    folder = join(fx.dir, `exports-${Math.random().toString(36).slice(2)}`);
    jobs = new ExportJobs({
      reader: fx.reader, db: fx.db, keys: SiteKeys.loadOrCreate(join(fx.dir, 'site-key.json')), clock,
      settings: { folder, maxBytes: 100 << 20, retentionHours: 24, ...settings },
    });
    return jobs;
  };
  const settled = (j: ExportJobs, id: string) => new Promise<ExportJob>((resolve) => {
    const current = j.get(id);
    if (current && ['done', 'failed', 'cancelled'].includes(current.state)) return resolve(current);
    const d = j.onDidChange((job) => {
      if (job.id === id && ['done', 'failed', 'cancelled'].includes(job.state)) {
        d.dispose();
        resolve(job);
      }
    });
  });
  const range = { from90k: START, to90k: START + 10 * SECOND };

  it('runs queued jobs one at a time with progress, per user, and resolves their downloads', async () => {
    const j = open();
    const states: string[] = [];
    j.onDidChange((job) => states.push(`${job.id.slice(0, 4)}:${job.state}`));
    const a = j.submit('alice', { cameraIds: ['cam-h264'], ...range, format: 'mp4' });
    const b = j.submit('bob', { cameraIds: ['cam-h265', 'cam-h264'], ...range, format: 'native', password: 'pw' });
    expect(j.get(b.id)?.state).toBe('queued');
    const doneA = await settled(j, a.id);
    const doneB = await settled(j, b.id);
    expect(doneA).toMatchObject({ state: 'done', progress: 1, userId: 'alice', files: [{ name: 'cam-h264_2026-06-01T12-00-00.000Z.mp4' }] });
    expect(doneB.request).not.toHaveProperty('password');
    expect(j.list('bob').map((x) => x.id)).toEqual([b.id]);
    // b started only after a finished.
    expect(states.indexOf(`${b.id.slice(0, 4)}:running`)).toBeGreaterThan(states.indexOf(`${a.id.slice(0, 4)}:done`));
    const path = await j.resolveDownload(b.id, doneB.files[0]!.name);
    expect((await verifyNativeExport(path, { password: 'pw' })).good).toBe(true);
  });

  it('cancels a running job and removes its partial output', async () => {
    const j = open();
    const job = j.submit('alice', { cameraIds: ['cam-h264', 'cam-h265'], ...range, format: 'mkv' });
    await new Promise<void>((resolve) => { const d = j.onDidChange((x) => x.state === 'running' && (d.dispose(), resolve())); });
    expect(await j.cancel(job.id)).toBe(true);
    expect(j.get(job.id)?.state).toBe('cancelled');
    expect(readdirSync(folder)).toEqual([]);
    expect(await j.cancel(job.id)).toBe(false);
  });

  it('deletes results older than the retention, and the oldest beyond maxBytes', async () => {
    const j = open({ maxBytes: 1 });
    const first = j.submit('alice', { cameraIds: ['cam-h264'], ...range, format: 'mp4' });
    await settled(j, first.id);
    // Alone and over maxBytes: it is deleted as soon as it is done.
    expect(j.get(first.id)).toBeUndefined();
    await j.close();
    const k = open({ retentionHours: 1 });
    const job = k.submit('alice', { cameraIds: ['cam-h264'], ...range, format: 'mp4' });
    await settled(k, job.id);
    clock.advance(30 * 60_000);
    await k.sweep();
    expect(k.get(job.id)?.state).toBe('done');
    clock.advance(31 * 60_000);
    await k.sweep();
    expect(k.get(job.id)).toBeUndefined();
    expect(readdirSync(folder)).toEqual([]);
  });

  it('reports a failed job with its error code', async () => {
    const j = open();
    const job = j.submit('alice', { cameraIds: ['nobody'], ...range, format: 'native' });
    expect(await settled(j, job.id)).toMatchObject({ state: 'failed', error: { code: 'VMS_ERR_NOT_FOUND' } });
  });

  describe('download paths never leave the export folder', () => {
    let root: string;
    beforeAll(() => {
      root = join(fx.dir, 'paths', 'exports');
      mkdirSync(join(root, 'job'), { recursive: true });
      writeFileSync(join(root, 'job', 'a.mp4'), 'x');
      writeFileSync(join(fx.dir, 'paths', 'secret.txt'), 'secret');
      symlinkSync(join(fx.dir, 'paths', 'secret.txt'), join(root, 'job', 'link.mp4'));
      symlinkSync(join(fx.dir, 'paths'), join(root, 'dirlink'));
    });
    afterAll(() => rmSync(join(fx.dir, 'paths'), { recursive: true, force: true }));

    it('resolves a plain file', async () => {
      expect(await resolveInside(root, 'job/a.mp4')).toMatch(/exports\/job\/a\.mp4$/);
    });
    it.each([
      '../secret.txt', 'job/../../secret.txt', '/etc/passwd', 'job/..%2F..%2Fsecret.txt', '..%2fsecret.txt', 'job\\..\\..\\secret.txt',
      'job/link.mp4', 'dirlink/secret.txt', 'job/./a.mp4', 'job//a.mp4', '', 'job/a.mp4\0.txt', 'job/missing.mp4',
    ])('refuses %j', async (p) => {
      const e = await resolveInside(root, p).catch((x: unknown) => x);
      expect(isVmsError(e, 'VMS_ERR_NOT_FOUND')).toBe(true);
    });
    it('refuses a job file name that is not one of its results', async () => {
      const j = open();
      const job = j.submit('alice', { cameraIds: ['cam-h264'], ...range, format: 'mp4' });
      const done = await settled(j, job.id);
      for (const name of ['../../site-key.json', `../${job.id}/${done.files[0]!.name}`, '%2e%2e/x']) {
        const e = await j.resolveDownload(job.id, name).catch((x: unknown) => x);
        expect(isVmsError(e, 'VMS_ERR_NOT_FOUND')).toBe(true);
      }
      // Even its own file, once replaced by a symlink, is refused.
      const own = join(folder, job.id, done.files[0]!.name);
      rmSync(own);
      symlinkSync(join(fx.dir, 'site-key.json'), own);
      const e = await j.resolveDownload(job.id, done.files[0]!.name).catch((x: unknown) => x);
      expect(isVmsError(e, 'VMS_ERR_NOT_FOUND')).toBe(true);
      expect(existsSync(join(fx.dir, 'site-key.json'))).toBe(true);
    });
  });
});
