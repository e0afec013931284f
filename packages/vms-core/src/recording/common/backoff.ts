/**
 * Reconnect delays: the first retry comes within 1 s, then doubling up to a 10 s cap, forever.
 * A session that streamed for a while resets the sequence.
 */
export function reconnectDelayMs(attempt: number): number {
  return Math.min(10_000, 500 * 2 ** Math.max(0, attempt));
}
