/**
 * createStorage with `archiveOf`: the Add archive wizard makes a new storage the archive stage
 * of an existing one in one request, so a refusal leaves neither a new storage nor a changed
 * source behind, and success shows both changes in the audit log.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StorageBody } from '../../src/api/common/schemas';
import { TestSite, cleanup } from './siteFixture';
import type { ErrorReply } from './siteFixture';

interface AuditRow { action: string; target: string | null; details: Record<string, unknown> }

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nightjar-archive-of-'));
  cleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const storages = async (ts: TestSite) => (await ts.request<StorageBody[]>('GET', '/api/storages')).body;

describe('createStorage with archiveOf', () => {
  it('creates the archive and attaches it to the source with its grooming and schedule, auditing both', async () => {
    const ts = await TestSite.open();
    const path = join(tempDir(), 'archive');
    const res = await ts.request<StorageBody>('POST', '/api/storages', {
      name: 'Long-term archive', path, retentionHours: 24 * 90, maxBytes: 2 ** 30,
      archiveOf: { storageId: 'live', grooming: { keyFramesOnly: true, maxFps: 1 }, everyMinutes: 30 },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const live = (await storages(ts)).find((s) => s.id === 'live')!;
    expect(live.archive).toEqual({ storageId: res.body.id, grooming: { keyFramesOnly: true, maxFps: 1 } });
    expect(live.archiveEveryMinutes).toBe(30);
    const audit = (await ts.request<AuditRow[]>('GET', '/api/audit-log')).body.filter((e) => e.action !== 'login');
    expect(audit.map((e) => [e.action, e.target])).toEqual([['createStorage', res.body.id], ['updateStorage', 'live']]);
    expect(audit[1]!.details).toMatchObject({ changes: { archiveEveryMinutes: { from: 60, to: 30 } } });
  });

  it('refuses an unknown source or a loop naming the field, and changes nothing', async () => {
    const ts = await TestSite.open();
    const dir = tempDir();
    const first = await ts.request<StorageBody>('POST', '/api/storages', { name: 'A', path: join(dir, 'a'), retentionHours: 24, maxBytes: 2 ** 30 });
    expect(first.status).toBe(201);
    const before = await storages(ts);

    const unknown = await ts.request<ErrorReply & { field?: string }>('POST', '/api/storages', {
      name: 'B', path: join(dir, 'b'), retentionHours: 24, maxBytes: 2 ** 30, archiveOf: { storageId: 'nowhere' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ code: 'VMS_ERR_BAD_INPUT', field: 'archiveOf.storageId' });

    // B would archive into A, and A's archive would be B: a circle.
    const loop = await ts.request<ErrorReply & { field?: string }>('POST', '/api/storages', {
      name: 'B', path: join(dir, 'b'), retentionHours: 24, maxBytes: 2 ** 30, archive: { storageId: first.body.id }, archiveOf: { storageId: first.body.id },
    });
    expect(loop.status).toBe(400);
    expect(loop.body).toMatchObject({ code: 'VMS_ERR_BAD_INPUT', field: 'archiveOf.storageId' });
    expect(loop.body.message).toMatch(/loop/);

    expect(await storages(ts)).toEqual(before);
    expect(existsSync(join(dir, 'b'))).toBe(false);
    const changes = (await ts.request<AuditRow[]>('GET', '/api/audit-log')).body.filter((e) => e.action !== 'login');
    expect(changes.map((e) => e.action)).toEqual(['createStorage']);
  });
});
