/**
 * A thumbnail for one camera and instant, loaded after `delayMs` of the request staying the same
 * (a pointer sweeping the timeline asks for nothing until it rests) and ignored once stale.
 */
import { useEffect, useState } from 'react';
import type { Thumbnail, ThumbnailCache } from './thumbnailCache';

export type ThumbnailState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; thumbnail: Thumbnail }
  | { kind: 'failed'; message: string };

export function useThumbnail(cache: ThumbnailCache, cameraId: string | null, atMs: number | null, width: number, delayMs = 0): ThumbnailState {
  const [state, setState] = useState<ThumbnailState>({ kind: 'idle' });
  useEffect(() => {
    if (cameraId === null || atMs === null) {
      setState({ kind: 'idle' });
      return;
    }
    let current = true;
    setState((s) => (s.kind === 'ready' ? s : { kind: 'loading' }));
    const timer = setTimeout(() => {
      cache.get(cameraId, atMs, width).then(
        (thumbnail) => current && setState({ kind: 'ready', thumbnail }),
        (e: unknown) => current && setState({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }),
      );
    }, delayMs);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [cache, cameraId, atMs, width, delayMs]);
  return state;
}
