/**
 * What every live/VOD player reports, and the one place that decides how a state follows from
 * what happened. Players stay thin: they translate socket/media events into `PlayerInput`s and
 * publish whatever `nextState` returns, so the tile's behaviour is testable without a browser.
 */

/** Close codes the media sockets use; 4401/4403 mirror HTTP for a browser that only sees the close. */
export const CLOSE_UNAUTHENTICATED = 4401;
export const CLOSE_FORBIDDEN = 4403;
export const CLOSE_NOT_FOUND = 4404;
export const CLOSE_CONFLICT = 4409;

export type PlayerState =
  | { kind: 'connecting'; attempt: number }
  | { kind: 'playing' }
  | { kind: 'stalled' }
  /**
   * Final unless `retryInMs` is set: then the player reconnects by itself after that delay, and
   * `attempt` counts the failures in a row so far.
   */
  | { kind: 'closed'; code: number; reason: string; retryInMs?: number; attempt?: number };

export type PlayerInput =
  | { type: 'connect' }
  | { type: 'media' }
  | { type: 'stall' }
  | { type: 'close'; code: number; reason: string }
  | { type: 'dispose' };

/** Codes after which reconnecting cannot help: the user must sign in again or lacks the right. */
export function isFinalClose(code: number): boolean {
  return code === CLOSE_UNAUTHENTICATED || code === CLOSE_FORBIDDEN || code === CLOSE_NOT_FOUND;
}

/**
 * The next state. `retryDelay(attempt)` is the backoff policy; it returns undefined when the
 * player should give up. Attempts count consecutive failures and reset once media flows.
 */
export function nextState(
  state: PlayerState,
  input: PlayerInput,
  retryDelay: (attempt: number) => number | undefined,
): PlayerState {
  switch (input.type) {
    case 'connect':
      return { kind: 'connecting', attempt: state.kind === 'closed' ? state.attempt ?? 0 : 0 };
    case 'media':
      return state.kind === 'closed' ? state : { kind: 'playing' };
    case 'stall':
      return state.kind === 'playing' ? { kind: 'stalled' } : state;
    case 'close': {
      // A close after a final close (e.g. the socket's own close after an error) changes nothing.
      if (state.kind === 'closed' && state.retryInMs === undefined) return state;
      const base = { kind: 'closed' as const, code: input.code, reason: input.reason };
      if (isFinalClose(input.code)) return base;
      // Failing before any media counts towards the backoff; losing a running stream starts over.
      const failures = state.kind === 'connecting' ? state.attempt : 0;
      const delay = retryDelay(failures);
      return delay === undefined ? base : { ...base, retryInMs: delay, attempt: failures + 1 };
    }
    case 'dispose':
      return { kind: 'closed', code: 1000, reason: 'disposed' };
  }
}

