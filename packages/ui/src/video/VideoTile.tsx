/**
 * One camera in a view: plays the stream getLiveStream chose (MSE for H.264, the jsmpeg
 * transcode otherwise), draws the overlay, and says plainly why there is no picture. The
 * player, status wording and zoom math live in their own modules; this file only composes them.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { MouseEventHandler, ReactNode } from 'react';
import { choosePlayerKind } from './streamUrls';
import type { PlayerState } from './playerState';
import type { LiveStream } from './streamUrls';
import { TileOverlay } from './TileOverlay';
import { tileStatus } from './tileStatus';
import { TILE_CSS, TILE_STYLE_ID } from './tileStyles';
import { TileStatusView } from './TileStatusView';
import { useLivePlayer } from './useLivePlayer';
import { useZoom } from './useZoom';
import { isZoomed, zoomTransform } from './zoom';

export interface VideoTileProps {
  /** The getLiveStream response body for this tile. */
  stream: LiveStream;
  label: string;
  recording?: boolean;
  motion?: boolean;
  /** The time to show, formatted by the caller (site time zone, playback or live). */
  overlayTime?: ReactNode;
  maximized?: boolean;
  onDoubleClick?: MouseEventHandler<HTMLDivElement>;
  /**
   * Every player state, so the caller can react to what only it can fix: a media token that
   * expired before a reconnect (close 4401) needs a fresh getLiveStream body.
   */
  onStateChange?: (state: PlayerState) => void;
}

const mseAvailable = (): boolean => typeof MediaSource !== 'undefined' && typeof MediaSource.isTypeSupported === 'function';

export function VideoTile({ stream, label, recording, motion, overlayTime, maximized, onDoubleClick, onStateChange }: VideoTileProps) {
  const kind = useMemo(() => choosePlayerKind(stream, mseAvailable()), [stream]);
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const surface = useRef<HTMLDivElement>(null);
  const state = useLivePlayer(kind, stream, video, canvas);
  const { zoom, reset, pointerHandlers } = useZoom(surface);
  const status = tileStatus(state);
  // Through a ref: a new callback each render must not report the same state twice.
  const reportState = useRef(onStateChange);
  useEffect(() => {
    reportState.current = onStateChange;
  });
  useEffect(() => reportState.current?.(state), [state]);

  return (
    <div
      className="nj-tile"
      data-testid="video-tile"
      data-player={kind}
      data-state={state.kind}
      data-maximized={maximized ? 'true' : 'false'}
      onDoubleClick={onDoubleClick}
    >
      <style href={TILE_STYLE_ID} precedence="default">{TILE_CSS}</style>
      <div ref={surface} className="nj-surface" data-zoomed={isZoomed(zoom)} style={{ transform: zoomTransform(zoom) }} {...pointerHandlers}>
        {kind === 'mse'
          ? <video ref={video} className="nj-media" muted autoPlay playsInline disablePictureInPicture />
          : <canvas ref={canvas} className="nj-media" />}
      </div>
      {/* The status goes under the overlay: the camera name stays readable on an error. */}
      <TileStatusView status={status} />
      <TileOverlay
        label={label}
        overlayTime={overlayTime}
        recording={recording}
        motion={motion}
        zoomScale={isZoomed(zoom) ? zoom.scale : undefined}
        onResetZoom={reset}
      />
    </div>
  );
}
