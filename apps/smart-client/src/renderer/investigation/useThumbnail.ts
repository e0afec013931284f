/**
 * A thumbnail for one camera and instant, loaded after `delayMs` of the request staying the same
 * (a pointer sweeping the timeline asks for nothing until it rests) and ignored once stale. The
 * picture's object URL belongs to the component showing it: made here, revoked when the picture
 * changes or the component goes away.
 */
import { useEffect, useState } from 'react';
import type { Thumbnail, ThumbnailCache } from './thumbnailCache';

export type ThumbnailState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; url: string; shownAtMs: number | null }
  | { kind: 'failed'; message: string };

type Loaded = { kind: 'idle' } | { kind: 'loading' } | { kind: 'ready'; thumbnail: Thumbnail } | { kind: 'failed'; message: string };

export function useThumbnail(cache: ThumbnailCache, cameraId: string | null, atMs: number | null, width: number, delayMs = 0): ThumbnailState {
  const [loaded, setLoaded] = useState<Loaded>({ kind: 'idle' });
  useEffect(() => {
    if (cameraId === null || atMs === null) {
      setLoaded({ kind: 'idle' });
      return;
    }
    let current = true;
    // The previous picture stays until the next one is there: a hover preview does not blink.
    setLoaded((s) => (s.kind === 'ready' ? s : { kind: 'loading' }));
    const timer = setTimeout(() => {
      cache.get(cameraId, atMs, width).then(
        (thumbnail) => current && setLoaded({ kind: 'ready', thumbnail }),
        (e: unknown) => current && setLoaded({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }),
      );
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [cache, cameraId, atMs, width, delayMs]);

  const blob = loaded.kind === 'ready' ? loaded.thumbnail.jpeg : null;
  const url = useObjectUrl(blob);
  if (loaded.kind !== 'ready') return loaded;
  return url ? { kind: 'ready', url, shownAtMs: loaded.thumbnail.shownAtMs } : { kind: 'loading' };
}

/** An object URL for a Blob, alive while the component shows that Blob. */
function useObjectUrl(blob: Blob | null): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!blob) {
      setUrl(null);
      return;
    }
    const made = URL.createObjectURL(blob);
    setUrl(made);
    return () => URL.revokeObjectURL(made);
  }, [blob]);
  return url;
}
