import { join } from 'node:path';
import type { Clock } from '../../base/common/clock';
import { isVmsError } from '../../base/common/errors';
import type { VmsError } from '../../base/common/errors';
import { msTo90k } from '../../media/common/types';
import type { RecordingRow } from '../common/types';
import type { EvidenceLock, StorageConfig } from '../common/storageConfig';
import { lockProtects } from '../common/storageConfig';
import type { Archiver } from './archiver';
import { unlinkIfExists } from './archiver';
import type { MediaDb } from './mediaDb';
import { storageError } from './recordingWriter';
import type { StorageHandle } from './storageHandle';
import type { StorageMaintenanceEvents } from './storageMaintenanceEvents';

/** Rows read per query, so a storage with years of recordings is walked in bounded memory. */
const PAGE = 256;

export interface RetentionDeps {
  db: MediaDb;
  clock: Clock;
  locks: () => EvidenceLock[];
  handles: (storageId: string) => StorageHandle;
  archiver: Archiver;
  events: StorageMaintenanceEvents;
}

export interface RetentionResult {
  deleted: number[];
  archived: number[];
}

export function isLocked(r: RecordingRow, locks: readonly EvidenceLock[], nowMs: number): boolean {
  const end = r.end90k ?? Number.MAX_SAFE_INTEGER;
  return locks.some((l) => lockProtects(l, r.cameraId, r.start90k, end, nowMs));
}

export function asVmsError(e: unknown, storageId: string): VmsError {
  return isVmsError(e) ? e : storageError(e, storageId);
}

/**
 * Deletes recordings of one storage: forgotten (and listed as garbage) in one transaction,
 * then unlinked and unlisted. A file that cannot be unlinked stays listed for collectGarbage.
 * The evidence locks are read here, in the same synchronous step as the forgetting: a lock
 * created while a long pass was running still protects. Returns the rows actually deleted.
 */
export async function deleteRecordings(
  db: MediaDb, storage: StorageHandle, candidates: readonly RecordingRow[], locks: () => readonly EvidenceLock[], nowMs: number,
): Promise<RecordingRow[]> {
  const current = locks();
  const rows = candidates.filter((r) => !isLocked(r, current, nowMs));
  if (rows.length === 0) return rows;
  db.forgetRecordings(rows.map((r) => r.id));
  let failure: unknown;
  for (const r of rows) {
    try {
      await unlinkIfExists(join(storage.root, r.path));
      db.removeGarbage(storage.id, r.path);
    } catch (e) {
      failure ??= e;
    }
  }
  // The recordings are gone from the index either way; report the first unlink failure.
  if (failure !== undefined) throw failure;
  return rows;
}

/**
 * Retention of each storage: recordings older than retentionHours leave it (to its archive
 * stage, else deleted); a storage above maxBytes loses its oldest recordings the same way.
 * A recording under an active evidence lock is never deleted; it may be archived, intact.
 */
export class Retention {
  constructor(private readonly deps: RetentionDeps) {}

  /** `archiveAged: false` leaves aged recordings for the storage's archive schedule. */
  async enforce(storage: StorageConfig, o: { archiveAged?: boolean } = {}): Promise<RetentionResult> {
    const { db, clock } = this.deps;
    const result: RetentionResult = { deleted: [], archived: [] };
    const now = clock.now();
    const locks = this.deps.locks();
    const handle = this.deps.handles(storage.id);

    if (!storage.archive || o.archiveAged !== false) {
      const cutoff = msTo90k(now - storage.retentionHours * 3_600_000);
      await this.walk(storage.id, cutoff, async (page) => {
        const { doomed, halted } = await this.archiveOrPick(storage, page, locks, now, result);
        await this.delete(handle, doomed, 'retention', result);
        return !halted;
      });
    }

    let bytes = db.storageBytes(storage.id);
    if (bytes > storage.maxBytes) {
      await this.walk(storage.id, undefined, async (page) => {
        const over: RecordingRow[] = [];
        for (const r of page) {
          if (bytes <= storage.maxBytes) break;
          // A locked recording stays (unless it can move) and frees nothing; the next one goes instead.
          if (storage.archive || !isLocked(r, locks, now)) bytes -= r.fileBytes;
          over.push(r);
        }
        const { doomed, halted } = await this.archiveOrPick(storage, over, locks, now, result);
        await this.delete(handle, doomed, 'size', result);
        return !halted && bytes > storage.maxBytes;
      });
    }
    return result;
  }

  /** Finishes deletions a crash or an I/O error left on the garbage list. */
  async collectGarbage(): Promise<number> {
    let removed = 0;
    for (const g of this.deps.db.garbage()) {
      try {
        await unlinkIfExists(join(this.deps.handles(g.storageId).root, g.path));
        this.deps.db.removeGarbage(g.storageId, g.path);
        removed++;
      } catch (e) {
        this.deps.events.fireFailed({ storageId: g.storageId, task: 'garbage', error: asVmsError(e, g.storageId) });
      }
    }
    return removed;
  }

  /** Calls `visit` with pages of closed recordings, oldest first, while it returns true. */
  private async walk(storageId: string, endBefore90k: number | undefined, visit: (page: RecordingRow[]) => Promise<boolean>): Promise<void> {
    let after: { start90k: number; id: number } | undefined;
    for (;;) {
      const page = this.deps.db.oldestRecordings(storageId, { limit: PAGE, endBefore90k, after });
      const last = page.at(-1);
      if (!last || !(await visit(page)) || page.length < PAGE) return;
      after = { start90k: last.start90k, id: last.id };
    }
  }

  /** Archives `rows` when the storage has a stage; otherwise returns the unlocked ones to delete. */
  private async archiveOrPick(
    storage: StorageConfig, rows: RecordingRow[], locks: EvidenceLock[], now: number, result: RetentionResult,
  ): Promise<{ doomed: RecordingRow[]; halted: boolean }> {
    const stage = storage.archive;
    if (!stage) return { doomed: rows.filter((r) => !isLocked(r, locks, now)), halted: false };
    const moved: number[] = [];
    let halted = false;
    for (const r of rows) {
      try {
        // Grooming would drop frames of evidence: a locked recording moves whole.
        // Locks are read again per move: one created during a long pass still protects.
        await this.deps.archiver.archive(r.id, stage.storageId, isLocked(r, this.deps.locks(), now) ? undefined : stage.grooming);
        moved.push(r.id);
      } catch (e) {
        const error = asVmsError(e, stage.storageId);
        this.deps.events.fireFailed({ storageId: storage.id, task: 'archive', recordingId: r.id, error });
        // A damaged recording is skipped; an unavailable or full target stops this pass.
        if (!isVmsError(error, 'VMS_ERR_DATA_CORRUPT')) {
          halted = true;
          break;
        }
      }
    }
    this.deps.events.fireArchived({ from: storage.id, to: stage.storageId, ids: moved });
    result.archived.push(...moved);
    return { doomed: [], halted };
  }

  private async delete(handle: StorageHandle, candidates: RecordingRow[], reason: 'retention' | 'size', result: RetentionResult): Promise<void> {
    if (candidates.length === 0) return;
    let rows = candidates;
    try {
      rows = await deleteRecordings(this.deps.db, handle, candidates, this.deps.locks, this.deps.clock.now());
    } catch (e) {
      this.deps.events.fireFailed({ storageId: handle.id, task: 'retention', error: asVmsError(e, handle.id) });
    }
    const ids = rows.map((r) => r.id);
    this.deps.events.fireDeleted({ storageId: handle.id, ids, reason });
    result.deleted.push(...ids);
  }
}
