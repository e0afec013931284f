import { describe, expect, it } from 'vitest';
import type { EvidenceLockBody } from '../../src/api/common/schemas';
import { msTo90k } from '../../src/media/common/types';
import { RecordingWriter } from '../../src/media-db/node/recordingWriter';
import { syntheticFrames } from '../util/syntheticMedia';
import type { SecuritySite } from './securityFixture';
import { openSecuritySite } from './securityFixture';
import type { ErrorReply } from './siteFixture';

const iso = (ms: number) => new Date(ms).toISOString();
const hour = 3600_000;

interface AuditRow { action: string; username: string | null; target: string | null; details: Record<string, unknown> | null }

async function lock(s: SecuritySite, body: Partial<{ cameraIds: string[]; from: string; to: string; until: string | null }> = {}): Promise<EvidenceLockBody> {
  const res = await s.as('admin', 'POST', '/api/evidence-locks', {
    cameraIds: [s.cameraA], from: iso(s.clock.now() - hour), to: iso(s.clock.now()), until: iso(s.clock.now() + hour), reason: 'case 7', ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as EvidenceLockBody;
}

/** Writes one sealed two-second recording of `cameraId` starting at `startMs` into the site's live storage. */
async function writeRecording(s: SecuritySite, cameraId: string, startMs: number): Promise<number> {
  const site = s.ts.site;
  const frames = syntheticFrames({ count: 50, start90k: msTo90k(startMs) });
  const w = await RecordingWriter.create({ db: site.media, keys: site.keys, clock: s.clock }, {
    storage: site.recording.storageHandle('live')!, cameraId, streamKey: 'main', runId: site.media.newRunId(),
    params: frames[0]!.params, start90k: frames[0]!.time90k,
  });
  for (const f of frames) w.append(f);
  return (await w.close())!.id;
}

describe('evidence locks through the API', () => {
  it('gets, lists by camera, extends only later and deletes, recording who and when', async () => {
    const s = await openSecuritySite();
    const onA = await lock(s);
    const both = await lock(s, { cameraIds: [s.cameraA, s.cameraB] });
    const onB = await lock(s, { cameraIds: [s.cameraB] });
    expect(onA).toMatchObject({ createdBy: 'admin', updatedBy: null, updatedAt: null });
    expect((await s.as('admin', 'GET', `/api/evidence-locks/${onA.id}`)).body).toEqual(onA);
    expect((await s.as('admin', 'GET', '/api/evidence-locks/missing')).status).toBe(404);

    const ids = async (actor: 'admin' | 'allOnA', q = '') => ((await s.as(actor, 'GET', `/api/evidence-locks${q}`)).body as EvidenceLockBody[]).map((l) => l.id);
    expect(await ids('admin', `?cameraId=${s.cameraB}`)).toEqual([both.id, onB.id]);
    expect(await ids('admin', `?cameraId=${s.cameraA}`)).toEqual([onA.id, both.id]);
    expect(await ids('allOnA', `?cameraId=${s.cameraA}`)).toEqual([onA.id]);
    await s.denied('allOnA', 'GET', `/api/evidence-locks?cameraId=${s.cameraB}`);

    const extend = (id: string, until: string | null) => s.as('allOnA', 'PATCH', `/api/evidence-locks/${id}`, { until });
    const earlier = await extend(onA.id, iso(s.clock.now() + hour / 2));
    expect(earlier.status).toBe(400);
    expect((earlier.body as ErrorReply).message).toMatch(/later than/);
    const before = s.clock.now();
    const newUntil = iso(Date.parse(onA.until!) + 9 * hour);
    const longer = await extend(onA.id, newUntil);
    expect(longer.status, JSON.stringify(longer.body)).toBe(200);
    expect(longer.body).toMatchObject({ until: newUntil, createdBy: 'admin', updatedBy: 'allOnA' });
    expect(Date.parse((longer.body as EvidenceLockBody).updatedAt!)).toBeGreaterThanOrEqual(before);
    expect((await extend(onA.id, null)).body).toMatchObject({ until: null, updatedBy: 'allOnA' });
    // Indefinite is as long as a lock gets: any date would shorten it.
    expect((await extend(onA.id, iso(s.clock.now() + 100 * hour))).status).toBe(400);

    expect((await s.as('allOnA', 'DELETE', `/api/evidence-locks/${onA.id}`)).status).toBe(204);
    expect((await s.as('admin', 'GET', `/api/evidence-locks/${onA.id}`)).status).toBe(404);
    expect(await ids('admin')).toEqual([both.id, onB.id]);

    const log = (await s.as('admin', 'GET', `/api/audit-log?target=${onA.id}`)).body as AuditRow[];
    expect(log.map((e) => [e.action, e.username])).toEqual([
      ['createEvidenceLock', 'admin'], ['extendEvidenceLock', 'allOnA'], ['extendEvidenceLock', 'allOnA'], ['deleteEvidenceLock', 'allOnA'],
    ]);
    expect(log[1]!.details).toEqual({ changes: { until: { from: onA.until, to: newUntil } } });
    expect(log[2]!.details).toEqual({ changes: { until: { from: newUntil, to: null } } });
    expect(log[3]!.details).toMatchObject({ lock: { id: onA.id, reason: 'case 7', until: null } });
  });

  it('keeps locked recordings through storage upkeep and lets it delete them once the lock is deleted', async () => {
    const s = await openSecuritySite();
    const site = s.ts.site;
    const start = s.clock.now() - 3 * hour;
    const lockedId = await writeRecording(s, s.cameraA, start);
    const freeId = await writeRecording(s, s.cameraA, start + 60_000);
    expect((await s.as('admin', 'PATCH', '/api/storages/live', { retentionHours: 1 })).status).toBe(200);
    const held = await lock(s, { from: iso(start), to: iso(start + 2000), until: null });

    await site.maintenance.runOnce();
    expect(site.media.allRecordings().map((r) => r.id)).toEqual([lockedId]);
    expect(site.media.getRecording(freeId)).toBeUndefined();
    await site.maintenance.runOnce();
    expect(site.media.getRecording(lockedId)).toBeDefined();

    expect((await s.as('allOnA', 'DELETE', `/api/evidence-locks/${held.id}`)).status).toBe(204);
    await site.maintenance.runOnce();
    expect(site.media.allRecordings()).toEqual([]);
  });

  it('keeps an extended lock protecting after its first end, and stops when it ends', async () => {
    const s = await openSecuritySite();
    const site = s.ts.site;
    const start = s.clock.now() - 3 * hour;
    const id = await writeRecording(s, s.cameraA, start);
    expect((await s.as('admin', 'PATCH', '/api/storages/live', { retentionHours: 1 })).status).toBe(200);
    const held = await lock(s, { from: iso(start), to: iso(start + 2000), until: iso(s.clock.now() + hour) });
    expect((await s.as('allOnA', 'PATCH', `/api/evidence-locks/${held.id}`, { until: iso(s.clock.now() + 3 * hour) })).status).toBe(200);

    // Past the first end, before the extended one: still protected.
    s.clock.offsetMs += 2 * hour;
    await site.maintenance.runOnce();
    expect(site.media.getRecording(id)).toBeDefined();
    s.clock.offsetMs += 2 * hour;
    await site.maintenance.runOnce();
    expect(site.media.getRecording(id)).toBeUndefined();
  });
});
