/**
 * JPEG previews of recorded instants (getThumbnail) as object URLs, for timeline hover and search
 * results. Hovering asks for many nearby instants: keys are rounded by the caller to what can be
 * told apart on screen, requests for the same key share one fetch, and the least recently used
 * pictures are released (their object URLs revoked) past `capacity`.
 */
import type { SiteClient } from '@nightjar/ui';

export interface Thumbnail {
  url: string;
  /** The instant the picture really shows (the nearest recorded frame), ms; null when the site did not say. */
  shownAtMs: number | null;
}

export interface ThumbnailCacheOptions {
  capacity?: number;
  createUrl?: (blob: Blob) => string;
  revokeUrl?: (url: string) => void;
}

export class ThumbnailCache {
  private readonly entries = new Map<string, Promise<Thumbnail>>();
  private readonly capacity: number;
  private readonly createUrl: (blob: Blob) => string;
  private readonly revokeUrl: (url: string) => void;

  constructor(private readonly client: Pick<SiteClient, 'getThumbnail'>, o: ThumbnailCacheOptions = {}) {
    this.capacity = o.capacity ?? 96;
    this.createUrl = o.createUrl ?? ((blob) => URL.createObjectURL(blob));
    this.revokeUrl = o.revokeUrl ?? ((url) => URL.revokeObjectURL(url));
  }

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
    // Whoever takes an entry out of the map (eviction, dispose) revokes its URL once it exists.
    const entry = this.client.getThumbnail(cameraId, new Date(atMs).toISOString(), width)
      .then((t) => ({ url: this.createUrl(t.jpeg), shownAtMs: t.shownAt ? Date.parse(t.shownAt) : null }));
    // A failed fetch is not cached: the next hover may succeed (recording just written, network back).
    entry.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    this.entries.set(key, entry);
    this.evict();
    return entry;
  }

  private evict(): void {
    while (this.entries.size > this.capacity) {
      const [oldest, entry] = this.entries.entries().next().value as [string, Promise<Thumbnail>];
      this.entries.delete(oldest);
      entry.then((t) => this.revokeUrl(t.url), () => undefined);
    }
  }

  /**
   * Releases every picture held now. The cache stays usable (React's StrictMode runs an effect's
   * cleanup and then the effect again on the same instance).
   */
  dispose(): void {
    for (const entry of this.entries.values()) entry.then((t) => this.revokeUrl(t.url), () => undefined);
    this.entries.clear();
  }
}
