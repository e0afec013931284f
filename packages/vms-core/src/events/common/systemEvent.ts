/** Device and system events raised by the servers. The event server (rules, alarms) builds on these. */
export type SystemEventType =
  | 'connectionLost'
  | 'connectionRestored'
  | 'recordingStarted'
  | 'recordingStopped'
  | 'recordingFailed'
  | 'recordingRequested'
  | 'recordingRequestEnded'
  | 'motionStarted'
  | 'motionStopped'
  | 'storageFull'
  | 'storageRecovered'
  | 'recordingsDeleted'
  | 'recordingsArchived'
  /** A storage's disk failed or went read-only under a recorder (the recorder retries). */
  | 'storageUnavailable'
  /** Moving recordings to an archive storage failed; they stay where they are until the next pass. */
  | 'archivingFailed'
  | 'serverStarted'
  | 'serverStopped'
  /** The start-up repair after a crash sealed or dropped recordings. */
  | 'databaseRepaired';

export interface SystemEvent {
  id: number;
  type: SystemEventType;
  /** Wall ms. */
  at: number;
  cameraId?: string;
  storageId?: string;
  severity: 'info' | 'warning' | 'error';
  message: string;
  /** Stable error code when the event reports a failure. */
  code?: string;
}
