/**
 * Slows, then locks, repeated failed logins for one key (a user name, or a source address).
 * Pure bookkeeping over instants the caller passes, so tests drive it with a ManualClock.
 *
 * After `freeFailures` failures each further attempt must wait `baseDelayMs`, doubling per
 * failure; at `maxFailures` the key is locked for `lockMs`. The count is kept after a lock
 * ends, so a single failure locks again; it is forgotten `forgetMs` after the last failure, and
 * on a success only where `resetOnSuccess` (a user name: yes; a source address: no, or one
 * valid account would let an attacker spray guesses at every other name from one address). Attempts still being checked count as failures, so firing many in parallel
 * cannot slip past the limit while the slow password hash runs.
 */

export interface ThrottlePolicy {
  freeFailures: number;
  baseDelayMs: number;
  maxFailures: number;
  lockMs: number;
  forgetMs: number;
  resetOnSuccess: boolean;
}

export type ThrottleVerdict =
  | { allowed: true }
  | { allowed: false; reason: 'lockedOut' | 'tooSoon'; retryAfterMs: number };

interface Entry {
  failures: number;
  lastFailure: number;
  lockedUntil: number;
  inFlight: number;
}

/** Entries kept before old ones are swept: bounds memory when someone sprays user names. */
const SWEEP_ABOVE = 10_000;

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly policy: ThrottlePolicy) {}

  /** Whether an attempt may proceed now; when it may, it is counted as in flight until finish(). */
  begin(key: string, now: number): ThrottleVerdict {
    const verdict = this.verdict(key, now);
    if (verdict.allowed) this.entry(key, now).inFlight++;
    return verdict;
  }

  /** Records the outcome of an attempt begin() allowed. */
  finish(key: string, ok: boolean, now: number): void {
    const e = this.entry(key, now);
    e.inFlight = Math.max(0, e.inFlight - 1);
    if (ok) {
      if (this.policy.resetOnSuccess) {
        e.failures = 0;
        e.lockedUntil = 0;
      }
    } else {
      e.failures++;
      e.lastFailure = now;
      if (e.failures >= this.policy.maxFailures) e.lockedUntil = now + this.policy.lockMs;
    }
    if (e.failures === 0 && e.inFlight === 0) this.entries.delete(key);
    if (this.entries.size > SWEEP_ABOVE) this.sweep(now);
  }

  /** Forgets an attempt begin() allowed that was refused for another reason before it was tried. */
  cancel(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    e.inFlight = Math.max(0, e.inFlight - 1);
    if (e.failures === 0 && e.inFlight === 0) this.entries.delete(key);
  }

  /**
   * Forgets the key's failures and lock (an administrator unlocking a user name). Attempts in
   * flight still finish; they start a new count.
   */
  clear(key: string): void {
    const e = this.entries.get(key);
    if (!e) return;
    if (e.inFlight === 0) this.entries.delete(key);
    else Object.assign(e, { failures: 0, lockedUntil: 0 });
  }

  /** When the key is locked, until when (ms); undefined otherwise. */
  lockedUntil(key: string, now: number): number | undefined {
    const e = this.entries.get(key);
    return e && e.lockedUntil > now ? e.lockedUntil : undefined;
  }

  private verdict(key: string, now: number): ThrottleVerdict {
    const e = this.entries.get(key);
    if (!e) return { allowed: true };
    if (e.inFlight === 0 && e.failures > 0 && e.lockedUntil <= now && now - e.lastFailure >= this.policy.forgetMs) {
      this.entries.delete(key);
      return { allowed: true };
    }
    if (e.lockedUntil > now) return { allowed: false, reason: 'lockedOut', retryAfterMs: e.lockedUntil - now };
    const counted = e.failures + e.inFlight;
    if (counted < this.policy.freeFailures) return { allowed: true };
    if (e.inFlight > 0) return { allowed: false, reason: 'tooSoon', retryAfterMs: this.policy.baseDelayMs };
    const wait = Math.min(this.policy.lockMs, this.policy.baseDelayMs * 2 ** (counted - this.policy.freeFailures));
    const readyAt = e.lastFailure + wait;
    return now >= readyAt ? { allowed: true } : { allowed: false, reason: 'tooSoon', retryAfterMs: readyAt - now };
  }

  private entry(key: string, now: number): Entry {
    let e = this.entries.get(key);
    if (!e) {
      e = { failures: 0, lastFailure: now, lockedUntil: 0, inFlight: 0 };
      this.entries.set(key, e);
    }
    return e;
  }

  private sweep(now: number): void {
    for (const [key, e] of this.entries) {
      if (e.inFlight === 0 && e.lockedUntil <= now && now - e.lastFailure >= this.policy.forgetMs) this.entries.delete(key);
    }
  }
}
