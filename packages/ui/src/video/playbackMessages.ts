/**
 * The playback socket's wire format as the browser sees it (the server side is vms-core's
 * streaming/common/playback/playbackProtocol.ts; the UI may import only its types). Text
 * messages are checked field by field: a message this client does not understand is ignored,
 * not trusted half-way. Binary messages are one byte of camera index followed by fMP4 bytes.
 */
import type { PlaybackMessage } from '@nightjar/vms-core';

export type { PlaybackMessage };

/** What the client sends; `at` is an ISO date-time, `speed` 1/8..32 (the server refuses others). */
export type PlaybackCommand =
  | { type: 'seek'; at: string }
  | { type: 'play'; speed: number }
  | { type: 'pause' }
  | { type: 'step'; direction: 1 | -1 };

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

/** The message, or undefined when the text is not JSON or not a message this client knows. */
export function parsePlaybackMessage(text: string): PlaybackMessage | undefined {
  let m: Record<string, unknown>;
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    m = parsed as Record<string, unknown>;
  } catch {
    return undefined;
  }
  switch (m.type) {
    case 'seeked':
      return isStr(m.camera) && isNum(m.decodeFrom90k) && isNum(m.showFrom90k) && isNum(m.mediaTime90k)
        ? { type: 'seeked', camera: m.camera, decodeFrom90k: m.decodeFrom90k, showFrom90k: m.showFrom90k, mediaTime90k: m.mediaTime90k }
        : undefined;
    case 'stepped':
      return isStr(m.camera) && isNum(m.showFrom90k) && isNum(m.mediaTime90k)
        ? { type: 'stepped', camera: m.camera, showFrom90k: m.showFrom90k, mediaTime90k: m.mediaTime90k }
        : undefined;
    case 'gap':
      return isStr(m.camera) && isNum(m.start90k) && isNum(m.end90k) && isNum(m.mediaTime90k)
        ? { type: 'gap', camera: m.camera, start90k: m.start90k, end90k: m.end90k, mediaTime90k: m.mediaTime90k }
        : undefined;
    case 'ended':
      return isStr(m.camera) ? { type: 'ended', camera: m.camera } : undefined;
    case 'state':
      return (m.state === 'playing' || m.state === 'paused') && isNum(m.speed) && isNum(m.position90k)
        ? { type: 'state', state: m.state, speed: m.speed, position90k: m.position90k }
        : undefined;
    case 'dropped':
      return isStr(m.camera) && isNum(m.frames) ? { type: 'dropped', camera: m.camera, frames: m.frames } : undefined;
    case 'error':
      return isStr(m.code) && isStr(m.message) ? { type: 'error', code: m.code, message: m.message } : undefined;
    default:
      return undefined;
  }
}

/** Splits a binary message into its camera index and fMP4 payload (a view, not a copy). */
export function splitMediaMessage(data: ArrayBuffer): { index: number; payload: Uint8Array } | undefined {
  if (data.byteLength < 2) return undefined;
  return { index: new Uint8Array(data, 0, 1)[0]!, payload: new Uint8Array(data, 1) };
}

export function encodeCommand(command: PlaybackCommand): string {
  return JSON.stringify(command);
}
