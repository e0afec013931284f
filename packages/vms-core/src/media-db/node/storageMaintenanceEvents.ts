import type { VmsError } from '../../base/common/errors';
import type { Disposable } from '../../base/common/event';
import { Emitter } from '../../base/common/event';

export type DeleteReason = 'retention' | 'size' | 'freeSpace';

export interface RecordingsDeleted {
  storageId: string;
  ids: number[];
  reason: DeleteReason;
}

export interface RecordingsArchived {
  from: string;
  to: string;
  ids: number[];
}

export interface StorageFull {
  storageId: string;
  /** True when the storage still holds recordings but every one is under an evidence lock. */
  lockedOnly: boolean;
}

export interface StorageRecovered {
  storageId: string;
}

export interface MaintenanceFailed {
  storageId: string;
  /** What was being done: a pass keeps going with the next recording or storage. */
  task: 'retention' | 'archive' | 'freeSpace' | 'garbage';
  recordingId?: number;
  error: VmsError;
}

/**
 * The events of storage maintenance, shared by retention, the archiver and the free-space
 * guard so the service exposes one set without relaying. The recording server stops
 * recording on a storage at onStorageFull and resumes at onStorageRecovered.
 */
export class StorageMaintenanceEvents implements Disposable {
  private readonly deleted = new Emitter<RecordingsDeleted>();
  private readonly archived = new Emitter<RecordingsArchived>();
  private readonly full = new Emitter<StorageFull>();
  private readonly recovered = new Emitter<StorageRecovered>();
  private readonly failed = new Emitter<MaintenanceFailed>();

  readonly onDidDeleteRecordings = this.deleted.event;
  readonly onDidArchive = this.archived.event;
  readonly onStorageFull = this.full.event;
  readonly onStorageRecovered = this.recovered.event;
  readonly onDidFail = this.failed.event;

  fireDeleted(e: RecordingsDeleted): void {
    if (e.ids.length > 0) this.deleted.fire(e);
  }
  fireArchived(e: RecordingsArchived): void {
    if (e.ids.length > 0) this.archived.fire(e);
  }
  fireFull(e: StorageFull): void {
    this.full.fire(e);
  }
  fireRecovered(e: StorageRecovered): void {
    this.recovered.fire(e);
  }
  fireFailed(e: MaintenanceFailed): void {
    this.failed.fire(e);
  }

  dispose(): void {
    for (const e of [this.deleted, this.archived, this.full, this.recovered, this.failed]) e.dispose();
  }
}
