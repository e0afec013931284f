/** Device and system events raised by the servers. The event server (rules, alarms) builds on these. */
export type SystemEventType =
  | 'connectionLost'
  | 'connectionRestored'
  | 'recordingStarted'
  | 'recordingStopped'
  | 'recordingFailed'
  | 'motionStarted'
  | 'motionStopped'
  | 'storageFull'
  | 'storageRecovered'
  | 'recordingsDeleted'
  | 'recordingsArchived';

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
