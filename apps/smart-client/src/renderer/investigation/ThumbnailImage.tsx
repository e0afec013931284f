/** A recorded instant as a small picture, with a quiet placeholder while it loads or when there is none. */
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
  const state = useThumbnail(cache, cameraId, atMs, width);
  return (
    <div className="inv-thumb" style={{ width, height: Math.round((width * 9) / 16) }} data-state={state.kind}>
      {state.kind === 'ready' ? <img src={state.thumbnail.url} alt={alt} draggable={false} /> : null}
      {state.kind === 'failed' ? <span title={state.message}>No picture</span> : null}
    </div>
  );
}
