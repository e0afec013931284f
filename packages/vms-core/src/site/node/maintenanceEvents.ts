import type { EventLog } from '../../events/node/eventLog';
import type { StorageMaintenance } from '../../media-db/node/storageMaintenance';
import type { RecordingServer } from '../../recording/node/recordingServer';

/**
 * Storage upkeep → recording server and system events: a storage that is full of data that may
 * not be deleted stops taking recordings until space comes back.
 */
export function connectMaintenanceEvents(m: StorageMaintenance, recording: RecordingServer, events: EventLog): void {
  m.onStorageFull(({ storageId, lockedOnly }) => {
    recording.setStorageBlocked(storageId, true);
    events.raise({
      type: 'storageFull', storageId, severity: 'error', code: 'VMS_ERR_STORAGE_FULL',
      message: lockedOnly
        ? `storage ${storageId}: disk nearly full and only evidence-locked recordings are left; recording stopped`
        : `storage ${storageId}: disk nearly full and nothing left to delete; recording stopped`,
    });
  });
  m.onStorageRecovered(({ storageId }) => {
    recording.setStorageBlocked(storageId, false);
    events.raise({ type: 'storageRecovered', storageId, severity: 'info', message: `storage ${storageId}: space available again; recording resumes` });
  });
  m.onDidDeleteRecordings(({ storageId, ids, reason }) =>
    events.raise({ type: 'recordingsDeleted', storageId, severity: reason === 'freeSpace' ? 'warning' : 'info', message: `storage ${storageId}: ${ids.length} recordings deleted (${reason})` }),
  );
  m.onDidArchive(({ from, to, ids }) =>
    events.raise({ type: 'recordingsArchived', storageId: from, severity: 'info', message: `${ids.length} recordings archived from ${from} to ${to}` }),
  );
  // Archiving failures are their own event (rules and the system log react to them); other upkeep failures stay recordingFailed.
  m.onDidFail(({ storageId, task, error }) =>
    events.raise({
      type: task === 'archive' ? 'archivingFailed' : 'recordingFailed', storageId, severity: 'error', code: error.code,
      message: `storage upkeep (${task}) of ${storageId || 'the site'}: ${error.message}`,
    }),
  );
}
