/**
 * A recorded instant as a small picture, with a quiet placeholder while it loads or when there
 * is none. It is asked for only once scrolled into view: a search can find hundreds of results,
 * and every thumbnail costs the site a decode.
 */
import { useEffect, useRef, useState } from 'react';
import type { ThumbnailCache } from './thumbnailCache';
import { useThumbnail } from './useThumbnail';

export interface ThumbnailImageProps {
  cache: ThumbnailCache;
  cameraId: string;
  atMs: number;
  width: number;
  alt: string;
}

export function ThumbnailImage({ cache, cameraId, atMs, width, alt }: ThumbnailImageProps) {
  const box = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element || seen) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setSeen(true);
    }, { rootMargin: '200px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, [seen]);
  const state = useThumbnail(cache, seen ? cameraId : null, seen ? atMs : null, width);
  return (
    <div ref={box} className="inv-thumb" style={{ width, height: Math.round((width * 9) / 16) }} data-state={seen ? state.kind : 'waiting'}>
      {state.kind === 'ready' ? <img src={state.url} alt={alt} draggable={false} /> : null}
      {state.kind === 'failed' ? <span title={state.message}>No picture</span> : null}
    </div>
  );
}
