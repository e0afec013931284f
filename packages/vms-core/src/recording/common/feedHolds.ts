/**
 * Which cameras the recording server may connect to, when rules decide it (the startFeed and
 * stopFeed actions; the default "Start feed always" rule holds every camera's). Each hold has a
 * key (the rule activation that took it) and is on one camera or on all of them, including
 * cameras added later; a camera's feed runs while any hold covers it. A camera's own `enabled`
 * still comes first: a disabled camera has no feed whatever the rules say.
 */
export const ALL_CAMERAS = '*';

export class FeedHolds {
  /** Target (a camera id or ALL_CAMERAS) → keys holding it. */
  private readonly holds = new Map<string, Set<string>>();

  /** Takes a hold; false when this key already held the target. */
  hold(target: string, key: string): boolean {
    let keys = this.holds.get(target);
    if (!keys) this.holds.set(target, (keys = new Set()));
    if (keys.has(key)) return false;
    keys.add(key);
    return true;
  }

  /** Lets go of a hold; false when this key did not hold the target. */
  release(target: string, key: string): boolean {
    const keys = this.holds.get(target);
    if (!keys?.delete(key)) return false;
    if (keys.size === 0) this.holds.delete(target);
    return true;
  }

  allows(cameraId: string): boolean {
    return this.holds.has(ALL_CAMERAS) || this.holds.has(cameraId);
  }
}
