import type { SystemEvent } from './systemEvent';
import type { EventSeverity, EventSource, VmsEventInput } from './vmsEvent';

/** What the mapping needs to know about the site beyond the event itself. */
export interface SystemEventContext {
  /** The recording server this process runs (the source of server and database events). */
  serverId: string;
  /** The storage a camera records to, when the camera still exists. */
  storageOfCamera(cameraId: string): string | undefined;
}

const SEVERITY: Record<SystemEvent['severity'], EventSeverity> = { info: 'information', warning: 'warning', error: 'error' };

/** Recorder failures that mean the disk under it is failing, not the camera. */
const STORAGE_FAILURE_CODES = new Set(['VMS_ERR_STORAGE_IO', 'VMS_ERR_STORAGE_READ_ONLY']);

/**
 * Turns an event of the recording server's event log into an event-server event, or undefined
 * for those no rule reacts to (recordings deleted or archived by upkeep: routine, and many).
 */
export function fromSystemEvent(e: SystemEvent, ctx: SystemEventContext): VmsEventInput | undefined {
  const base = { severity: SEVERITY[e.severity], message: e.message, at: e.at, ...(e.code ? { code: e.code } : {}) };
  const camera = (id: string): EventSource => ({ kind: 'camera', id });
  const storage = (id: string): EventSource => ({ kind: 'storage', id });
  const server: EventSource = { kind: 'server', id: ctx.serverId };
  switch (e.type) {
    case 'motionStarted': case 'motionStopped': case 'connectionLost': case 'connectionRestored':
    case 'recordingStarted': case 'recordingStopped': case 'recordingRequested': case 'recordingRequestEnded':
      return e.cameraId ? { ...base, type: e.type, source: camera(e.cameraId) } : undefined;
    case 'storageFull':
      return e.storageId ? { ...base, type: 'storageFull', source: storage(e.storageId) } : undefined;
    case 'storageRecovered':
      return e.storageId ? { ...base, type: 'storageAvailable', source: storage(e.storageId) } : undefined;
    case 'storageUnavailable':
      return e.storageId ? { ...base, type: 'storageUnavailable', source: storage(e.storageId) } : undefined;
    case 'recordingFailed': {
      // A camera's recorder failing on its disk is the storage's failure, told once per recorder retry.
      if (!e.cameraId || !e.code || !STORAGE_FAILURE_CODES.has(e.code)) return undefined;
      const storageId = e.storageId ?? ctx.storageOfCamera(e.cameraId);
      return storageId ? { ...base, type: 'storageUnavailable', source: storage(storageId), data: { cameraId: e.cameraId } } : undefined;
    }
    case 'archivingFailed':
      return { ...base, type: 'archivingFailed', source: e.storageId ? storage(e.storageId) : server };
    case 'serverStarted': case 'serverStopped': case 'databaseRepaired':
      return { ...base, type: e.type, source: server };
    case 'recordingsDeleted': case 'recordingsArchived':
      return undefined;
  }
}
