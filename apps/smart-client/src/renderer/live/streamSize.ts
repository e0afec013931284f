/**
 * The picture size a live stream is asked for. The site picks the smallest camera stream that
 * covers it (a 4×4 grid gets sub-streams, a maximized tile the main stream), so the client asks
 * for what will really be drawn: the tile in device pixels, fitted to the camera's aspect
 * (a letterboxed picture is smaller than its tile), rounded down to a coarse step so window
 * resizing does not ask again for every pixel. A new answer replaces the playing stream only
 * when the site chose a different stream.
 */
import type { CameraBody, LiveStream } from '@nightjar/ui';

/** Coarse enough to keep requests rare while resizing, fine enough never to cross a stream's size by much. */
const STEP = 32;

/** The camera's picture aspect (width / height) from its stream list; undefined when unknown. */
export function cameraAspect(camera: Pick<CameraBody, 'streams'>): number | undefined {
  const s = camera.streams.find((x) => x.width && x.height);
  return s ? s.width! / s.height! : undefined;
}

/** Device pixels of the picture, stepped down; null while the tile has no size yet (not laid out, hidden). */
export function streamRequestSize(cssWidth: number, cssHeight: number, devicePixelRatio = 1, aspect?: number): { width: number; height: number } | null {
  if (!(cssWidth > 0) || !(cssHeight > 0)) return null;
  const dpr = devicePixelRatio > 0 ? devicePixelRatio : 1;
  let width = cssWidth * dpr;
  let height = cssHeight * dpr;
  if (aspect && aspect > 0) {
    // object-fit: contain: the picture fills one side of the tile and is letterboxed on the other.
    if (width / height > aspect) width = height * aspect;
    else height = width / aspect;
  }
  const step = (px: number) => Math.max(STEP, Math.floor(px / STEP) * STEP);
  return { width: step(width), height: step(height) };
}

/**
 * Whether a fresh getLiveStream answer should replace the one playing. Same camera and stream:
 * keep the player (a new token alone would only restart the video); `renewed` forces the
 * change, for a token that expired before a reconnect.
 */
export function shouldReplaceStream(current: LiveStream | undefined, next: LiveStream, renewed: boolean): boolean {
  if (!current || renewed) return true;
  return current.cameraId !== next.cameraId || current.streamKey !== next.streamKey;
}
