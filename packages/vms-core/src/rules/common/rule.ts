/**
 * Rules: what the site does when something happens, read as a sentence.
 * - event rule: "on EVENT from SOURCES [within TIME PROFILE] perform ACTIONS
 *   [and on the matching end event (or after N seconds) perform STOP ACTIONS]";
 * - time rule: "within TIME PROFILE (or always) perform ACTIONS, and at its end STOP ACTIONS".
 * Pure, so the Management Client's rule editor builds and checks the same shapes
 * (validation: ruleValidation.ts; built-in rules: defaultRules.ts).
 */
import type { EventType, VmsEvent } from '../../events/common/vmsEvent';
import { eventCameraId } from '../../events/common/vmsEvent';
import type { RecordingMode } from '../../recording/common/recordingPolicy';

/** Cameras an action works on: listed ones, every camera of the site, or the camera that raised the event. */
export type CameraTarget = { kind: 'cameras'; cameraIds: string[] } | { kind: 'allCameras' } | { kind: 'eventSource' };

export type RuleAction =
  /**
   * Records from `preSeconds` before (as far as the camera's pre-buffer reaches) until stopped;
   * without preSeconds, from the camera's own pre-buffer (its recording policy).
   */
  | { type: 'startRecording'; cameras: CameraTarget; preSeconds?: number }
  /** Ends what this rule's startRecording began, `postSeconds` later (absent: the camera's post-buffer). A stop action. */
  | { type: 'stopRecording'; cameras: CameraTarget; postSeconds?: number }
  | { type: 'createBookmark'; cameras: CameraTarget; header: string; description: string; preSeconds: number; postSeconds: number }
  | { type: 'triggerUserDefinedEvent'; userDefinedEventId: string }
  | { type: 'gotoPtzPreset'; cameraId: string; presetToken: string }
  | { type: 'writeRuleLog'; message: string }
  /** Mails the notification profile (notifications/): queued, so the rule never waits for the SMTP server. */
  | { type: 'sendNotification'; notificationProfileId: string }
  /** Keeps the cameras connected (recording server feed; "all cameras" includes cameras added later) until stopFeed. */
  | { type: 'startFeed'; cameras: CameraTarget }
  /** Ends what this rule's startFeed began. A stop action. */
  | { type: 'stopFeed'; cameras: CameraTarget }
  /**
   * Switches an output of a hardware unit (its relay) on or off. As a stop action it returns the
   * output to the other state (validation refuses one that would set what the actions set).
   */
  | { type: 'setOutput'; outputId: string; state: 'on' | 'off' }
  // Actions the model holds for what is coming; validation refuses them until the site can perform them.
  | { type: 'retrieveRemoteRecordings'; cameras: CameraTarget }
  | { type: 'showOnSmartWall'; smartWallId: string; cameras: CameraTarget };

export type RuleActionType = RuleAction['type'];

export const RULE_ACTION_TYPES: readonly RuleActionType[] = [
  'startRecording', 'stopRecording', 'createBookmark', 'triggerUserDefinedEvent', 'gotoPtzPreset', 'writeRuleLog',
  'startFeed', 'stopFeed', 'setOutput', 'sendNotification', 'retrieveRemoteRecordings', 'showOnSmartWall',
];

/** Action types in the model that this site cannot perform yet (no seam in the recording server or no service). */
export const UNSUPPORTED_ACTION_TYPES: ReadonlySet<RuleActionType> = new Set([
  'retrieveRemoteRecordings', 'showOnSmartWall',
]);

export interface EventTrigger {
  type: EventType;
  /** For user-defined, generic and analytics events: which definition (for analytics, the analytics source). */
  definitionId?: string;
  /** Ids of the sources (cameras, inputs, outputs, hardware, storages, servers) the rule listens to; absent: any. */
  sourceIds?: string[];
  /** For analytics events: only those of the source's analytics rule of this name (case-insensitive); absent: any. */
  ruleName?: string;
  /**
   * For device events: only from cameras whose recording mode is one of these; absent: any.
   * How the default rules follow each camera's recording policy ("Record on motion" listens to
   * cameras in mode motion), read when the event arrives, so changing a camera's mode needs no
   * rule change.
   */
  recordingModes?: RecordingMode[];
}

/** A camera's recording mode now (undefined: no such camera), for triggers with recordingModes. */
export type RecordingModeOf = (cameraId: string) => RecordingMode | undefined;

/** Whether the event is one the trigger names: its type, definition, (when listed) source, analytics rule and camera mode. */
export function eventMatchesTrigger(t: EventTrigger, e: Pick<VmsEvent, 'type' | 'definitionId' | 'source' | 'analytics' | 'data'>, modeOf?: RecordingModeOf): boolean {
  if (t.type !== e.type || (t.definitionId !== undefined && t.definitionId !== e.definitionId)) return false;
  if (t.sourceIds !== undefined && !t.sourceIds.includes(e.source.id)) return false;
  if (t.ruleName !== undefined && t.ruleName.toLowerCase() !== e.analytics?.ruleName.toLowerCase()) return false;
  if (t.recordingModes === undefined) return true;
  const camera = eventCameraId(e);
  const mode = camera === undefined ? undefined : modeOf?.(camera);
  return mode !== undefined && t.recordingModes.includes(mode);
}

/** When an event rule's stop actions run: on the trigger's end event from the same source, or a while after. */
export type StopTrigger = { kind: 'endEvent' } | { kind: 'after'; seconds: number };

interface RuleCommon {
  name: string;
  description: string;
  enabled: boolean;
  /** Named time profile (management's time profiles); absent: always. */
  timeProfileId?: string;
  actions: RuleAction[];
  stopActions: RuleAction[];
}

export interface EventRuleDefinition extends RuleCommon {
  kind: 'event';
  trigger: EventTrigger;
  /** Required when there are stop actions. */
  stop?: StopTrigger;
}

export interface TimeRuleDefinition extends RuleCommon {
  kind: 'time';
}

export type RuleDefinition = EventRuleDefinition | TimeRuleDefinition;

/** The default rules every new site starts with (defaultRules.ts). */
export const BUILT_IN_RULE_IDS = ['startFeedAlways', 'recordOnMotion', 'recordOnRequest'] as const;
export type BuiltInRuleId = (typeof BUILT_IN_RULE_IDS)[number];

export type Rule = RuleDefinition & {
  id: string;
  /** Which default rule this is, when the site created it (defaultRules.ts); it runs, changes and deletes like any other. */
  builtIn?: BuiltInRuleId;
  createdAt: number;
  updatedAt: number;
};

export const RULE_LIMITS = {
  nameMaxLength: 100,
  descriptionMaxLength: 1000,
  maxActions: 20,
  maxSources: 500,
  maxPreSeconds: 300,
  maxPostSeconds: 3600,
  maxStopAfterSeconds: 7 * 24 * 3600,
  maxMessageLength: 1000,
} as const;

/** The cameras a target names, given the event's camera (undefined when the event came from no camera). */
export function targetCameras(target: CameraTarget, eventCameraId: string | undefined, allCameraIds: () => string[]): string[] {
  if (target.kind === 'cameras') return target.cameraIds;
  if (target.kind === 'allCameras') return allCameraIds();
  return eventCameraId === undefined ? [] : [eventCameraId];
}
