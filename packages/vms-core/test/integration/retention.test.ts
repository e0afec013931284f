import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EvidenceLockBody, StorageBody } from '../../src/api/common/schemas';
import { TestSite, testCamera, until } from './siteFixture';

const iso = (ms: number) => new Date(ms).toISOString();

describe('evidence locks and storage retention', () => {
  it('deletes recordings older than the retention except those under an evidence lock', async () => {
    const ts = await TestSite.open();
    const cam = await testCamera();
    const camera = await ts.addRtspCamera(cam.url);

    // Two recordings: switch 'always' on and off twice.
    for (let i = 0; i < 2; i++) {
      const mark = ts.eventMark();
      if (i > 0) await ts.patchCamera(camera.id, { policy: { mode: 'always' } });
      await ts.waitForEvent('recordingStarted', { cameraId: camera.id, after: mark });
      await ts.waitForFrames(camera.id, 25);
      await ts.patchCamera(camera.id, { policy: { mode: 'never', preBufferSeconds: 0 } });
      await ts.waitForEvent('recordingStopped', { cameraId: camera.id, after: mark });
      await ts.waitForSealed();
    }
    const [kept, doomed] = ts.site.media.allRecordings();
    expect(ts.site.media.allRecordings()).toHaveLength(2);
    const storage = ts.site.config.getStorage('live');
    expect(existsSync(join(storage.path, doomed!.path))).toBe(true);

    const storages = await ts.request<StorageBody[]>('GET', '/api/storages');
    expect(storages.body).toHaveLength(1);
    expect(storages.body[0]!.usedBytes).toBeGreaterThan(0);
    expect(storages.body[0]!.usedBytes).toBe(kept!.fileBytes + doomed!.fileBytes);

    const lockBody = {
      cameraIds: [camera.id], from: iso(Math.floor(kept!.start90k / 90)), to: iso(Math.ceil(kept!.end90k! / 90)), reason: 'incident 42',
    };
    const lock = await ts.request<EvidenceLockBody>('POST', '/api/evidence-locks', lockBody);
    expect(lock.status, JSON.stringify(lock.body)).toBe(201);
    expect(lock.body).toMatchObject({ ...lockBody, until: null, createdBy: 'admin' });
    expect((await ts.request<EvidenceLockBody[]>('GET', '/api/evidence-locks')).body).toEqual([lock.body]);

    // 0.36 s: both recordings are older than that soon after the second ended.
    const retentionHours = 0.0001;
    const updated = await ts.request<StorageBody>('PATCH', '/api/storages/live', { retentionHours });
    expect(updated.status).toBe(200);
    expect(updated.body.retentionHours).toBe(retentionHours);
    const doomedEnd = doomed!.end90k! / 90;
    await until(() => Date.now() > doomedEnd + retentionHours * 3600_000 + 50, () => 'retention to pass', 5000);

    const mark = ts.eventMark();
    const pass = await ts.site.maintenance.runOnce();
    expect(pass.deleted).toEqual([doomed!.id]);
    expect(ts.site.media.allRecordings().map((r) => r.id)).toEqual([kept!.id]);
    expect(existsSync(join(storage.path, doomed!.path))).toBe(false);
    expect(existsSync(join(storage.path, kept!.path))).toBe(true);
    expect(ts.site.media.garbage()).toEqual([]);
    await ts.waitForEvent('recordingsDeleted', { after: mark });

    expect(await ts.sequences(camera.id)).toEqual([{ start: Math.round(kept!.start90k / 90), end: Math.round(kept!.end90k! / 90) }]);
    expect((await ts.request<StorageBody[]>('GET', '/api/storages')).body[0]!.usedBytes).toBe(kept!.fileBytes);
    // A second pass finds nothing more to delete: the lock still holds.
    expect((await ts.site.maintenance.runOnce()).deleted).toEqual([]);
  });
});
