/**
 * JPEG previews of recorded instants (getThumbnail), for timeline hover, search results and the
 * region picker. Hovering asks for many nearby instants: keys are rounded by the caller to what
 * can be told apart on screen, requests for the same key share one fetch, and past `capacity`
 * the least recently used pictures are dropped. The cache holds Blobs, not object URLs: each
 * picture on screen makes and revokes its own URL (useThumbnail), so dropping an entry can never
 * break an image still shown.
 */
import type { SiteClient } from '@nightjar/ui';

export interface Thumbnail {
  jpeg: Blob;
  /** The instant the picture really shows (the nearest recorded frame), ms; null when the site did not say. */
  shownAtMs: number | null;
}

export class ThumbnailCache {
  private readonly entries = new Map<string, Promise<Thumbnail>>();

  constructor(private readonly client: Pick<SiteClient, 'getThumbnail'>, private readonly capacity = 96) {}

  get size(): number {
    return this.entries.size;
  }

  get(cameraId: string, atMs: number, width: number): Promise<Thumbnail> {
    const key = `${cameraId}|${Math.round(atMs)}|${width}`;
    const hit = this.entries.get(key);
    if (hit) {
      // Map order is insertion order: re-inserting marks the entry as most recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const entry = this.client.getThumbnail(cameraId, new Date(atMs).toISOString(), width)
      .then((t) => ({ jpeg: t.jpeg, shownAtMs: t.shownAt ? Date.parse(t.shownAt) : null }));
    // A failed fetch is not cached: the next hover may succeed (recording just written, network back).
    entry.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    this.entries.set(key, entry);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }

  clear(): void {
    this.entries.clear();
  }
}
