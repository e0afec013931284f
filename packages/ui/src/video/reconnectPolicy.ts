/**
 * How long a live player waits before reconnecting. Exponential with jitter so a site restart
 * does not get every tile of every client back in the same millisecond, capped so a camera that
 * comes back is visible again within a few seconds.
 */
export interface BackoffOptions {
  /** Delay before the first retry. */
  initialMs: number;
  /** Upper bound of any delay. */
  maxMs: number;
  /** Give up after this many failures in a row (Infinity: never). */
  maxAttempts: number;
  /** Fraction of the delay randomised (0..1); 0 makes the policy deterministic. */
  jitter: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { initialMs: 500, maxMs: 10_000, maxAttempts: Infinity, jitter: 0.2 };

/**
 * A retryDelay function for `nextState`: `attempt` is the number of failures so far (0 for the
 * first retry). `random` is injectable so tests can pin the jitter.
 */
export function backoff(options: Partial<BackoffOptions> = {}, random: () => number = Math.random): (attempt: number) => number | undefined {
  const o = { ...DEFAULT_BACKOFF, ...options };
  return (attempt) => {
    if (attempt >= o.maxAttempts) return undefined;
    const base = Math.min(o.maxMs, o.initialMs * 2 ** Math.min(attempt, 30));
    // Jitter only shortens the delay, so maxMs stays a real upper bound.
    return Math.round(base * (1 - o.jitter * random()));
  };
}
