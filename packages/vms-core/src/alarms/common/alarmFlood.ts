/**
 * Keeps an event flood (a chattering generic-event sender, a flapping input) from filling the
 * alarm database: at most `maxPerSecond` new alarms per definition in any one-second window.
 * Pure (time is passed in), so the matching tests run it on a simulated clock.
 */
export class AlarmFloodLimiter {
  /** Per definition: the times of its last `maxPerSecond` new alarms, oldest first. */
  private readonly recent = new Map<string, number[]>();

  constructor(private readonly maxPerSecond: number) {}

  /**
   * Whether a new alarm may be raised now; true also records it. Exact for any window: the
   * oldest of the last N admitted must be a second old.
   */
  admit(definitionId: string, now: number): boolean {
    let times = this.recent.get(definitionId);
    if (!times) this.recent.set(definitionId, (times = []));
    if (times.length >= this.maxPerSecond) {
      if (now - times[0]! < 1000) return false;
      times.shift();
    }
    times.push(now);
    return true;
  }

  /** A deleted or changed definition starts afresh. */
  forget(definitionId: string): void {
    this.recent.delete(definitionId);
  }
}
