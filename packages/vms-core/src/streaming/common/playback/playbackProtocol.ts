import type { Time90k } from '../../../media/common/types';

/**
 * The playback protocol between a PlaybackSession and one client (a WebSocket in practice).
 *
 * Binary messages carry fMP4 of one camera: an init segment after every seek or format change,
 * then media segments (one frame each while playing, so pacing is exact). JSON messages say
 * where in wall time the pictures are. Each camera has its own fMP4 stream and its own media
 * timeline (starting at 0 and only moving forward); all cameras are paced by one session clock,
 * so pictures sent together were recorded at the same instant.
 *
 * A client maps its media time to wall time from the last `seeked`/`gap`/`state` anchor of that
 * camera: wall = anchor.wall + (media − anchor.media) · speed.
 */
export type PlaybackMessage =
  /** Decoding restarts at decodeFrom; the picture to show now is showFrom, at mediaTime. */
  | { type: 'seeked'; camera: string; decodeFrom90k: Time90k; showFrom90k: Time90k; mediaTime90k: number }
  /** One frame forward while paused: show showFrom at mediaTime. */
  | { type: 'stepped'; camera: string; showFrom90k: Time90k; mediaTime90k: number }
  /** Nothing was recorded in [start, end); it is skipped, not filled. mediaTime: where the next picture will start. */
  | { type: 'gap'; camera: string; start90k: Time90k; end90k: Time90k; mediaTime90k: number }
  /** The camera has nothing more to play. */
  | { type: 'ended'; camera: string }
  | { type: 'state'; state: 'playing' | 'paused'; speed: number; position90k: Time90k }
  /** Frames were dropped up to the next key frame because the client did not keep up. */
  | { type: 'dropped'; camera: string; frames: number }
  | { type: 'error'; code: string; message: string };

/** Where the session writes. A WebSocket route wraps its socket in these three members. */
export interface PlaybackSink {
  sendJson(message: PlaybackMessage): void;
  /** fMP4 bytes of camera `cameraIndex` (its place in the session's cameraIds), in order. */
  sendBinary(cameraIndex: number, parts: readonly Uint8Array[]): void;
  /** Bytes queued but not yet sent (WebSocket.bufferedAmount). */
  readonly bufferedAmount: number;
}

export const MIN_SPEED = 1 / 8;
export const MAX_SPEED = 32;
/** Above this speed only key frames are sent: decoding every frame at 8× and more costs the client too much. */
export const KEY_FRAMES_ONLY_ABOVE = 4;

export function checkSpeed(speed: number): boolean {
  return Number.isFinite(speed) && speed >= MIN_SPEED && speed <= MAX_SPEED;
}

export function keyFramesOnly(speed: number): boolean {
  return speed > KEY_FRAMES_ONLY_ABOVE;
}

/**
 * Sample duration on the client's media timeline: trick play is done by the server, so the
 * client always plays at 1× and a frame that lasted 40 ms lasts 5 ms at 8×.
 */
export function scaledDuration(duration90k: number, speed: number): number {
  return Math.max(1, Math.round(duration90k / speed));
}

/** Milliseconds of the session clock until wall time t is due, at `speed` from an anchor. */
export function dueInMs(anchor: { wall90k: Time90k; monotonicMs: number }, t90k: Time90k, speed: number, nowMs: number): number {
  return anchor.monotonicMs + (t90k - anchor.wall90k) / 90 / speed - nowMs;
}
