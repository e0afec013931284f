import { Type } from 'typebox';
import type { Static } from 'typebox';
import { EVENT_TYPES } from '../../events/common/vmsEvent';
import { RECORDING_MODES } from '../../recording/common/recordingPolicy';
import { RULE_ACTION_TYPES, RULE_LIMITS, UNSUPPORTED_ACTION_TYPES } from '../../rules/common/rule';

/**
 * Shapes of the rules API. An action is one object whose `type` says which of its fields
 * apply; the schema lists every field as optional and the rule check (rules/common/
 * ruleValidation.ts) says, naming the field, what a type needs or does not take — clearer
 * than a schema union's "must match one of" would be.
 */

const L = RULE_LIMITS;
const DateTime = Type.String({ format: 'date-time' });

export const CameraTargetSchema = Type.Object({
  kind: Type.Union([Type.Literal('cameras'), Type.Literal('allCameras'), Type.Literal('eventSource')], {
    description: 'cameras: those in cameraIds; allCameras: every enabled camera; eventSource: the camera that raised the event',
  }),
  cameraIds: Type.Optional(Type.Array(Type.String(), { maxItems: 1000 })),
}, { additionalProperties: false });

const supported = RULE_ACTION_TYPES.filter((t) => !UNSUPPORTED_ACTION_TYPES.has(t));
export const RuleActionSchema = Type.Object({
  type: Type.String({
    description: `one of ${RULE_ACTION_TYPES.join(', ')}; this site performs ${supported.join(', ')} (the others are refused as not supported yet)`,
  }),
  cameras: Type.Optional(CameraTargetSchema),
  preSeconds: Type.Optional(Type.Number({ description: 'startRecording (0-300, as far as the camera\'s pre-buffer reaches; absent: the camera\'s pre-buffer), createBookmark' })),
  postSeconds: Type.Optional(Type.Number({ description: 'stopRecording (0-3600; absent: the camera\'s post-buffer), createBookmark' })),
  header: Type.Optional(Type.String({ description: 'createBookmark' })),
  description: Type.Optional(Type.String({ description: 'createBookmark' })),
  userDefinedEventId: Type.Optional(Type.String({ description: 'triggerUserDefinedEvent' })),
  cameraId: Type.Optional(Type.String({ description: 'gotoPtzPreset' })),
  presetToken: Type.Optional(Type.String({ description: 'gotoPtzPreset' })),
  message: Type.Optional(Type.String({ description: 'writeRuleLog' })),
  outputId: Type.Optional(Type.String({ description: 'setOutput' })),
  state: Type.Optional(Type.Union([Type.Literal('on'), Type.Literal('off')], { description: 'setOutput' })),
  notificationProfileId: Type.Optional(Type.String({ description: 'sendNotification' })),
  smartWallId: Type.Optional(Type.String({ description: 'showOnSmartWall' })),
}, { additionalProperties: false });

export const EventTriggerSchema = Type.Object({
  type: Type.String({ description: `the event: ${EVENT_TYPES.join(', ')}` }),
  definitionId: Type.Optional(Type.String({ description: 'for userDefined and generic: which one; for analytics: the analytics source' })),
  sourceIds: Type.Optional(Type.Array(Type.String(), { description: 'cameras (camera events), inputs, outputs or hardware (their events), storages or recording servers the rule listens to; absent: any' })),
  ruleName: Type.Optional(Type.String({ description: 'for analytics: only events of the source\'s analytics rule of this name (case-insensitive); absent: any' })),
  recordingModes: Type.Optional(Type.Array(Type.Enum([...RECORDING_MODES]), {
    description: 'for camera events: only from cameras whose recording mode is one of these, read at each event; absent: any camera',
  })),
}, { additionalProperties: false });

export const StopTriggerSchema = Type.Object({
  kind: Type.Union([Type.Literal('endEvent'), Type.Literal('after')], { description: 'endEvent: the end event of the trigger from the same source (motionStopped for motionStarted...); after: `seconds` later' }),
  seconds: Type.Optional(Type.Number()),
}, { additionalProperties: false });

const Actions = Type.Array(RuleActionSchema, { maxItems: L.maxActions });
export const ruleFields = {
  name: Type.String({ minLength: 1, maxLength: L.nameMaxLength }),
  description: Type.String({ maxLength: L.descriptionMaxLength }),
  enabled: Type.Boolean(),
  timeProfileId: Type.String({ description: 'the rule acts only while this time profile is on; absent: always' }),
  trigger: EventTriggerSchema,
  actions: Actions,
  stop: StopTriggerSchema,
  stopActions: Actions,
};

export const CreateRuleRequest = Type.Object({
  kind: Type.Union([Type.Literal('event'), Type.Literal('time')], { description: 'event: "on trigger perform actions"; time: "within the time profile (or always) perform actions"' }),
  name: ruleFields.name,
  description: Type.Optional(ruleFields.description),
  enabled: Type.Optional(ruleFields.enabled),
  timeProfileId: Type.Optional(ruleFields.timeProfileId),
  trigger: Type.Optional(ruleFields.trigger),
  actions: ruleFields.actions,
  stop: Type.Optional(ruleFields.stop),
  stopActions: Type.Optional(ruleFields.stopActions),
}, { additionalProperties: false });

export const UpdateRuleRequest = Type.Object({
  kind: Type.Optional(Type.Union([Type.Literal('event'), Type.Literal('time')])),
  name: Type.Optional(ruleFields.name),
  description: Type.Optional(ruleFields.description),
  enabled: Type.Optional(ruleFields.enabled),
  // One schema with both types, not a union: the validator would coerce null into the string branch ("").
  timeProfileId: Type.Optional(Type.Unsafe<string | null>({ type: ['string', 'null'], description: 'the time profile; null: always' })),
  trigger: Type.Optional(Type.Union([ruleFields.trigger, Type.Null()], { description: 'null when changing to a time rule' })),
  actions: Type.Optional(ruleFields.actions),
  stop: Type.Optional(Type.Union([ruleFields.stop, Type.Null()], { description: 'null removes it' })),
  stopActions: Type.Optional(ruleFields.stopActions),
}, { additionalProperties: false });

export const RuleSchema = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('event'), Type.Literal('time')]),
  ...ruleFields,
  timeProfileId: Type.Optional(ruleFields.timeProfileId),
  trigger: Type.Optional(ruleFields.trigger),
  stop: Type.Optional(ruleFields.stop),
  builtIn: Type.Optional(Type.String({ description: 'startFeedAlways, recordOnMotion or recordOnRequest: the default rule the site created this as; it runs, changes and deletes like any rule' })),
  createdAt: DateTime,
  updatedAt: DateTime,
});

export const RuleParams = Type.Object({ ruleId: Type.String() });

export type RuleBody = Static<typeof RuleSchema>;
export type CreateRuleBody = Static<typeof CreateRuleRequest>;
export type UpdateRuleBody = Static<typeof UpdateRuleRequest>;
export type RuleActionBody = Static<typeof RuleActionSchema>;
