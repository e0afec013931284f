/**
 * What a tile tells the operator for each player state. One table, so every client words the
 * same situation the same way, and so the mapping is tested without rendering.
 */
import { CLOSE_CONFLICT, CLOSE_FORBIDDEN, CLOSE_NOT_FOUND, CLOSE_UNAUTHENTICATED } from './playerState';
import type { PlayerState } from './playerState';

export type TileStatus =
  /** The picture is live; no message. */
  | { kind: 'live' }
  | { kind: 'busy'; text: string }
  | { kind: 'error'; text: string; detail?: string };

export function tileStatus(state: PlayerState): TileStatus {
  switch (state.kind) {
    case 'playing':
      return { kind: 'live' };
    case 'connecting':
      return { kind: 'busy', text: state.attempt > 0 ? 'Reconnecting…' : 'Connecting…' };
    case 'stalled':
      return { kind: 'busy', text: 'Waiting for video…' };
    case 'closed':
      return closedStatus(state.code, state.retryInMs !== undefined, state.reason);
  }
}

function closedStatus(code: number, retrying: boolean, reason: string): TileStatus {
  switch (code) {
    case CLOSE_FORBIDDEN:
      return { kind: 'error', text: 'No access', detail: 'You may not watch this camera live.' };
    case CLOSE_UNAUTHENTICATED:
      return { kind: 'error', text: 'Sign in again', detail: 'Your session has expired.' };
    case CLOSE_NOT_FOUND:
      return { kind: 'error', text: 'Camera not found' };
    case CLOSE_CONFLICT:
      return { kind: 'error', text: 'Server busy', detail: retrying ? 'Too many transcodes; retrying…' : 'Too many transcodes.' };
    default:
      // The server's reason is for logs; operators get a plain message.
      return { kind: 'error', text: 'Camera disconnected', ...(retrying ? { detail: 'Retrying…' } : reason ? { detail: reason } : {}) };
  }
}
