/**
 * Continuous PTZ while a control is held: the move is sent at once with a short device-side
 * timeout and repeated before it runs out, and stopped on release. If the release is lost (the
 * window loses focus, the network drops) the camera still stops by itself within the timeout:
 * a camera must never keep turning because a pointer-up went missing.
 */

export interface PtzVector {
  pan: number;
  tilt: number;
  zoom: number;
}

export interface PtzHoldOptions {
  move: (v: PtzVector & { timeoutMs: number }) => Promise<void>;
  stop: () => Promise<void>;
  onError: (e: unknown) => void;
  /** How long each move lasts on the device without a repeat. */
  moveTimeoutMs?: number;
  setInterval?: (fn: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

export class PtzHold {
  private timer: unknown;
  private moving = false;
  private readonly timeoutMs: number;
  private readonly setIntervalFn: (fn: () => void, ms: number) => unknown;
  private readonly clearIntervalFn: (handle: unknown) => void;

  constructor(private readonly o: PtzHoldOptions) {
    this.timeoutMs = o.moveTimeoutMs ?? 1500;
    this.setIntervalFn = o.setInterval ?? ((fn, ms) => setInterval(fn, ms));
    this.clearIntervalFn = o.clearInterval ?? ((h) => clearInterval(h as ReturnType<typeof setInterval>));
  }

  get active(): boolean {
    return this.moving;
  }

  /** Starts (or changes) the move; repeats it until release(). */
  press(v: PtzVector): void {
    this.clearTimer();
    this.moving = true;
    const send = () => void this.o.move({ ...v, timeoutMs: this.timeoutMs }).catch((e: unknown) => this.fail(e));
    send();
    // Repeated well before the device's timeout, so the move is smooth while held.
    this.timer = this.setIntervalFn(send, Math.max(200, Math.floor(this.timeoutMs / 2)));
  }

  /** Stops the move; harmless when nothing moves. */
  release(): void {
    if (!this.moving) return;
    this.clearTimer();
    this.moving = false;
    void this.o.stop().catch((e: unknown) => this.o.onError(e));
  }

  dispose(): void {
    this.release();
  }

  private fail(e: unknown): void {
    // One refusal is enough: repeating a refused move only repeats the error.
    this.clearTimer();
    this.moving = false;
    this.o.onError(e);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.clearIntervalFn(this.timer);
    this.timer = undefined;
  }
}
