/**
 * Keeps rules from running away. Two checks:
 * - a chain: an event raised by a rule carries the rules that led to it (EventCause); a rule
 *   already in the chain, or a chain longer than MAX_CHAIN, is a loop and stops there;
 * - a rate: loops the chain cannot see (through an outside system, or many events at once)
 *   show as one rule firing too often; past the limit the rule rests for a while.
 */
import type { VmsEvent } from '../../events/common/vmsEvent';

export const LOOP_LIMITS = {
  /** Rules in one chain of rule → event → rule. */
  maxChain: 8,
  /** Firings of one rule within `windowMs` before it rests. */
  maxFirings: 200,
  windowMs: 10_000,
  /** How long a rule that fired too often is suspended. */
  restMs: 60_000,
} as const;

export type LoopVerdict =
  | { ok: true }
  | { ok: false; reason: 'loop' | 'chainTooLong'; chain: string[] }
  | { ok: false; reason: 'rateLimited'; firstTime: boolean; resumesAt: number };

/** Whether `ruleId` may fire on `event` by its chain (pure). */
export function chainVerdict(ruleId: string, event: Pick<VmsEvent, 'cause'> | undefined): LoopVerdict {
  const chain = event?.cause?.ruleIds ?? [];
  if (chain.includes(ruleId)) return { ok: false, reason: 'loop', chain: [...chain, ruleId] };
  if (chain.length >= LOOP_LIMITS.maxChain) return { ok: false, reason: 'chainTooLong', chain: [...chain, ruleId] };
  return { ok: true };
}

/** Counts firings per rule in fixed windows; suspends a rule that exceeds the limit. */
export class FiringLimiter {
  private readonly windows = new Map<string, { start: number; count: number; restUntil: number }>();

  constructor(private readonly limits: Pick<typeof LOOP_LIMITS, 'maxFirings' | 'windowMs' | 'restMs'> = LOOP_LIMITS) {}

  check(ruleId: string, now: number): LoopVerdict {
    let w = this.windows.get(ruleId);
    if (!w) this.windows.set(ruleId, (w = { start: now, count: 0, restUntil: 0 }));
    if (now < w.restUntil) return { ok: false, reason: 'rateLimited', firstTime: false, resumesAt: w.restUntil };
    if (now - w.start >= this.limits.windowMs) {
      w.start = now;
      w.count = 0;
    }
    w.count++;
    if (w.count <= this.limits.maxFirings) return { ok: true };
    w.restUntil = now + this.limits.restMs;
    w.count = 0;
    w.start = w.restUntil;
    return { ok: false, reason: 'rateLimited', firstTime: true, resumesAt: w.restUntil };
  }

  forget(ruleId: string): void {
    this.windows.delete(ruleId);
  }
}
