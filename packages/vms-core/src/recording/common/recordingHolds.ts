/**
 * Requests to record a camera that come from rules: each holds the recorder on under its own
 * key (a rule and what fired it) until released, then for its post time. Kept by the recording
 * server per camera and read by the camera's recorder, so holds outlive a pipeline restart
 * after a configuration change.
 */
export class RecordingHolds {
  private readonly holds = new Map<string, { until: number; preSeconds: number }>();

  /** Records from now until released; `preSeconds` asks for that much video before now. */
  start(key: string, preSeconds: number): void {
    this.holds.set(key, { until: Infinity, preSeconds });
  }

  /** Keeps recording `postSeconds` more, then lets go; false when there was no such hold. */
  release(key: string, postSeconds: number, now: number): boolean {
    const h = this.holds.get(key);
    if (!h) return false;
    h.until = Math.min(h.until, now + postSeconds * 1000);
    return true;
  }

  /** Whether any hold wants recording at `now` (holds past their end are forgotten). */
  active(now: number): boolean {
    let any = false;
    for (const [key, h] of this.holds) {
      if (h.until > now) any = true;
      else this.holds.delete(key);
    }
    return any;
  }

  /** The longest pre-recording of the active holds, in seconds (0 with none). */
  preSeconds(now: number): number {
    let pre = 0;
    for (const h of this.holds.values()) if (h.until > now) pre = Math.max(pre, h.preSeconds);
    return pre;
  }

  keys(): string[] {
    return [...this.holds.keys()];
  }
}
