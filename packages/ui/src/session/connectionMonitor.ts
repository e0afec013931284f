/**
 * Whether the site can be reached, from what the app already sees: API calls that fail without
 * an answer, and the updates socket going down. While the site is away it probes the health
 * route, and when the site answers again it says so once (`onDidRecover`), so the session can
 * refetch what it shows and hand the tiles fresh media tokens, without a reload.
 *
 * Timers and the probe are injected: tests drive a restart in microseconds.
 */

export type ConnectionState =
  | { kind: 'online' }
  /** `since`: when the first failure was seen (ms); `probes`: health checks tried so far. */
  | { kind: 'reconnecting'; since: number; probes: number };

export interface MonitorClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface ConnectionMonitorOptions {
  /** Resolves true when the site answers (GET /api/health); false or a rejection when not. */
  probe: () => Promise<boolean>;
  clock?: MonitorClock;
  /** Delay between health probes while the site is away. */
  probeIntervalMs?: number;
}

const browserClock: MonitorClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

type Listener<T> = (value: T) => void;

export class ConnectionMonitor {
  private current: ConnectionState = { kind: 'online' };
  private httpDown = false;
  /** undefined: no socket attached (then only HTTP counts). */
  private socketUp: boolean | undefined;
  private timer: unknown;
  private probing = false;
  private disposed = false;
  private readonly clock: MonitorClock;
  private readonly interval: number;
  private readonly changeListeners = new Set<Listener<ConnectionState>>();
  private readonly recoverListeners = new Set<Listener<{ downForMs: number }>>();

  constructor(private readonly options: ConnectionMonitorOptions) {
    this.clock = options.clock ?? browserClock;
    this.interval = options.probeIntervalMs ?? 2000;
  }

  get state(): ConnectionState {
    return this.current;
  }

  onDidChange(listener: Listener<ConnectionState>): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  /** Fires once per outage, when both HTTP and the socket (if any) work again. */
  onDidRecover(listener: Listener<{ downForMs: number }>): () => void {
    this.recoverListeners.add(listener);
    return () => this.recoverListeners.delete(listener);
  }

  /** A request got no answer at all (ApiError status 0). */
  reportNetworkFailure(): void {
    if (this.disposed) return;
    this.httpDown = true;
    this.update();
    this.scheduleProbe();
  }

  /** A request got an answer (any status: a 403 still proves the site is there). */
  reportAnswer(): void {
    if (this.disposed || !this.httpDown) return;
    this.httpDown = false;
    this.update();
  }

  /** The updates socket opened (true) or closed (false). */
  reportSocket(up: boolean): void {
    if (this.disposed || this.socketUp === up) return;
    this.socketUp = up;
    this.update();
    // A socket drop is often the first sign of a restart; probing finds out whether HTTP is gone too.
    if (!up) this.scheduleProbe();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.changeListeners.clear();
    this.recoverListeners.clear();
  }

  private update(): void {
    const down = this.httpDown || this.socketUp === false;
    const before = this.current;
    if (down && before.kind === 'online') {
      this.set({ kind: 'reconnecting', since: this.clock.now(), probes: 0 });
    } else if (!down && before.kind === 'reconnecting') {
      this.set({ kind: 'online' });
      const downForMs = this.clock.now() - before.since;
      for (const l of [...this.recoverListeners]) l({ downForMs });
    }
  }

  private set(state: ConnectionState): void {
    this.current = state;
    for (const l of [...this.changeListeners]) l(state);
  }

  private scheduleProbe(): void {
    if (this.timer !== undefined || this.probing || this.disposed) return;
    this.timer = this.clock.setTimeout(() => {
      this.timer = undefined;
      void this.runProbe();
    }, this.interval);
  }

  private async runProbe(): Promise<void> {
    if (this.disposed || this.current.kind === 'online') return;
    this.probing = true;
    const ok = await this.options.probe().catch(() => false);
    this.probing = false;
    if (this.disposed) return;
    if (this.current.kind === 'reconnecting') this.set({ ...this.current, probes: this.current.probes + 1 });
    if (ok) this.reportAnswer();
    // Still away (or only the socket is: it reconnects by itself, we keep watching HTTP meanwhile).
    if (this.current.kind === 'reconnecting') this.scheduleProbe();
  }
}
