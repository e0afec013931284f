import type { Clock } from '../../base/common/clock';
import { VmsError } from '../../base/common/errors';
import type { SiteKeys } from '../../security/node/siteKeys';
import type { EvidenceLock, StorageConfig } from '../common/storageConfig';
import type { ArchiverHooks } from './archiver';
import { Archiver } from './archiver';
import type { StatFs } from './freeSpaceGuard';
import { FreeSpaceGuard, nodeStatFs } from './freeSpaceGuard';
import type { MediaDb } from './mediaDb';
import { asVmsError, Retention } from './retention';
import type { StorageHandle } from './storageHandle';
import { StorageMaintenanceEvents } from './storageMaintenanceEvents';

export interface StorageMaintenanceOptions {
  db: MediaDb;
  clock: Clock;
  /** Read at every pass, so configuration changes apply without a restart. */
  storages: () => StorageConfig[];
  handles: (storageId: string) => StorageHandle;
  locks: () => EvidenceLock[];
  keys: SiteKeys;
  statfs?: StatFs;
  /** Seconds between retention and free-space passes; archiving follows each storage's own schedule. */
  intervalSeconds?: number;
  /** Crash-test seams of the archiver. */
  archiverHooks?: ArchiverHooks;
}

export interface MaintenancePass {
  deleted: number[];
  archived: number[];
  /** Storages below minFreeBytes with nothing left to delete. */
  full: string[];
  garbageRemoved: number;
}

/**
 * The recording server's storage upkeep: every interval it finishes the garbage list,
 * enforces retention and size limits (archiving when a storage's archive schedule is due)
 * and guards free disk space. Passes never overlap, which the archiver's crash protocol
 * relies on (garbage collection must not meet a move in progress).
 */
export class StorageMaintenance {
  private readonly events = new StorageMaintenanceEvents();
  readonly onDidDeleteRecordings = this.events.onDidDeleteRecordings;
  readonly onDidArchive = this.events.onDidArchive;
  readonly onStorageFull = this.events.onStorageFull;
  readonly onStorageRecovered = this.events.onStorageRecovered;
  readonly onDidFail = this.events.onDidFail;

  private readonly retention: Retention;
  private readonly guard: FreeSpaceGuard;
  /** Monotonic ms at which each storage's archiving is next due; absent = due now. */
  private readonly nextArchiveAt = new Map<string, number>();
  private timer: { cancel(): void } | undefined;
  private running: Promise<void> | undefined;
  private disposed = false;

  constructor(private readonly o: StorageMaintenanceOptions) {
    const { db, clock, handles, locks, keys } = o;
    const archiver = new Archiver({ db, keys, handles, hooks: o.archiverHooks });
    this.retention = new Retention({ db, clock, locks, handles, archiver, events: this.events });
    this.guard = new FreeSpaceGuard({ db, clock, locks, handles, events: this.events, statfs: o.statfs ?? nodeStatFs });
  }

  /** Starts the periodic passes (the first after one interval). */
  start(): void {
    if (this.disposed || this.timer) return;
    this.timer = this.o.clock.setTimeout(() => {
      this.timer = undefined;
      if (this.running) return this.start();
      // The next timer is set inside the tracked pass, so whenIdle() returns with it already set.
      void this.track(this.pass(false).finally(() => this.start()));
    }, (this.o.intervalSeconds ?? 60) * 1000);
  }

  isStorageFull(storageId: string): boolean {
    return this.guard.isFull(storageId);
  }

  /** Resolves when no pass is running (a timer may start the next one later). */
  async whenIdle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** One full pass now, archiving every storage that has a stage regardless of its schedule. */
  async runOnce(): Promise<MaintenancePass> {
    if (this.disposed) throw new VmsError('VMS_ERR_CONFLICT', 'storage maintenance is disposed');
    await this.whenIdle();
    const p = this.pass(true);
    void this.track(p);
    return p;
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.timer?.cancel();
    this.timer = undefined;
    await this.whenIdle();
    this.events.dispose();
  }

  /** Marks `p` as the running pass until it settles; the returned promise never rejects. */
  private track(p: Promise<unknown>): Promise<void> {
    const settled: Promise<void> = p.then(
      () => undefined,
      (e: unknown) => this.events.fireFailed({ storageId: '', task: 'retention', error: asVmsError(e, '') }),
    ).finally(() => {
      if (this.running === settled) this.running = undefined;
    });
    this.running = settled;
    return settled;
  }

  private async pass(archiveAll: boolean): Promise<MaintenancePass> {
    const result: MaintenancePass = { deleted: [], archived: [], full: [], garbageRemoved: 0 };
    result.garbageRemoved = await this.retention.collectGarbage();
    const storages = this.o.storages();
    this.guard.retain(storages.map((s) => s.id));
    for (const storage of storages) {
      if (this.disposed) break;
      const now = this.o.clock.monotonic();
      const archiveDue = archiveAll || now >= (this.nextArchiveAt.get(storage.id) ?? now);
      try {
        const r = await this.retention.enforce(storage, { archiveAged: archiveDue });
        result.deleted.push(...r.deleted);
        result.archived.push(...r.archived);
        if (archiveDue && storage.archive) this.nextArchiveAt.set(storage.id, now + storage.archiveEveryMinutes * 60_000);
      } catch (e) {
        this.events.fireFailed({ storageId: storage.id, task: 'retention', error: asVmsError(e, storage.id) });
      }
    }
    // After retention, which may already have freed enough.
    for (const storage of storages) {
      if (this.disposed) break;
      try {
        const g = await this.guard.check(storage);
        result.deleted.push(...g.deleted);
        if (g.full) result.full.push(storage.id);
      } catch (e) {
        this.events.fireFailed({ storageId: storage.id, task: 'freeSpace', error: asVmsError(e, storage.id) });
      }
    }
    return result;
  }
}
