/**
 * What the rule editor offers: events with their category and end event, and actions with
 * the fields each takes. The renderer may take only types from vms-core, so the catalogue is
 * written out here as records keyed by the model's types: a new event or action type in the
 * model fails the typecheck until it is named here. The site checks every rule anyway.
 */
import type { EventType, RecordingMode, RuleActionType } from '@nightjar/vms-core';

export type EventCategory = 'device' | 'system' | 'userDefined' | 'generic' | 'analytics';
/** What a trigger's sources are, by event. */
export type SourceKind = 'camera' | 'input' | 'output' | 'hardware' | 'storage' | 'server' | 'none';

interface EventInfo {
  label: string;
  category: EventCategory;
  sources: SourceKind;
  /** The event ending it from the same source (stop actions may run on it). */
  end?: EventType;
  /** The site cannot raise it yet. */
  unsupported?: true;
}

export const EVENTS: Record<EventType, EventInfo> = {
  motionStarted: { label: 'Motion started', category: 'device', sources: 'camera', end: 'motionStopped' },
  motionStopped: { label: 'Motion stopped', category: 'device', sources: 'camera' },
  connectionLost: { label: 'Connection lost', category: 'device', sources: 'camera', end: 'connectionRestored' },
  connectionRestored: { label: 'Connection restored', category: 'device', sources: 'camera' },
  recordingStarted: { label: 'Recording started', category: 'device', sources: 'camera', end: 'recordingStopped' },
  recordingStopped: { label: 'Recording stopped', category: 'device', sources: 'camera' },
  recordingRequested: { label: 'Recording requested', category: 'device', sources: 'camera', end: 'recordingRequestEnded' },
  recordingRequestEnded: { label: 'Recording request ended', category: 'device', sources: 'camera' },
  inputActivated: { label: 'Input activated', category: 'device', sources: 'input', end: 'inputDeactivated' },
  inputDeactivated: { label: 'Input deactivated', category: 'device', sources: 'input' },
  outputActivated: { label: 'Output activated', category: 'device', sources: 'output', end: 'outputDeactivated' },
  outputDeactivated: { label: 'Output deactivated', category: 'device', sources: 'output' },
  deviceEvent: { label: 'Device event (ONVIF)', category: 'device', sources: 'hardware' },
  serverStarted: { label: 'Server started', category: 'system', sources: 'server', end: 'serverStopped' },
  serverStopped: { label: 'Server stopped', category: 'system', sources: 'server' },
  storageFull: { label: 'Storage full', category: 'system', sources: 'storage', end: 'storageAvailable' },
  storageAvailable: { label: 'Storage available', category: 'system', sources: 'storage' },
  storageUnavailable: { label: 'Storage unavailable', category: 'system', sources: 'storage' },
  archivingFailed: { label: 'Archiving failed', category: 'system', sources: 'storage' },
  databaseRepaired: { label: 'Database repaired', category: 'system', sources: 'server' },
  userDefined: { label: 'User-defined event', category: 'userDefined', sources: 'none' },
  generic: { label: 'Generic event', category: 'generic', sources: 'none' },
  analytics: { label: 'Analytics event', category: 'analytics', sources: 'none' },
};

export const EVENT_TYPE_LIST = Object.keys(EVENTS) as EventType[];

export const EVENT_GROUPS: readonly { label: string; category: EventCategory }[] = [
  { label: 'Devices', category: 'device' },
  { label: 'System', category: 'system' },
  { label: 'User-defined', category: 'userDefined' },
  { label: 'Generic', category: 'generic' },
  { label: 'Analytics', category: 'analytics' },
];

/** Recording modes as the rule sentence names them ("from cameras in recording mode Motion"); keyed by the model's modes. */
export const RECORDING_MODE_LABELS: Record<RecordingMode, string> = { always: 'Always', motion: 'Motion', event: 'Event', manual: 'Manual', never: 'Never' };
export const RECORDING_MODE_LIST = Object.keys(RECORDING_MODE_LABELS) as RecordingMode[];

/**
 * Whether "the event's camera" means something for the event: a camera's own events, a
 * hardware unit's events (which may name one of its cameras) and analytics sources that watch
 * one; not inputs, outputs, storages or servers (the site refuses it there).
 */
export function eventHasCamera(type: EventType): boolean {
  const info = EVENTS[type];
  return info.sources === 'camera' || info.sources === 'hardware' || info.category === 'analytics';
}

export function isEventType(value: string): value is EventType {
  return Object.hasOwn(EVENTS, value);
}

/** The fields an action takes besides `type` (mirrors the site's check in ruleValidation.ts). */
export type ActionField =
  | 'cameras' | 'preSeconds' | 'postSeconds' | 'header' | 'description' | 'userDefinedEventId' | 'cameraId' | 'presetToken' | 'message' | 'notificationProfileId'
  | 'outputId' | 'state';

interface ActionInfo {
  label: string;
  /** Verb phrase in the rule sentence. */
  phrase: string;
  fields: readonly ActionField[];
  /** Where it may go: start actions, stop actions, or both. */
  place: 'start' | 'stop' | 'both';
  unsupported?: true;
}

export const ACTIONS: Record<RuleActionType, ActionInfo> = {
  startRecording: { label: 'Start recording', phrase: 'start recording', fields: ['cameras', 'preSeconds'], place: 'start' },
  stopRecording: { label: 'Stop recording', phrase: 'stop recording', fields: ['cameras', 'postSeconds'], place: 'stop' },
  createBookmark: { label: 'Create bookmark', phrase: 'create a bookmark', fields: ['cameras', 'header', 'description', 'preSeconds', 'postSeconds'], place: 'both' },
  triggerUserDefinedEvent: { label: 'Trigger user-defined event', phrase: 'trigger', fields: ['userDefinedEventId'], place: 'both' },
  gotoPtzPreset: { label: 'Go to PTZ preset', phrase: 'move', fields: ['cameraId', 'presetToken'], place: 'both' },
  writeRuleLog: { label: 'Write to the rule log', phrase: 'write to the rule log', fields: ['message'], place: 'both' },
  startFeed: { label: 'Start feed', phrase: 'start the feed', fields: ['cameras'], place: 'start' },
  stopFeed: { label: 'Stop feed', phrase: 'stop the feed', fields: ['cameras'], place: 'stop' },
  setOutput: { label: 'Set output', phrase: 'set output', fields: ['outputId', 'state'], place: 'both' },
  sendNotification: { label: 'Send notification', phrase: 'send a notification', fields: ['notificationProfileId'], place: 'both' },
  retrieveRemoteRecordings: { label: 'Retrieve remote recordings', phrase: 'retrieve remote recordings', fields: ['cameras'], place: 'both', unsupported: true },
  showOnSmartWall: { label: 'Show on Smart Wall', phrase: 'show on a Smart Wall', fields: ['cameras'], place: 'both', unsupported: true },
};

export const ACTION_TYPE_LIST = Object.keys(ACTIONS) as RuleActionType[];

/** Actions the editor offers in a list: supported ones that may go there. */
export function actionChoices(place: 'start' | 'stop'): RuleActionType[] {
  return ACTION_TYPE_LIST.filter((t) => !ACTIONS[t].unsupported && (ACTIONS[t].place === 'both' || ACTIONS[t].place === place));
}

export function isActionType(value: string): value is RuleActionType {
  return Object.hasOwn(ACTIONS, value);
}
