import { describe, expect, it } from 'vitest';
import { ThumbnailCache } from './thumbnailCache';

function fakeClient() {
  const asked: string[] = [];
  return {
    asked,
    getThumbnail: async (cameraId: string, at: string) => {
      asked.push(`${cameraId}@${at}`);
      if (cameraId === 'broken') throw new Error('no recording');
      return { jpeg: new Blob([at]), shownAt: at };
    },
  };
}

describe('ThumbnailCache', () => {
  it('fetches an instant once, however often it is hovered', async () => {
    const client = fakeClient();
    const cache = new ThumbnailCache(client);
    const [a, b] = await Promise.all([cache.get('c', 1000, 160), cache.get('c', 1000, 160)]);
    expect(a).toBe(b);
    expect(client.asked).toHaveLength(1);
    expect(a.shownAtMs).toBe(1000);
  });

  it('drops the least recently used picture past capacity', async () => {
    const client = fakeClient();
    const cache = new ThumbnailCache(client, 2);
    await cache.get('c', 1, 160);
    await cache.get('c', 2, 160);
    await cache.get('c', 1, 160); // 1 is now the most recent
    await cache.get('c', 3, 160);
    expect(cache.size).toBe(2);
    await cache.get('c', 1, 160);
    await cache.get('c', 2, 160);
    expect(client.asked.map((a) => a.slice(2, 26))).toEqual([
      new Date(1).toISOString(), new Date(2).toISOString(), new Date(3).toISOString(), new Date(2).toISOString(),
    ]);
  });

  it('does not keep failures', async () => {
    const client = fakeClient();
    const cache = new ThumbnailCache(client);
    await expect(cache.get('broken', 1, 160)).rejects.toThrow('no recording');
    await expect(cache.get('broken', 1, 160)).rejects.toThrow('no recording');
    expect(client.asked).toHaveLength(2);
    expect(cache.size).toBe(0);
  });
});
