import type { StatsFs } from 'node:fs';
import { statfs } from 'node:fs/promises';
import type { Clock } from '../../base/common/clock';
import type { RecordingRow } from '../common/types';
import type { EvidenceLock, StorageConfig } from '../common/storageConfig';
import type { MediaDb } from './mediaDb';
import { asVmsError, deleteRecordings, isLocked } from './retention';
import type { StorageHandle } from './storageHandle';
import type { StorageMaintenanceEvents } from './storageMaintenanceEvents';

/** The part of fs.statfs the guard reads; tests inject a simulated disk. */
export type StatFs = (path: string) => Promise<Pick<StatsFs, 'bavail' | 'bsize'>>;

export const nodeStatFs: StatFs = (path) => statfs(path);

const PAGE = 256;

export interface FreeSpaceResult {
  freeBytes: number;
  deleted: number[];
  /** The storage is below minFreeBytes with nothing left to delete: recording must stop. */
  full: boolean;
}

/**
 * Keeps minFreeBytes free on each storage's disk, whatever else fills it: deletes the
 * storage's oldest unlocked recordings until enough is free, and when nothing deletable is
 * left reports the storage full (once, until it recovers) so the server stops recording
 * there instead of failing writes. Other storages on the same disk are left alone: each
 * guards its own recordings.
 */
export class FreeSpaceGuard {
  /** Storages reported full, with whether only locked recordings were left. */
  private readonly full = new Map<string, boolean>();

  constructor(private readonly deps: {
    db: MediaDb;
    clock: Clock;
    locks: () => EvidenceLock[];
    handles: (storageId: string) => StorageHandle;
    events: StorageMaintenanceEvents;
    statfs: StatFs;
  }) {}

  isFull(storageId: string): boolean {
    return this.full.has(storageId);
  }

  /** Drops the state of storages no longer configured. */
  retain(storageIds: readonly string[]): void {
    for (const id of [...this.full.keys()]) if (!storageIds.includes(id)) this.full.delete(id);
  }

  async check(storage: StorageConfig): Promise<FreeSpaceResult> {
    const { db, events } = this.deps;
    const handle = this.deps.handles(storage.id);
    let free = await this.freeBytes(handle.root);
    const deleted: number[] = [];
    const locks = this.deps.locks();
    const now = this.deps.clock.now();
    let after: RecordingRow | undefined;
    while (free < storage.minFreeBytes) {
      const page = db.oldestRecordings(storage.id, { limit: PAGE, after });
      if (page.length === 0) break;
      const batch: RecordingRow[] = [];
      let expected = free;
      for (const r of page) {
        after = r;
        if (isLocked(r, locks, now)) continue;
        batch.push(r);
        expected += r.fileBytes;
        if (expected >= storage.minFreeBytes) break;
      }
      if (batch.length === 0) continue;
      let gone = batch;
      try {
        gone = await deleteRecordings(db, handle, batch, this.deps.locks, now);
      } catch (e) {
        events.fireFailed({ storageId: storage.id, task: 'freeSpace', error: asVmsError(e, storage.id) });
      }
      deleted.push(...gone.map((r) => r.id));
      // The disk is the truth (other files, block rounding): measure again rather than trust sizes.
      free = await this.freeBytes(handle.root);
    }
    events.fireDeleted({ storageId: storage.id, ids: deleted, reason: 'freeSpace' });

    const wasFull = this.full.get(storage.id);
    if (free >= storage.minFreeBytes) {
      if (wasFull !== undefined) {
        this.full.delete(storage.id);
        events.fireRecovered({ storageId: storage.id });
      }
      return { freeBytes: free, deleted, full: false };
    }
    // Every unlocked closed recording is gone by now, so whatever closed one remains is locked.
    const lockedOnly = db.oldestRecordings(storage.id, { limit: 1 }).length > 0;
    if (wasFull !== lockedOnly) {
      this.full.set(storage.id, lockedOnly);
      events.fireFull({ storageId: storage.id, lockedOnly });
    }
    return { freeBytes: free, deleted, full: true };
  }

  private async freeBytes(root: string): Promise<number> {
    const s = await this.deps.statfs(root);
    return Number(s.bavail) * Number(s.bsize);
  }
}
