import type { Clock } from '../../base/common/clock';
import { errorMessage } from '../../base/common/errors';
import type { Disposable } from '../../base/common/event';
import type { SystemLog } from '../../events/node/systemLog';
import type { AlarmStore } from './alarmStore';

const DAY_MS = 24 * 3600_000;

export interface AlarmRetentionDeps {
  clock: Clock;
  store: Pick<AlarmStore, 'deleteClosedBefore'>;
  /** Days a closed alarm is kept after it was closed, 0 for ever; read at each pass, so a changed setting needs no restart (the log settings). */
  retentionDays: () => number;
  systemLog: Pick<SystemLog, 'write'>;
  /** Alarms deleted per transaction (default 500). */
  batchSize?: number;
  /** Time between passes (default an hour, as the logs' retention). */
  passEveryMs?: number;
}

export interface RetentionPass {
  deleted: number;
  batches: number;
}

/**
 * Deletes closed alarms older than their retention from the alarm database, with their comments
 * and history, once an hour on the injected clock. A site with years of alarms may have
 * hundreds of thousands to delete on its first pass: they go in batches, each its own short
 * transaction, and the next batch waits for a timer (0 ms), so events, alarms raised meanwhile
 * and API requests run between batches instead of behind one long delete. Alarms still open are
 * never deleted, however old; with a retention of 0 none are. Each pass that deleted some says
 * how many in the system log.
 */
export class AlarmRetention implements Disposable {
  /** The next pass. */
  private timer: { cancel(): void } | undefined;
  /** The pause between two batches, and how to end it early (dispose). */
  private pause: { timer: { cancel(): void }; wake: () => void } | undefined;
  private running: Promise<RetentionPass> | undefined;
  private disposed = false;
  private readonly batchSize: number;
  private readonly passEveryMs: number;

  constructor(private readonly deps: AlarmRetentionDeps) {
    this.batchSize = deps.batchSize ?? 500;
    this.passEveryMs = deps.passEveryMs ?? 3600_000;
  }

  /** Runs a pass now, then one every `passEveryMs` after the last ended. */
  start(): void {
    void this.passThenWait();
  }

  /**
   * One pass: deletes every alarm closed before now minus the retention, batch by batch; the
   * pass already running when called is the one returned. Resolves even when the database
   * refuses (logged); a disposed retention stops between batches.
   */
  pass(): Promise<RetentionPass> {
    this.running ??= this.run().finally(() => (this.running = undefined));
    return this.running;
  }

  dispose(): void {
    this.disposed = true;
    this.timer?.cancel();
    this.timer = undefined;
    this.pause?.timer.cancel();
    this.pause?.wake();
  }

  private async passThenWait(): Promise<void> {
    await this.pass();
    if (!this.disposed) this.timer = this.deps.clock.setTimeout(() => void this.passThenWait(), this.passEveryMs);
  }

  private async run(): Promise<RetentionPass> {
    const days = this.deps.retentionDays();
    const done: RetentionPass = { deleted: 0, batches: 0 };
    // Kept forever (an upgraded site until an administrator chooses): nothing to look for.
    if (days === 0) return done;
    // The cutoff is taken once: alarms closed while the pass runs are newer than it anyway.
    const cutoff = this.deps.clock.now() - days * DAY_MS;
    try {
      while (!this.disposed) {
        const n = this.deps.store.deleteClosedBefore(cutoff, this.batchSize);
        done.deleted += n;
        done.batches++;
        if (n < this.batchSize) break;
        await this.yieldToOthers();
      }
    } catch (e) {
      this.deps.systemLog.write('warning', 'alarms', `closed alarm retention stopped after ${done.deleted} alarm(s): ${errorMessage(e)}`);
      return done;
    }
    if (done.deleted > 0) {
      this.deps.systemLog.write('information', 'alarms', `deleted ${done.deleted} alarm(s) closed more than ${days} day(s) ago`);
    }
    return done;
  }

  private yieldToOthers(): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        this.pause = undefined;
        resolve();
      };
      this.pause = { timer: this.deps.clock.setTimeout(wake, 0), wake };
    });
  }
}
