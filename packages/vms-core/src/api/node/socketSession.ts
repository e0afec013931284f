import type { WebSocket } from 'ws';
import type { Clock } from '../../base/common/clock';
import { DisposableStore, toDisposable } from '../../base/common/event';

/** How long a socket that signs in by its first message (updates, event stream) may stay silent. */
export const AUTH_TIMEOUT_MS = 5_000;

export interface SocketSession {
  /** Released when the socket closes. */
  store: DisposableStore;
  /** Closes once; later calls do nothing (a close reason is cut to the protocol's limit). */
  close(code: number, reason: string): void;
  readonly closing: boolean;
  /** The sign-in arrived: the auth deadline no longer applies. */
  signedIn(): void;
}

/**
 * The start every signed-in-by-message WebSocket shares: one close, and a deadline for the
 * auth message after which the socket is closed with `unauthenticatedCode`.
 */
export function openSocketSession(socket: WebSocket, clock: Clock, unauthenticatedCode: number): SocketSession {
  const store = new DisposableStore();
  let closing = false;
  const close = (code: number, reason: string) => {
    if (closing) return;
    closing = true;
    socket.close(code, reason.slice(0, 120));
  };
  const authTimer = clock.setTimeout(
    () => close(unauthenticatedCode, `send {"type":"auth","accessToken":...} within ${AUTH_TIMEOUT_MS / 1000} s`),
    AUTH_TIMEOUT_MS,
  );
  store.add(toDisposable(() => authTimer.cancel()));
  socket.on('close', () => store.dispose());
  return { store, close, get closing() { return closing; }, signedIn: () => authTimer.cancel() };
}
