/**
 * The tile size a live stream is asked for. The site picks the camera stream that fits the
 * tile (a 4×4 grid gets sub-streams, a maximized tile the main stream); the size is rounded up
 * to a few steps so resizing the window does not ask again for every pixel, and a new answer
 * replaces the playing stream only when the site chose a different stream.
 */
import type { LiveStream } from '@nightjar/ui';

const STEPS = [160, 320, 480, 640, 960, 1280, 1920, 2560, 3840];

function stepUp(px: number): number {
  return STEPS.find((s) => s >= px) ?? STEPS[STEPS.length - 1]!;
}

/** Device pixels of the tile, stepped; null while the tile has no size yet (not laid out, hidden). */
export function streamRequestSize(cssWidth: number, cssHeight: number, devicePixelRatio = 1): { width: number; height: number } | null {
  if (!(cssWidth > 0) || !(cssHeight > 0)) return null;
  const dpr = devicePixelRatio > 0 ? devicePixelRatio : 1;
  return { width: stepUp(Math.ceil(cssWidth * dpr)), height: stepUp(Math.ceil(cssHeight * dpr)) };
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
