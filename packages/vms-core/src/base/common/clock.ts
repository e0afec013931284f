/**
 * Injected time. Recorder, retention, schedules and rules take a Clock so tests can run
 * simulated days in milliseconds (after Moonfire's clock.rs).
 */
export interface Clock {
  /** Wall-clock milliseconds since the Unix epoch. */
  now(): number;
  /** Monotonic milliseconds, for durations and timeouts. */
  monotonic(): number;
  /** Calls fn after ms; returns a handle that cancels it. */
  setTimeout(fn: () => void, ms: number): { cancel(): void };
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** A clock tests drive by hand: time moves only when advance() is called. */
export class ManualClock implements Clock {
  private wall: number;
  private mono = 0;
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 0;

  constructor(startWallMs = Date.UTC(2026, 0, 1)) {
    this.wall = startWallMs;
  }

  now(): number {
    return this.wall;
  }
  monotonic(): number {
    return this.mono;
  }
  setTimeout(fn: () => void, ms: number): { cancel(): void } {
    const id = this.nextId++;
    this.timers.push({ at: this.mono + Math.max(0, ms), fn, id });
    return { cancel: () => (this.timers = this.timers.filter((t) => t.id !== id)) };
  }
  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const onAbort = () => {
        t.cancel();
        reject(signal?.reason);
      };
      // The listener goes with the timer, so a long-lived signal does not collect one per sleep.
      const t = this.setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }
  /** Moves time forward, firing due timers in order. */
  advance(ms: number): void {
    const end = this.mono + ms;
    for (;;) {
      this.timers.sort((a, b) => a.at - b.at || a.id - b.id);
      const t = this.timers[0];
      if (!t || t.at > end) break;
      this.timers.shift();
      this.wall += t.at - this.mono;
      this.mono = t.at;
      t.fn();
    }
    this.wall += end - this.mono;
    this.mono = end;
  }
}
