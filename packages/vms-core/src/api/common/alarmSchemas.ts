import { Type } from 'typebox';
import type { Static } from 'typebox';
import { ALARM_LIMITS, ALARM_PRIORITY, ALARM_SOUNDS, ALARM_STATES } from '../../alarms/common/alarm';
import { EVENT_TYPES } from '../../events/common/vmsEvent';
import { EventTriggerSchema } from './ruleSchemas';

/**
 * Shapes of the alarm API (issue 6): alarm definitions (manage configuration) and alarms (the
 * users each definition shows them to). Model: alarms/common/alarm.ts; state changes:
 * alarms/common/alarmChanges.ts.
 */

const L = ALARM_LIMITS;
const DateTime = Type.String({ format: 'date-time' });
const Priority = Type.Integer({ minimum: ALARM_PRIORITY.highest, maximum: ALARM_PRIORITY.lowest, description: '1 (highest) to 5 (lowest)' });
const State = Type.Enum([...ALARM_STATES], { description: 'new → inProgress ⇄ onHold; any → closed (final); nothing returns to new' });

export const AlarmCloseSchema = Type.Object({
  type: Type.String({ description: `the event that closes open alarms: ${EVENT_TYPES.join(', ')}` }),
  definitionId: Type.Optional(Type.String({ description: 'for userDefined and generic: which one; for analytics: the analytics source' })),
  sourceIds: Type.Optional(Type.Array(Type.String(), { description: 'cameras, inputs, outputs, hardware, storages or servers it must come from; absent: any' })),
  // As a trigger's: an analytics rule ("Intrusion ended" closes what "Intrusion" raised), cameras in some recording modes.
  ruleName: EventTriggerSchema.properties.ruleName,
  recordingModes: EventTriggerSchema.properties.recordingModes,
  sameSource: Type.Optional(Type.Boolean({
    description: 'close only alarms raised by the source the close event comes from (default: when both events come from one kind of source: cameras, inputs, outputs, hardware, storages or servers); otherwise every open alarm of the definition',
  })),
}, { additionalProperties: false });

export const alarmDefinitionFields = {
  name: Type.String({ minLength: 1, maxLength: L.nameMaxLength }),
  description: Type.String({ maxLength: L.descriptionMaxLength }),
  enabled: Type.Boolean(),
  trigger: EventTriggerSchema,
  timeProfileId: Type.String({ description: 'alarms are raised only while this time profile is on; absent: always' }),
  priority: Priority,
  category: Type.String({ maxLength: L.categoryMaxLength, description: 'free text the alarm list filters by ("Intrusion", "Technical")' }),
  relatedCameraIds: Type.Array(Type.String(), { maxItems: L.maxRelatedCameras, description: 'shown with the alarm; the camera that raised it comes first anyway' }),
  instructions: Type.String({ maxLength: L.instructionsMaxLength, description: 'what the operator should do; copied into each alarm' }),
  roleIds: Type.Array(Type.String(), { minItems: 1, maxItems: L.maxRoles, description: 'roles whose members see and handle its alarms; administrators see every alarm' }),
  close: AlarmCloseSchema,
  sound: Type.Enum([...ALARM_SOUNDS], { description: 'played by the Smart Client for a new alarm' }),
};

export const AlarmDefinitionSchema = Type.Object({
  id: Type.String(),
  ...alarmDefinitionFields,
  timeProfileId: Type.Optional(alarmDefinitionFields.timeProfileId),
  close: Type.Optional(Type.Object({ ...AlarmCloseSchema.properties, sameSource: Type.Boolean() })),
  openAlarms: Type.Integer({ description: 'its alarms not closed yet (a definition with any cannot be deleted)' }),
  createdAt: DateTime,
  updatedAt: DateTime,
});

export const CreateAlarmDefinitionRequest = Type.Object({
  name: alarmDefinitionFields.name,
  description: Type.Optional(alarmDefinitionFields.description),
  enabled: Type.Optional(alarmDefinitionFields.enabled),
  trigger: alarmDefinitionFields.trigger,
  timeProfileId: Type.Optional(alarmDefinitionFields.timeProfileId),
  priority: Type.Optional(Type.Integer({ minimum: ALARM_PRIORITY.highest, maximum: ALARM_PRIORITY.lowest, description: '1 (highest) to 5 (lowest); default 3' })),
  category: Type.Optional(alarmDefinitionFields.category),
  relatedCameraIds: Type.Optional(alarmDefinitionFields.relatedCameraIds),
  instructions: Type.Optional(alarmDefinitionFields.instructions),
  roleIds: alarmDefinitionFields.roleIds,
  close: Type.Optional(alarmDefinitionFields.close),
  sound: Type.Optional(alarmDefinitionFields.sound),
}, { additionalProperties: false });

export const UpdateAlarmDefinitionRequest = Type.Object({
  name: Type.Optional(alarmDefinitionFields.name),
  description: Type.Optional(alarmDefinitionFields.description),
  enabled: Type.Optional(alarmDefinitionFields.enabled),
  trigger: Type.Optional(alarmDefinitionFields.trigger),
  // One schema with both types, not a union: the validator would coerce null into the string branch ("").
  timeProfileId: Type.Optional(Type.Unsafe<string | null>({ type: ['string', 'null'], description: 'the time profile; null: always' })),
  priority: Type.Optional(Priority),
  category: Type.Optional(alarmDefinitionFields.category),
  relatedCameraIds: Type.Optional(alarmDefinitionFields.relatedCameraIds),
  instructions: Type.Optional(alarmDefinitionFields.instructions),
  roleIds: Type.Optional(alarmDefinitionFields.roleIds),
  close: Type.Optional(Type.Union([alarmDefinitionFields.close, Type.Null()], { description: 'null: alarms are closed only by people' })),
  sound: Type.Optional(alarmDefinitionFields.sound),
}, { additionalProperties: false });

