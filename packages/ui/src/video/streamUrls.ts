/**
 * The media URLs from getLiveStream are site-relative HTTP paths; browsers need absolute ws(s)
 * URLs for sockets. Pure so the mapping (and the jsmpeg size parameter) is unit-tested.
 */
import type { LiveStreamBody } from '@nightjar/vms-core';

/** What getLiveStream answers (the API's type); a tile needs only some of it. */
export type LiveStream = Pick<LiveStreamBody, 'streamKey' | 'codec' | 'width' | 'height' | 'recommended' | 'token' | 'webSocketUrl' | 'hlsUrl' | 'jsmpegUrl' | 'snapshotUrl'> &
  Partial<Pick<LiveStreamBody, 'cameraId'>>;

/** An absolute ws:/wss: URL for a site-relative (or absolute http) media path. */
export function toWebSocketUrl(path: string, base: string): string {
  const url = new URL(path, base);
  if (url.protocol === 'http:') url.protocol = 'ws:';
  else if (url.protocol === 'https:') url.protocol = 'wss:';
  return url.href;
}

/**
 * The jsmpeg socket URL for a tile `tileWidth` CSS pixels wide. The server snaps the width to
 * a few transcode sizes shared by all viewers, so asking for the device-pixel width is cheap.
 */
export function jsmpegUrlFor(stream: Pick<LiveStream, 'jsmpegUrl' | 'width'>, tileWidth: number, base: string): string {
  const url = new URL(toWebSocketUrl(stream.jsmpegUrl, base));
  // Never ask for more than the camera sends: upscaling in ffmpeg only costs CPU.
  const width = Math.max(1, Math.round(stream.width ? Math.min(stream.width, tileWidth) : tileWidth));
  url.searchParams.set('width', String(width));
  return url.href;
}

export type PlayerKind = 'mse' | 'jsmpeg';

/** MSE when the server recommends it and this browser can play it; else the jsmpeg transcode. */
export function choosePlayerKind(stream: Pick<LiveStream, 'recommended'>, mseAvailable: boolean): PlayerKind {
  return stream.recommended === 'mse' && mseAvailable ? 'mse' : 'jsmpeg';
}
