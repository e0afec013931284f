/**
 * The event server's model: every event a rule (or later an alarm) can react to, typed by what
 * happened, with where it came from, when, and which event ends it. Pure, so the clients' rule
 * editor shows the same catalogue the server runs.
 */

/**
 * Events a device raises: a camera (through the recording server), an input or output of a
 * hardware unit, or the hardware unit itself (any other ONVIF event it sends).
 */
export const DEVICE_EVENT_TYPES = [
  'motionStarted', 'motionStopped', 'connectionLost', 'connectionRestored', 'recordingStarted', 'recordingStopped',
  /** An operator or the API asked the camera to record (manual recording, an external recording event). */
  'recordingRequested',
  /** The operator stopped a manual recording. */
  'recordingRequestEnded',
  /** A digital input of a hardware unit went active / idle (source: the input device). */
  'inputActivated', 'inputDeactivated',
  /** A relay output of a hardware unit was switched on / off (source: the output device). */
  'outputActivated', 'outputDeactivated',
  /**
   * Any other event a hardware unit sends (an ONVIF notification): source the hardware, data.topic
   * the ONVIF topic, its other items in data, data.cameraId when it names one of the unit's cameras.
   */
  'deviceEvent',
] as const;
export type DeviceEventType = (typeof DEVICE_EVENT_TYPES)[number];

/** Events of the site itself: its servers, storages and databases. */
export const SYSTEM_EVENT_TYPES = [
  'serverStarted', 'serverStopped', 'storageFull', 'storageAvailable', 'storageUnavailable', 'archivingFailed', 'databaseRepaired',
] as const;
export type SystemEventKind = (typeof SYSTEM_EVENT_TYPES)[number];

/**
 * Events whose meaning an administrator defines: raised by operators or the API (user-defined),
 * by packets from outside systems (generic), or by analytics sources. One type each; the
 * definition's id says which one.
 */
export const DEFINED_EVENT_TYPES = ['userDefined', 'generic', 'analytics'] as const;
export type DefinedEventType = (typeof DEFINED_EVENT_TYPES)[number];

export type EventType = DeviceEventType | SystemEventKind | DefinedEventType;
export const EVENT_TYPES: readonly EventType[] = [...DEVICE_EVENT_TYPES, ...SYSTEM_EVENT_TYPES, ...DEFINED_EVENT_TYPES];

export type EventCategory = 'device' | 'system' | DefinedEventType;

export function eventCategory(type: EventType): EventCategory {
  if ((DEVICE_EVENT_TYPES as readonly string[]).includes(type)) return 'device';
  if ((SYSTEM_EVENT_TYPES as readonly string[]).includes(type)) return 'system';
  return type as DefinedEventType;
}

/**
 * Start events and the event that ends them, from the same source: a rule's stop actions run
 * on the end event. Defined events have no end event; their rules stop after a time instead.
 */
export const END_EVENT: Partial<Record<EventType, EventType>> = {
  motionStarted: 'motionStopped',
  connectionLost: 'connectionRestored',
  recordingStarted: 'recordingStopped',
  recordingRequested: 'recordingRequestEnded',
  storageFull: 'storageAvailable',
  serverStarted: 'serverStopped',
  inputActivated: 'inputDeactivated',
  outputActivated: 'outputDeactivated',
};

export function endEventOf(type: EventType): EventType | undefined {
  return END_EVENT[type];
}

/**
 * What raised an event; rules pick their sources by kind and id. An input or output is a device
 * of a hardware unit (its id is the device's id); a hardware source is the unit itself.
 */
export type EventSourceKind =
  | 'camera' | 'input' | 'output' | 'hardware' | 'storage' | 'server' | 'userDefinedEvent' | 'genericEvent' | 'analyticsSource';

const STORAGE_EVENT_TYPES: ReadonlySet<EventType> = new Set(['storageFull', 'storageAvailable', 'storageUnavailable', 'archivingFailed']);

const DEVICE_SOURCE_KINDS: Partial<Record<EventType, EventSourceKind>> = {
  inputActivated: 'input',
  inputDeactivated: 'input',
  outputActivated: 'output',
  outputDeactivated: 'output',
  deviceEvent: 'hardware',
};

/** What kind of source raises events of a type (the ids a trigger's sourceIds are). */
export function sourceKindOf(type: EventType): EventSourceKind {
  const category = eventCategory(type);
  if (category === 'device') return DEVICE_SOURCE_KINDS[type] ?? 'camera';
  if (category === 'system') return STORAGE_EVENT_TYPES.has(type) ? 'storage' : 'server';
  if (category === 'userDefined') return 'userDefinedEvent';
  return category === 'generic' ? 'genericEvent' : 'analyticsSource';
}

export interface EventSource {
  kind: EventSourceKind;
  id: string;
  /** For people reading logs; the id is what rules match. */
  name?: string;
}

/**
 * How an event came about when a rule caused it (a rule triggering a user-defined event): the
 * rules on the way, oldest first. The loop guard refuses an event whose chain would repeat a rule.
 */
export interface EventCause {
  ruleIds: string[];
}

export type EventSeverity = 'information' | 'warning' | 'error';

export interface VmsEvent {
  /** Increasing per event server, never reused while it runs. */
  id: number;
  type: EventType;
  /** Wall ms from the injected clock. */
  at: number;
  source: EventSource;
  /** For defined events: the definition raised (user-defined, generic or analytics event id). */
  definitionId?: string;
  severity: EventSeverity;
  message: string;
  /** Stable error code when the event reports a failure. */
  code?: string;
  /** What an outside system sent (the generic event's packet), or who triggered it. */
  data?: Record<string, string>;
  /** Present when a rule's action raised this event. */
  cause?: EventCause;
  /** For analytics events: what the analytics saw (events/common/analyticsEvent.ts). */
  analytics?: AnalyticsDetails;
}

/** An object an analytics rule detected; the box is in fractions of the picture (0..1, origin top left). */
export interface AnalyticsObject {
  type: string;
  /** 0..1 */
  confidence?: number;
  boundingBox?: { x: number; y: number; width: number; height: number };
}

/** Where an analytics event happened: a named place, optionally with a geographic position. */
export interface AnalyticsLocation {
  name: string;
  latitude?: number;
  longitude?: number;
}

export interface AnalyticsDetails {
  /** The analytics system's rule that fired ("Loitering", "Line crossing north"). */
  ruleName: string;
  objects: AnalyticsObject[];
  locations: AnalyticsLocation[];
  description?: string;
  /** When the analytics system says it happened (ms), if it said; `at` is when the site received it. */
  reportedAt?: number;
}

export type VmsEventInput = Omit<VmsEvent, 'id' | 'at'> & { at?: number };

/**
 * The camera an event is about: a camera event's source, the camera an analytics source
 * watches, or the camera a hardware unit's event names (motion of one of its video sources),
 * both in `data.cameraId`. Rules acting on "the event's camera" and the live event stream's
 * rights read this.
 */
export function eventCameraId(e: Pick<VmsEvent, 'type' | 'source' | 'data'>): string | undefined {
  if (e.source.kind === 'camera') return e.source.id;
  return e.type === 'analytics' || e.type === 'deviceEvent' ? e.data?.cameraId : undefined;
}

/** The key under which a start event waits for its end event: same type pair, same source. */
export function pairingKey(e: Pick<VmsEvent, 'source' | 'definitionId'>): string {
  return `${e.source.kind}:${e.source.id}:${e.definitionId ?? ''}`;
}
