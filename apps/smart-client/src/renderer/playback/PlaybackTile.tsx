/**
 * One camera of the playback grid: the video element the session's MSE track draws into, the
 * same overlay as a live tile (name, time), digital zoom, and a plain statement when there is
 * no picture at this instant. The element is always rendered, so the session can attach to it
 * before the first frame arrives.
 */
import { useRef } from 'react';
import type { MouseEventHandler, Ref } from 'react';
import { TILE_CSS, TILE_STYLE_ID, TileOverlay, isZoomed, useZoom, zoomTransform } from '@nightjar/ui';
import type { PlaybackTileStatus } from './playbackTileStatus';

export interface PlaybackTileProps {
  label: string;
  status: PlaybackTileStatus;
  /** The instant shown, already formatted. */
  overlayTime?: string | undefined;
  videoRef: Ref<HTMLVideoElement>;
  selected?: boolean;
  maximized?: boolean;
  onClick?: MouseEventHandler<HTMLDivElement>;
  onDoubleClick?: MouseEventHandler<HTMLDivElement>;
}

export function PlaybackTile({ label, status, overlayTime, videoRef, selected, maximized, onClick, onDoubleClick }: PlaybackTileProps) {
  const surface = useRef<HTMLDivElement>(null);
  const { zoom, reset, pointerHandlers } = useZoom(surface);
  return (
    <div
      className="nj-tile pb-tile"
      data-testid="playback-tile"
      data-status={status.kind}
      data-selected={selected ? 'true' : 'false'}
      data-maximized={maximized ? 'true' : 'false'}
      onClick={onClick}
      onDoubleClick={onDoubleClick}
    >
      <style href={TILE_STYLE_ID} precedence="default">{TILE_CSS}</style>
      <div ref={surface} className="nj-surface" data-zoomed={isZoomed(zoom)} style={{ transform: zoomTransform(zoom) }} {...pointerHandlers}>
        <video ref={videoRef} className="nj-media" muted playsInline disablePictureInPicture />
      </div>
      {status.kind === 'picture' ? null : (
        <div className="pb-tile-status" data-kind={status.kind} role="status" data-testid="playback-tile-status">
          {status.kind === 'busy' ? <div className="nj-spinner" aria-hidden="true" /> : null}
          <div className="pb-tile-status-text">{status.text}</div>
          {'detail' in status && status.detail ? <div className="pb-tile-status-detail">{status.detail}</div> : null}
        </div>
      )}
      <TileOverlay label={label} overlayTime={overlayTime} zoomScale={isZoomed(zoom) ? zoom.scale : undefined} onResetZoom={reset} />
    </div>
  );
}
