import { describe, expect, it } from 'vitest';
import {
  MAX_RECENT_SERVERS, RECENT_SERVERS_KEY, RecentServers, forgetServer, normalizeAddress, parseRecentServers, rememberServer,
} from './recentServers';

class MemoryStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

describe('normalizeAddress', () => {
  it('turns what operators type into an origin', () => {
    expect(normalizeAddress('10.0.0.5:8080')).toBe('http://10.0.0.5:8080');
    expect(normalizeAddress(' https://Site.Example:8443/api/health ')).toBe('https://site.example:8443');
    expect(normalizeAddress('http://127.0.0.1:7490/')).toBe('http://127.0.0.1:7490');
  });

  it('refuses what is not an http(s) address', () => {
    expect(normalizeAddress('')).toBeUndefined();
    expect(normalizeAddress('ftp://host')).toBeUndefined();
    expect(normalizeAddress('http://')).toBeUndefined();
    expect(normalizeAddress('a b c')).toBeUndefined();
  });
});

describe('recent servers', () => {
  it('puts the latest sign-in first and lists each address once', () => {
    let list = rememberServer([], { address: 'http://a:1', username: 'ann', lastUsed: 1 });
    list = rememberServer(list, { address: 'b:2', username: 'bob', lastUsed: 2 });
    list = rememberServer(list, { address: 'http://a:1/', username: 'admin', lastUsed: 3 });
    expect(list).toEqual([
      { address: 'http://a:1', username: 'admin', lastUsed: 3 },
      { address: 'http://b:2', username: 'bob', lastUsed: 2 },
    ]);
    expect(forgetServer(list, 'a:1')).toEqual([{ address: 'http://b:2', username: 'bob', lastUsed: 2 }]);
  });

  it('keeps at most MAX_RECENT_SERVERS, dropping the oldest', () => {
    let list = rememberServer([], { address: 'h0:1', username: 'u', lastUsed: 0 });
    for (let i = 1; i <= MAX_RECENT_SERVERS; i++) list = rememberServer(list, { address: `h${i}:1`, username: 'u', lastUsed: i });
    expect(list).toHaveLength(MAX_RECENT_SERVERS);
    expect(list.some((s) => s.address === 'http://h0:1')).toBe(false);
    expect(list[0]!.address).toBe(`http://h${MAX_RECENT_SERVERS}:1`);
  });

  it('skips malformed entries and unknown fields instead of failing', () => {
    const json = JSON.stringify([
      { address: 'http://ok:1', username: 'ann', lastUsed: 5, password: 'leaked?' },
      { address: 'ftp://bad', username: 'x' },
      { address: 'http://nouser:1' },
      'junk',
      { address: 'http://old:1', username: 'bob' },
    ]);
    const list = parseRecentServers(json);
    expect(list).toEqual([{ address: 'http://ok:1', username: 'ann', lastUsed: 5 }, { address: 'http://old:1', username: 'bob', lastUsed: 0 }]);
    expect(parseRecentServers('{not json')).toEqual([]);
    expect(parseRecentServers('{"a":1}')).toEqual([]);
  });

  it('stores only address, user name and time, never a password', () => {
    const storage = new MemoryStorage();
    const recent = new RecentServers(storage);
    recent.remember({ address: 'site:9', username: 'op', lastUsed: 7, password: 'secret' } as never);
    const stored = storage.getItem(RECENT_SERVERS_KEY)!;
    expect(stored).not.toContain('secret');
    expect(JSON.parse(stored)).toEqual([{ address: 'http://site:9', username: 'op', lastUsed: 7 }]);
    expect(new RecentServers(storage).load()).toEqual([{ address: 'http://site:9', username: 'op', lastUsed: 7 }]);
    expect(recent.forget('http://site:9')).toEqual([]);
  });

  it('works without storage (disabled or full)', () => {
    const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); } };
    const recent = new RecentServers(broken);
    expect(recent.load()).toEqual([]);
    expect(recent.remember({ address: 'a:1', username: 'u', lastUsed: 1 })).toHaveLength(1);
  });
});