export const AlarmDefinitionParams = Type.Object({ alarmDefinitionId: Type.String() });

export const AlarmSchema = Type.Object({
  id: Type.Integer(),
  definitionId: Type.String(),
  definitionName: Type.String({ description: 'as it was when the alarm was raised' }),
  raisedAt: DateTime,
  updatedAt: DateTime,
  state: State,
  priority: Priority,
  category: Type.String(),
  source: Type.Object({
    kind: Type.String({ description: 'camera, input, output, hardware, storage, server, userDefinedEvent, genericEvent or analyticsSource' }),
    id: Type.Optional(Type.String({ description: 'absent when the source is a camera the caller may not see' })),
    name: Type.Optional(Type.String()),
  }),
  event: Type.Object({
    id: Type.Integer(), type: Type.String(), at: DateTime, message: Type.String(),
    definitionId: Type.Optional(Type.String()), data: Type.Optional(Type.Record(Type.String(), Type.String())),
  }, { description: 'the event that raised it' }),
  relatedCameraIds: Type.Array(Type.String(), { description: 'the cameras to show, of those the caller may see (the source camera first)' }),
  instructions: Type.String(),
  sound: Type.Enum([...ALARM_SOUNDS]),
  assigneeId: Type.Optional(Type.String()),
  assigneeName: Type.Optional(Type.String()),
  repeats: Type.Integer({ description: 'further triggering events counted into this alarm while its definition was flooding' }),
  closedAt: Type.Optional(DateTime),
});

export const AlarmDetailsSchema = Type.Object({
  ...AlarmSchema.properties,
  comments: Type.Array(Type.Object({ id: Type.Integer(), at: DateTime, userId: Type.String(), username: Type.String(), text: Type.String() })),
  history: Type.Array(Type.Object({
    id: Type.Integer(), at: DateTime,
    userId: Type.Optional(Type.String({ description: 'absent: the site did it (raised it, closed it on an event)' })),
    username: Type.Optional(Type.String()),
    action: Type.Enum(['raised', 'state', 'assignee', 'comment', 'autoClosed']),
    from: Type.Optional(Type.String({ description: 'state: the state before; assignee: the user name before' })),
    to: Type.Optional(Type.String()),
    detail: Type.Optional(Type.String({ description: 'autoClosed: the closing event; comment: its first words; raised: the event' })),
  }), { description: 'every change, oldest first' }),
});

export const AlarmListQuery = Type.Object({
  state: Type.Optional(Type.Array(State, { maxItems: ALARM_STATES.length, description: 'repeat for several: ?state=new&state=inProgress' })),
  priority: Type.Optional(Type.Array(Priority, { maxItems: 5, description: 'repeat for several' })),
  category: Type.Optional(Type.String({ maxLength: L.categoryMaxLength })),
  from: Type.Optional(Type.String({ format: 'date-time', description: 'raised at or after' })),
  to: Type.Optional(Type.String({ format: 'date-time', description: 'raised before' })),
  assigneeId: Type.Optional(Type.String()),
  text: Type.Optional(Type.String({ maxLength: 200, description: 'in the definition name, category, source name, event message or instructions' })),
  sort: Type.Optional(Type.Enum(['time', 'priority'], { description: 'time: newest first (default); priority: highest first, then newest' })),
  cursor: Type.Optional(Type.String({ maxLength: 200, description: 'nextCursor of the previous page (same filter and sort)' })),
  limit: Type.Optional(Type.Integer({ minimum: 0, maximum: L.maxPage, description: 'default 50; 0 answers only the total (a badge count)' })),
}, { additionalProperties: false });

export const AlarmListResponse = Type.Object({
  alarms: Type.Array(AlarmSchema),
  total: Type.Integer({ description: 'alarms matching the filter that the caller is shown' }),
  nextCursor: Type.Optional(Type.String()),
});

export const AlarmParams = Type.Object({ alarmId: Type.Integer({ minimum: 1 }) });

export const UpdateAlarmRequest = Type.Object({
  state: Type.Optional(State),
  assigneeId: Type.Optional(Type.Unsafe<string | null>({ type: ['string', 'null'], minLength: 1, description: 'a user shown this alarm; null unassigns' })),
  comment: Type.Optional(Type.String({ maxLength: L.commentMaxLength })),
}, { additionalProperties: false, description: 'any of them, applied together; an invalid state change is 400 with field "state"' });

export const BulkUpdateAlarmsRequest = Type.Object({
  alarmIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: L.maxBulk, uniqueItems: true }),
  action: Type.Enum(['acknowledge', 'close'], { description: 'acknowledge: In progress; close: Closed. Alarms already there are left as they are' }),
}, { additionalProperties: false });

export const BulkUpdateAlarmsResponse = Type.Object({ alarms: Type.Array(AlarmSchema) });

export type AlarmDefinitionBody = Static<typeof AlarmDefinitionSchema>;
export type CreateAlarmDefinitionBody = Static<typeof CreateAlarmDefinitionRequest>;
export type UpdateAlarmDefinitionBody = Static<typeof UpdateAlarmDefinitionRequest>;
export type AlarmBody = Static<typeof AlarmSchema>;
export type AlarmDetailsBody = Static<typeof AlarmDetailsSchema>;
export type AlarmListBody = Static<typeof AlarmListResponse>;
export type UpdateAlarmBody = Static<typeof UpdateAlarmRequest>;
export type BulkUpdateAlarmsBody = Static<typeof BulkUpdateAlarmsRequest>;
