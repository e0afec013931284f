import { describe, expect, it } from 'vitest';
import { ThumbnailCache } from './thumbnailCache';

function fakeClient() {
  const asked: string[] = [];
  let n = 0;
  return {
    asked,
    getThumbnail: async (cameraId: string, at: string) => {
      asked.push(`${cameraId}@${at}`);
      if (cameraId === 'broken') throw new Error('no recording');
      return { jpeg: new Blob([String(n++)]), shownAt: at };
    },
  };
}

function setup(capacity = 2) {
  const client = fakeClient();
  const revoked: string[] = [];
  let urls = 0;
  const cache = new ThumbnailCache(client, { capacity, createUrl: () => `blob:${urls++}`, revokeUrl: (u) => revoked.push(u) });
  return { client, cache, revoked };
}

describe('ThumbnailCache', () => {
  it('fetches an instant once, however often it is hovered', async () => {
    const { client, cache } = setup();
    const [a, b] = await Promise.all([cache.get('c', 1000, 160), cache.get('c', 1000, 160)]);
    expect(a).toBe(b);
    expect(client.asked).toHaveLength(1);
    expect(a.shownAtMs).toBe(1000);
  });

  it('releases the least recently used picture past capacity', async () => {
    const { cache, revoked } = setup(2);
    const first = await cache.get('c', 1, 160);
    await cache.get('c', 2, 160);
    await cache.get('c', 1, 160); // 1 is now the most recent
    await cache.get('c', 3, 160);
    await Promise.resolve();
    expect(cache.size).toBe(2);
    expect(revoked).toEqual(['blob:1']);
    expect(first.url).toBe('blob:0');
  });

  it('does not keep failures, and revokes everything on dispose', async () => {
    const { client, cache, revoked } = setup(4);
    await expect(cache.get('broken', 1, 160)).rejects.toThrow('no recording');
    await expect(cache.get('broken', 1, 160)).rejects.toThrow('no recording');
    expect(client.asked).toHaveLength(2);
    await cache.get('c', 1, 160);
    cache.dispose();
    await Promise.resolve();
    expect(revoked).toEqual(['blob:0']);
    // Usable again after dispose, with a fresh picture that stays valid.
    const again = await cache.get('c', 1, 160);
    expect(again.url).toBe('blob:1');
    expect(revoked).toEqual(['blob:0']);
  });

  it('revokes a picture that lands after dispose', async () => {
    const { cache, revoked } = setup(4);
    const pending = cache.get('c', 7, 160);
    cache.dispose();
    const t = await pending;
    expect(revoked).toEqual([t.url]);
    expect(cache.size).toBe(0);
  });
});
