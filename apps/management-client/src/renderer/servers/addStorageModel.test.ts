import { describe, expect, it } from 'vitest';
import type { StorageBody } from '@nightjar/ui';
import { createStorageBody, initialAddStorage, isAbsolutePath, stepOfField, validateAddStorageStep } from './addStorageModel';

const live: StorageBody = {
  id: 'live', name: 'Live storage', path: '/data/live', maxBytes: 2 ** 36, retentionHours: 168, archiveEveryMinutes: 45,
  encrypted: false, minFreeBytes: 2 ** 30, usedBytes: 0,
};

describe('add storage wizard', () => {
  it('starts as a recording storage, with the first storage as the archive source and its schedule', () => {
    expect(initialAddStorage([live])).toMatchObject({ purpose: 'recording', archiveOf: 'live', everyMinutes: '45', retention: '7', retentionUnit: 'days' });
  });

  it('checks each step before Next, naming the API field', () => {
    const v = { ...initialAddStorage([live]), name: 'Archive', path: '/srv/archive' };
    expect(validateAddStorageStep(0, { ...v, purpose: 'archive', archiveOf: 'gone' }, [live])).toEqual({ 'archiveOf.storageId': expect.any(String) });
    expect(validateAddStorageStep(1, v, [live])).toEqual({});
    expect(validateAddStorageStep(1, { ...v, name: 'live STORAGE', path: 'relative' }, [live])).toEqual({ name: expect.stringMatching(/Another/), path: expect.stringMatching(/absolute/) });
    expect(validateAddStorageStep(1, { ...v, path: '/data/live' }, [live]).path).toMatch(/Another storage/);
    expect(validateAddStorageStep(2, { ...v, retention: '0', maxGiB: '0.01' }, [live])).toEqual({ retentionHours: expect.any(String), maxBytes: expect.any(String) });
    expect(validateAddStorageStep(2, { ...v, purpose: 'archive', everyMinutes: '0', maxFps: '-1' }, [live]))
      .toEqual({ 'archiveOf.everyMinutes': expect.any(String), 'archiveOf.grooming.maxFps': expect.any(String) });
  });

  it('knows absolute paths on the servers it may run on', () => {
    expect(['/srv/a', 'D:\\video', 'e:/video', '\\\\nas\\share'].every(isAbsolutePath)).toBe(true);
    expect(['srv/a', 'video', 'C:video', ''].some(isAbsolutePath)).toBe(false);
  });

  it('makes one body: an archive attached to its source with schedule and grooming, or a storage with its own archive', () => {
    const v = { ...initialAddStorage([live]), name: ' Archive ', path: '/srv/archive', retention: '90', maxGiB: '500' };
    expect(createStorageBody({ ...v, purpose: 'archive', keyFramesOnly: true, maxFps: '1' })).toEqual({
      name: 'Archive', path: '/srv/archive', retentionHours: 2160, maxBytes: 500 * 2 ** 30, encrypted: false,
      archiveOf: { storageId: 'live', everyMinutes: 45, grooming: { keyFramesOnly: true, maxFps: 1 } },
    });
    expect(createStorageBody({ ...v, archiveTo: 'live', retention: '12', retentionUnit: 'hours' })).toMatchObject({ retentionHours: 12, archive: { storageId: 'live' } });
    expect(createStorageBody(v)).not.toHaveProperty('archive');
  });

  it('goes back to the step that shows a field the site refused', () => {
    expect(stepOfField('path')).toBe(1);
    expect(stepOfField('maxBytes')).toBe(2);
    expect(stepOfField('archiveOf.grooming.maxFps')).toBe(2);
    expect(stepOfField('archiveOf.storageId')).toBe(0);
    expect(stepOfField(undefined)).toBe(3);
  });
});
