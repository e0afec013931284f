/**
 * Coalesces the event loop's wake-ups under load. Every camera's socket becomes readable 25 or
 * more times a second, each at its own moment, so with many cameras the loop wakes thousands of
 * times a second to read one socket each; on a VM a wake-up (a context switch) cost more than
 * the reading (docs/design/frame-memory.md). After a burst of reads the pacer lets the loop rest
 * until `quantumMs` after the burst began, and the next poll finds every socket that became
 * readable meanwhile at once. Only a loop that woke for reads shortly before rests, so a quiet
 * site keeps its latency; the most added is one quantum.
 */
export class LoopPacer {
  private burstStart = -Infinity;
  private inBurst = false;

  constructor(
    readonly quantumMs: number,
    private readonly io: {
      now(): number;
      /** Blocks the thread for ms (no event runs meanwhile). */
      sleep(ms: number): void;
      /** Runs fn once this loop iteration's I/O callbacks are done (setImmediate). */
      afterIo(fn: () => void): void;
    } = nodePacerIo,
  ) {}

  /** Called by a high-rate I/O callback (a camera socket's read). */
  touch(): void {
    if (this.inBurst) return;
    this.inBurst = true;
    const now = this.io.now();
    // Busy: this burst began within two quanta of the last (after a rest the next one begins
    // just over a quantum later). A loop woken less often gains nothing from resting.
    const busy = now - this.burstStart < 2 * this.quantumMs;
    this.burstStart = now;
    this.io.afterIo(busy ? this.rest : this.endBurst);
  }

  private readonly endBurst = (): void => {
    this.inBurst = false;
  };

  private readonly rest = (): void => {
    this.inBurst = false;
    const left = this.quantumMs - (this.io.now() - this.burstStart);
    // Sub-millisecond rests cost a context switch for nothing.
    if (left >= 1) this.io.sleep(left);
  };
}

const sleepCell = new Int32Array(new SharedArrayBuffer(4));

const nodePacerIo = {
  now: () => performance.now(),
  // Atomics.wait on the main thread: Node allows it, and it is the only way to hold the loop
  // off its next poll without a busy wait.
  sleep: (ms: number) => void Atomics.wait(sleepCell, 0, 0, ms),
  afterIo: (fn: () => void) => void setImmediate(fn),
};

let active: LoopPacer | undefined;

/** Turns pacing on for this process (quantumMs > 0) or off (0). The site's launcher decides. */
export function setLoopPacing(quantumMs: number): void {
  active = quantumMs > 0 ? new LoopPacer(quantumMs) : undefined;
}

/** For I/O callbacks that fire at a high rate; a no-op unless pacing is on. */
export function paceLoop(): void {
  active?.touch();
}
