import { describe, expect, it } from 'vitest';
import type { StorageBody } from '@nightjar/ui';
import { archiveChain, archiveTargets, bytesToGiB, gibToBytes, storageToForm, storageUpdateBody, validateStorageForm } from './storageForm';

const live: StorageBody = {
  id: 'live', name: 'Live storage', path: '/data/live', maxBytes: 135_276_587_008, retentionHours: 168, archiveEveryMinutes: 60,
  encrypted: false, minFreeBytes: 2 ** 30, usedBytes: 0,
};

describe('storage form', () => {
  it('shows whole days as days and sizes in GiB', () => {
    const f = storageToForm(live);
    expect(f).toMatchObject({ name: 'Live storage', retention: '7', retentionUnit: 'days', maxGiB: '125.99', minFreeGiB: '1', archiveTo: '', maxFps: '' });
    expect(storageToForm({ ...live, retentionHours: 36 })).toMatchObject({ retention: '36', retentionUnit: 'hours' });
    expect(bytesToGiB(2 ** 29)).toBe('0.5');
    expect(gibToBytes('0.5')).toBe(2 ** 29);
  });

  it('sends nothing for an untouched form, even where GiB rounding would change the bytes', () => {
    const f = storageToForm(live);
    expect(storageUpdateBody(f, { ...f })).toEqual({});
    // 7 days written as 168 hours is the same retention.
    expect(storageUpdateBody(f, { ...f, retention: '168', retentionUnit: 'hours' })).toEqual({});
  });

  it('sends only the fields changed, an archive stage with its grooming, and null to remove one', () => {
    const f = storageToForm(live);
    expect(storageUpdateBody(f, { ...f, retention: '30', maxGiB: '200', encrypted: true })).toEqual({ retentionHours: 720, maxBytes: 200 * 2 ** 30, encrypted: true });
    expect(storageUpdateBody(f, { ...f, archiveTo: 'arch', keyFramesOnly: true, maxFps: '2' })).toEqual({ archive: { storageId: 'arch', grooming: { keyFramesOnly: true, maxFps: 2 } } });
    expect(storageUpdateBody(f, { ...f, archiveTo: 'arch' })).toEqual({ archive: { storageId: 'arch' } });
    const archived = storageToForm({ ...live, archive: { storageId: 'arch', grooming: { keyFramesOnly: true } } });
    expect(archived).toMatchObject({ archiveTo: 'arch', keyFramesOnly: true });
    expect(storageUpdateBody(archived, { ...archived, archiveTo: '' })).toEqual({ archive: null });
  });

  it('names the API field of each problem', () => {
    const f = storageToForm(live);
    expect(validateStorageForm(f)).toEqual({});
    expect(validateStorageForm({ ...f, name: ' ', retention: '0', maxGiB: '0.01', minFreeGiB: '-1', archiveEveryMinutes: '1.5' })).toEqual({
      name: expect.any(String), retentionHours: expect.any(String), maxBytes: expect.stringMatching(/64 MiB/), minFreeBytes: expect.any(String),
      archiveEveryMinutes: expect.any(String),
    });
    expect(validateStorageForm({ ...f, retention: 'abc' }).retentionHours).toBeDefined();
    expect(validateStorageForm({ ...f, retention: String(21 * 365), retentionUnit: 'days' }).retentionHours).toMatch(/20 years/);
    expect(validateStorageForm({ ...f, maxGiB: '300' }, { diskTotalBytes: 250 * 2 ** 30 }).maxBytes).toMatch(/whole disk/);
    expect(validateStorageForm({ ...f, archiveTo: 'a', maxFps: '0' })['archive.grooming.maxFps']).toBeDefined();
    // Grooming of no archive is not checked: the field is not shown.
    expect(validateStorageForm({ ...f, maxFps: '0' })).toEqual({});
  });

  it('offers as archives only storages that do not lead back', () => {
    const a = { ...live, id: 'a', archive: { storageId: 'live' } };
    const b = { ...live, id: 'b', archive: { storageId: 'a' } };
    const c = { ...live, id: 'c' };
    expect(archiveTargets('live', [live, a, b, c]).map((s) => s.id)).toEqual(['c']);
    expect(archiveTargets(null, [live, a, b, c]).map((s) => s.id)).toEqual(['live', 'a', 'b', 'c']);
  });

  it('follows the archive chain to its end, stopping at a loop', () => {
    const a = { ...live, id: 'a', name: 'A', archive: { storageId: 'b' } };
    const b = { ...live, id: 'b', name: 'B', archive: { storageId: 'c' } };
    const c = { ...live, id: 'c', name: 'C', archive: { storageId: 'a' } };
    expect(archiveChain(a, [a, b, c]).map((s) => s.id)).toEqual(['b', 'c']);
    expect(archiveChain(live, [live, a]).map((s) => s.id)).toEqual([]);
    expect(archiveChain({ ...live, archive: { storageId: 'gone' } }, [live])).toEqual([]);
  });
});
