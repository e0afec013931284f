import { describe, expect, it } from 'vitest';
import { firstRunKey, firstRunOffer, isDemoCamera, isFreshSite, readFirstRunRecord, writeFirstRunRecord } from './freshSite';

const demo = { streams: [{ key: 'main', name: 'Main', url: 'sim://demo?width=1280' }, { key: 'sub', name: 'Sub', url: 'sim://demo?width=640' }] };
const real = { streams: [{ key: 'main', name: 'Main', url: 'rtsp://10.0.0.5/stream1' }] };
const login = { action: 'login', outcome: 'ok' as const };

function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v), removeItem: (k) => void m.delete(k), clear: () => m.clear(), key: () => null, get length() { return m.size; } };
}

describe('fresh site', () => {
  it('knows the demo camera by its streams', () => {
    expect(isDemoCamera(demo)).toBe(true);
    expect(isDemoCamera(real)).toBe(false);
    expect(isDemoCamera({ streams: [] })).toBe(false);
  });

  it('is fresh with only sign-ins and at most the demo camera', () => {
    expect(isFreshSite([login, { action: 'loginFailed', outcome: 'failed' }, login], [demo])).toBe(true);
    expect(isFreshSite([login], [])).toBe(true);
  });

  it('is not fresh after any configuration change, with a real camera, or with a long log', () => {
    expect(isFreshSite([login, { action: 'updateSite', outcome: 'ok' }], [demo])).toBe(false);
    expect(isFreshSite([login], [demo, real])).toBe(false);
    expect(isFreshSite(Array.from({ length: 5 }, () => login), [], 5)).toBe(false);
    // A refused change changed nothing.
    expect(isFreshSite([login, { action: 'createStorage', outcome: 'failed' }], [])).toBe(true);
  });
});

describe('first-run offer', () => {
  it('offers on a fresh site to someone who never answered, and resumes a wizard left half-way', () => {
    expect(firstRunOffer({ record: null, canAdminister: true, fresh: true })).toBe('offer');
    expect(firstRunOffer({ record: null, canAdminister: true, fresh: false })).toBe('none');
    expect(firstRunOffer({ record: null, canAdminister: true, fresh: undefined })).toBe('none');
    expect(firstRunOffer({ record: 'dismissed', canAdminister: true, fresh: true })).toBe('none');
    expect(firstRunOffer({ record: 'done', canAdminister: true, fresh: true })).toBe('none');
    expect(firstRunOffer({ record: 'started', canAdminister: true, fresh: false })).toBe('resume');
    expect(firstRunOffer({ record: 'started', canAdminister: false, fresh: true })).toBe('none');
  });

  it('remembers the answer per site and user, and survives a storage that refuses', () => {
    const storage = memoryStorage();
    const key = firstRunKey('http://127.0.0.1:7480', 'u1');
    expect(readFirstRunRecord(storage, key)).toBeNull();
    writeFirstRunRecord(storage, key, 'dismissed');
    expect(readFirstRunRecord(storage, key)).toBe('dismissed');
    expect(readFirstRunRecord(storage, firstRunKey('http://127.0.0.1:7480', 'u2'))).toBeNull();
    storage.setItem(key, 'garbage');
    expect(readFirstRunRecord(storage, key)).toBeNull();
    const refusing = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('denied'); } };
    expect(readFirstRunRecord(refusing, key)).toBeNull();
    expect(() => writeFirstRunRecord(refusing, key, 'done')).not.toThrow();
  });
});
