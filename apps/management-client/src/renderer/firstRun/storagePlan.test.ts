import { describe, expect, it } from 'vitest';
import type { StorageBody } from '@nightjar/ui';
import { baseStorage, initialStorageStep, storagePlan } from './storagePlan';

const live: StorageBody = {
  id: 'live', name: 'Live storage', path: '/data/live', maxBytes: 100 * 2 ** 30, retentionHours: 168, archiveEveryMinutes: 60,
  encrypted: false, minFreeBytes: 2 ** 30, usedBytes: 0,
};
const mine: StorageBody = { ...live, id: 'mine', name: 'Recordings', path: '/srv/rec', retentionHours: 720 };

describe('first-run storage step', () => {
  it('starts from the site storage, or from the one it created before', () => {
    expect(baseStorage([live, mine], null)).toBe(live);
    expect(baseStorage([live, mine], 'mine')).toBe(mine);
    expect(initialStorageStep(live, null)).toEqual({ folder: 'keep', path: '', retention: '7', retentionUnit: 'days', maxGiB: '100' });
    expect(initialStorageStep(mine, 'mine')).toMatchObject({ folder: 'other', path: '/srv/rec', retention: '30' });
  });

  it('keeps the folder: nothing to send, or only the retention and size changed', () => {
    const v = initialStorageStep(live, null);
    expect(storagePlan(v, live, [live], null)).toEqual({ kind: 'unchanged', storageId: 'live' });
    expect(storagePlan({ ...v, retention: '30' }, live, [live], null)).toEqual({ kind: 'update', storageId: 'live', body: { retentionHours: 720 } });
  });

  it('creates a storage for another folder with a free name, and updates it when the step runs again', () => {
    const v = { ...initialStorageStep(live, null), folder: 'other' as const, path: ' /srv/rec ' };
    expect(storagePlan(v, live, [live, { ...live, id: 'x', name: 'recordings' }], null)).toEqual({
      kind: 'create', body: { name: 'Recordings 2', path: '/srv/rec', retentionHours: 168, maxBytes: 100 * 2 ** 30 },
    });
    expect(storagePlan({ ...v, retention: '60' }, mine, [live, mine], 'mine')).toEqual({ kind: 'update', storageId: 'mine', body: { retentionHours: 1440 } });
    // Another folder than the one created: a new storage again.
    expect(storagePlan({ ...v, path: '/srv/other' }, mine, [live, mine], 'mine').kind).toBe('create');
  });
});
