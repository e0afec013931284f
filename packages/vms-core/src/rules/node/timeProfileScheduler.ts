import type { Clock } from '../../base/common/clock';
import type { Disposable } from '../../base/common/event';
import type { TimeProfile } from '../../management/common/timeProfile';
import { withinWindows } from '../../management/common/timeProfile';
import { nextProfileChange } from '../common/profileSchedule';

/**
 * Longest sleep between looks at a profile: an edited profile, or a wall clock set by hand,
 * is noticed within this even when no one calls refresh().
 */
const MAX_SLEEP_MS = 3600_000;

interface Watched {
  active: boolean;
  timer: { cancel(): void } | undefined;
  listeners: Set<(active: boolean) => void>;
}

/**
 * Tells time rules when their time profile turns on and off. Each watched profile sleeps on
 * the injected clock until its next change (nextProfileChange), so tests run weeks of
 * simulated time in milliseconds and a real site wakes a few times a day, not every minute.
 * A profile that no longer exists counts as off.
 */
export class TimeProfileScheduler implements Disposable {
  private readonly watched = new Map<string, Watched>();
  private disposed = false;

  constructor(
    private readonly clock: Clock,
    private readonly resolve: (profileId: string) => TimeProfile | undefined,
  ) {}

  /** Whether the profile is on now (read afresh, not from the last wake-up). */
  isActive(profileId: string): boolean {
    const profile = this.resolve(profileId);
    return profile !== undefined && withinWindows(profile, this.clock.now());
  }

  /** Calls `onChange` each time the profile turns on or off, until disposed; returns it with the state now. */
  watch(profileId: string, onChange: (active: boolean) => void): Disposable & { active: boolean } {
    let w = this.watched.get(profileId);
    if (!w) {
      w = { active: this.isActive(profileId), timer: undefined, listeners: new Set() };
      this.watched.set(profileId, w);
      this.arm(profileId, w);
    }
    const entry = w;
    entry.listeners.add(onChange);
    return {
      active: entry.active,
      dispose: () => {
        entry.listeners.delete(onChange);
        if (entry.listeners.size === 0 && this.watched.get(profileId) === entry) {
          entry.timer?.cancel();
          this.watched.delete(profileId);
        }
      },
    };
  }

  /** Looks at every watched profile again now (after profiles changed). */
  refresh(): void {
    for (const [id, w] of this.watched) this.wake(id, w);
  }

  private arm(profileId: string, w: Watched): void {
    w.timer?.cancel();
    if (this.disposed) return;
    const now = this.clock.now();
    const profile = this.resolve(profileId);
    const next = profile ? nextProfileChange(profile, now) : undefined;
    const delay = Math.min(next === undefined ? MAX_SLEEP_MS : Math.max(0, next - now), MAX_SLEEP_MS);
    w.timer = this.clock.setTimeout(() => this.wake(profileId, w), delay);
  }

  private wake(profileId: string, w: Watched): void {
    if (this.disposed || this.watched.get(profileId) !== w) return;
    const active = this.isActive(profileId);
    this.arm(profileId, w);
    if (active === w.active) return;
    w.active = active;
    for (const l of [...w.listeners]) l(active);
  }

  dispose(): void {
    this.disposed = true;
    for (const w of this.watched.values()) w.timer?.cancel();
    this.watched.clear();
  }
}
