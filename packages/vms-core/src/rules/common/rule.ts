/**
 * Rules: what the site does when something happens, read as a sentence.
 * - event rule: "on EVENT from SOURCES [within TIME PROFILE] perform ACTIONS
 *   [and on the matching end event (or after N seconds) perform STOP ACTIONS]";
 * - time rule: "within TIME PROFILE (or always) perform ACTIONS, and at its end STOP ACTIONS".
 * Pure, so the Management Client's rule editor builds and checks the same shapes
 * (validation: ruleValidation.ts; built-in rules: defaultRules.ts).
 */
import type { EventType, VmsEvent } from '../../events/common/vmsEvent';

/** Cameras an action works on: listed ones, every camera of the site, or the camera that raised the event. */
export type CameraTarget = { kind: 'cameras'; cameraIds: string[] } | { kind: 'allCameras' } | { kind: 'eventSource' };

export type RuleAction =
  /** Records from `preSeconds` before (as far as the camera's pre-buffer reaches) until stopped. */
  | { type: 'startRecording'; cameras: CameraTarget; preSeconds: number }
  /** Ends what this rule's startRecording began, `postSeconds` later. A stop action. */
  | { type: 'stopRecording'; cameras: CameraTarget; postSeconds: number }
  | { type: 'createBookmark'; cameras: CameraTarget; header: string; description: string; preSeconds: number; postSeconds: number }
  | { type: 'triggerUserDefinedEvent'; userDefinedEventId: string }
  | { type: 'gotoPtzPreset'; cameraId: string; presetToken: string }
  | { type: 'writeRuleLog'; message: string }
  // Actions the model holds for what is coming; validation refuses them until the site can perform them.
  | { type: 'startFeed'; cameras: CameraTarget }
  | { type: 'stopFeed'; cameras: CameraTarget }
  | { type: 'setOutput'; outputId: string; state: 'on' | 'off' }
  | { type: 'sendNotification'; notificationProfileId: string }
  | { type: 'retrieveRemoteRecordings'; cameras: CameraTarget }
  | { type: 'showOnSmartWall'; smartWallId: string; cameras: CameraTarget };

export type RuleActionType = RuleAction['type'];

export const RULE_ACTION_TYPES: readonly RuleActionType[] = [
  'startRecording', 'stopRecording', 'createBookmark', 'triggerUserDefinedEvent', 'gotoPtzPreset', 'writeRuleLog',
  'startFeed', 'stopFeed', 'setOutput', 'sendNotification', 'retrieveRemoteRecordings', 'showOnSmartWall',
];

/** Action types in the model that this site cannot perform yet (no seam in the recording server or no service). */
export const UNSUPPORTED_ACTION_TYPES: ReadonlySet<RuleActionType> = new Set([
  'startFeed', 'stopFeed', 'setOutput', 'sendNotification', 'retrieveRemoteRecordings', 'showOnSmartWall',
]);

export interface EventTrigger {
  type: EventType;
  /** For user-defined, generic and analytics events: which definition. */
  definitionId?: string;
  /** Ids of the sources (cameras, storages, servers) the rule listens to; absent: any. */
  sourceIds?: string[];
}

/** Whether the event is one the trigger names: its type, definition and (when listed) source. */
export function eventMatchesTrigger(t: EventTrigger, e: Pick<VmsEvent, 'type' | 'definitionId' | 'source'>): boolean {
  return t.type === e.type && (t.definitionId === undefined || t.definitionId === e.definitionId) &&
    (t.sourceIds === undefined || t.sourceIds.includes(e.source.id));
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

/** Rules every new site has; the recording server carries them out through each camera's recording mode. */
export const BUILT_IN_RULE_IDS = ['startFeedAlways', 'recordOnMotion', 'recordOnRequest'] as const;
export type BuiltInRuleId = (typeof BUILT_IN_RULE_IDS)[number];

export type Rule = RuleDefinition & {
  id: string;
  /** Set for the built-in rules: they cannot be changed or deleted (see defaultRules.ts). */
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
