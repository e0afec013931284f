import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { isVmsError } from '@nightjar/vms-core';
import { safeFileName, saveDownload } from './downloads';

const BODY = Buffer.alloc(256 * 1024, 7);

describe('saveDownload', () => {
  let server: Server;
  let origin: string;
  let folder: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/export.mp4?token=t') {
        res.writeHead(200, { 'content-type': 'video/mp4' }).end(BODY);
      } else if (req.url === '/broken.mp4') {
        // Announces more than it sends, then drops the connection: a download cut part-way.
        res.writeHead(200, { 'content-length': String(BODY.length * 2) });
        res.write(BODY, () => res.destroy());
      } else {
        res.writeHead(req.url === '/forbidden' ? 403 : 404).end();
      }
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'nightjar-download-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('writes the download into the folder and never overwrites an existing file', async () => {
    writeFileSync(join(folder, 'export.mp4'), 'keep me');
    const first = await saveDownload({ url: `${origin}/export.mp4?token=t`, folder, fileName: 'export.mp4' });
    expect(first).toEqual({ path: join(folder, 'export (1).mp4'), bytes: BODY.length });
    expect(readFileSync(first.path).equals(BODY)).toBe(true);
    const second = await saveDownload({ url: `${origin}/export.mp4?token=t`, folder, fileName: 'export.mp4' });
    expect(second.path).toBe(join(folder, 'export (2).mp4'));
    expect(readFileSync(join(folder, 'export.mp4'), 'utf8')).toBe('keep me');
  });

  it('maps refusals to VMS errors and leaves nothing behind from a broken download', async () => {
    const failure = (request: Parameters<typeof saveDownload>[0]) => saveDownload(request).then(() => undefined, (e: unknown) => e);
    expect(isVmsError(await failure({ url: `${origin}/forbidden`, folder, fileName: 'a.mp4' }), 'VMS_ERR_PERMISSION_DENIED')).toBe(true);
    expect(isVmsError(await failure({ url: `${origin}/gone`, folder, fileName: 'a.mp4' }), 'VMS_ERR_NOT_FOUND')).toBe(true);
    expect(await failure({ url: `${origin}/broken.mp4`, folder, fileName: 'b.mp4' })).toBeInstanceOf(Error);
    expect(isVmsError(await failure({ url: 'file:///etc/passwd', folder, fileName: 'a.mp4' }), 'VMS_ERR_BAD_INPUT')).toBe(true);
    expect(isVmsError(await failure({ url: `${origin}/export.mp4?token=t`, folder: join(folder, 'missing'), fileName: 'a.mp4' }), 'VMS_ERR_NOT_FOUND')).toBe(true);
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('safeFileName', () => {
  it('takes plain names only', () => {
    expect(safeFileName('Entrance 2025-01-01.mp4')).toBe('Entrance 2025-01-01.mp4');
    for (const name of ['../x.mp4', 'a/b.mp4', 'a\\b.mp4', '.hidden', '', 'x\0.mp4', 'con:x', 'a'.repeat(201), 5]) {
      let error: unknown;
      try {
        safeFileName(name);
      } catch (e) {
        error = e;
      }
      expect(isVmsError(error, 'VMS_ERR_BAD_INPUT'), String(name)).toBe(true);
    }
  });
});
