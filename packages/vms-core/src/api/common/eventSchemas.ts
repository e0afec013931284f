import { Type } from 'typebox';
import type { Static } from 'typebox';
import { DEFINED_EVENT_LIMITS, TEXT_ENCODINGS } from '../../events/common/definedEvents';
import { LOG_LEVELS, LOG_LIMITS } from '../../events/common/logs';
import { MATCH_LIMITS } from '../../events/common/matchExpression';

/** Shapes of the user-defined and generic event API and of the rule and system logs (issue 6). */

const L = DEFINED_EVENT_LIMITS;
const DateTime = Type.String({ format: 'date-time' });
const Name = Type.String({ minLength: 1, maxLength: L.nameMaxLength });
const Description = Type.String({ maxLength: L.descriptionMaxLength });

export const UserDefinedEventSchema = Type.Object({
  id: Type.String(), name: Type.String(), description: Type.String(), createdAt: DateTime, updatedAt: DateTime,
  usedBy: Type.Array(Type.String(), { description: 'names of the rules triggered by or triggering it' }),
});
export const CreateUserDefinedEventRequest = Type.Object({ name: Name, description: Type.Optional(Description) }, { additionalProperties: false });
export const UpdateUserDefinedEventRequest = Type.Object({ name: Type.Optional(Name), description: Type.Optional(Description) }, { additionalProperties: false });
export const TriggerUserDefinedEventResponse = Type.Object({ eventId: Type.Integer({ description: 'the raised event, as the event server numbers them' }), at: DateTime });

export const genericSourceFields = {
  name: Name,
  protocol: Type.Union([Type.Literal('tcp'), Type.Literal('udp')]),
  port: Type.Integer({ minimum: 0, maximum: 65535, description: '0: any free port (see boundPort)' }),
  bindAddress: Type.String({ description: 'IPv4 address to listen on: 127.0.0.1 (default, this machine only) or 0.0.0.0' }),
  allowedAddresses: Type.Array(Type.String(), { maxItems: L.maxAllowedAddresses, description: 'IPv4 addresses or CIDR blocks that may send; empty: any' }),
  separators: Type.Array(Type.String(), { maxItems: L.maxSeparators, description: 'strings ending a message (default "\\r\\n" and "\\n")' }),
  encoding: Type.Union([Type.Literal('utf-8'), Type.Literal('latin1'), Type.Literal('utf-16le')], { description: `one of ${TEXT_ENCODINGS.join(', ')}` }),
  maxMessageBytes: Type.Integer({ minimum: 16, maximum: L.maxMessageBytes, description: 'longer messages are dropped and logged' }),
  maxMessagesPerSecond: Type.Integer({ minimum: 1, maximum: L.maxMessagesPerSecond, description: 'per sending address; a flood beyond it is dropped and logged' }),
  enabled: Type.Boolean(),
};

export const GenericEventSourceSchema = Type.Object({
  id: Type.String(), ...genericSourceFields, createdAt: DateTime, updatedAt: DateTime,
  listening: Type.Boolean(),
  boundPort: Type.Optional(Type.Integer({ description: 'the port listened on now' })),
  error: Type.Optional(Type.String({ description: 'why it is not listening (port in use...)' })),
});
export const CreateGenericEventSourceRequest = Type.Object({
  name: genericSourceFields.name, protocol: genericSourceFields.protocol, port: genericSourceFields.port,
  bindAddress: Type.Optional(genericSourceFields.bindAddress), allowedAddresses: Type.Optional(genericSourceFields.allowedAddresses),
  separators: Type.Optional(genericSourceFields.separators), encoding: Type.Optional(genericSourceFields.encoding),
  maxMessageBytes: Type.Optional(genericSourceFields.maxMessageBytes), maxMessagesPerSecond: Type.Optional(genericSourceFields.maxMessagesPerSecond),
  enabled: Type.Optional(genericSourceFields.enabled),
}, { additionalProperties: false });
export const UpdateGenericEventSourceRequest = Type.Partial(Type.Object(genericSourceFields), { additionalProperties: false });
export const GenericEventSourceParams = Type.Object({ sourceId: Type.String() });

export const genericEventFields = {
  name: Name,
  description: Description,
  expressionType: Type.Union([Type.Literal('search'), Type.Literal('exact'), Type.Literal('regex')], {
    description: 'search: words and "phrases" with AND / OR; exact: the whole message; regex: a regular expression',
  }),
  expression: Type.String({ minLength: 1, maxLength: MATCH_LIMITS.maxExpressionLength }),
  caseSensitive: Type.Boolean(),
  priority: Type.Integer({ minimum: 0, maximum: L.maxPriority, description: 'when several match one message, only those with the lowest number are raised' }),
  sourceIds: Type.Array(Type.String(), { description: 'sources whose messages are matched; empty: all' }),
  enabled: Type.Boolean(),
};
export const GenericEventSchema = Type.Object({
  id: Type.String(), ...genericEventFields, createdAt: DateTime, updatedAt: DateTime, usedBy: Type.Array(Type.String()),
});
export const CreateGenericEventRequest = Type.Object({
  name: genericEventFields.name, description: Type.Optional(genericEventFields.description), expressionType: genericEventFields.expressionType,
  expression: genericEventFields.expression, caseSensitive: Type.Optional(genericEventFields.caseSensitive), priority: Type.Optional(genericEventFields.priority),
  sourceIds: Type.Optional(genericEventFields.sourceIds), enabled: Type.Optional(genericEventFields.enabled),
}, { additionalProperties: false });
export const UpdateGenericEventRequest = Type.Partial(Type.Object(genericEventFields), { additionalProperties: false });

const Level = Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('information')], { description: LOG_LEVELS.join(', ') });
const Page = {
  from: Type.Optional(DateTime), to: Type.Optional(DateTime),
  beforeSeq: Type.Optional(Type.Integer({ minimum: 1, description: 'entries older than this one (the seq of the last entry of the previous page)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: LOG_LIMITS.maxPage })),
  text: Type.Optional(Type.String({ maxLength: 200, description: 'words the entry contains (case-insensitive)' })),
};

export const SystemLogQuery = Type.Object({
  ...Page,
  level: Type.Optional(Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('information')], { description: 'the least severe wanted: warning lists errors and warnings' })),
  source: Type.Optional(Type.String()),
});
export const SystemLogEntrySchema = Type.Object({
  seq: Type.Integer(), at: DateTime, level: Level, source: Type.String(), message: Type.String(), code: Type.Optional(Type.String()),
});

export const RuleLogQuery = Type.Object({
  ...Page,
  ruleId: Type.Optional(Type.String()),
  outcome: Type.Optional(Type.Union([Type.Literal('ok'), Type.Literal('failed'), Type.Literal('skipped')])),
});
export const RuleLogEntrySchema = Type.Object({
  seq: Type.Integer(), at: DateTime, ruleId: Type.String(), ruleName: Type.String(),
  eventId: Type.Optional(Type.Integer()), eventType: Type.Optional(Type.String()), sourceId: Type.Optional(Type.String()),
  action: Type.String({ description: 'start, stop, or the action performed' }),
  outcome: Type.Union([Type.Literal('ok'), Type.Literal('failed'), Type.Literal('skipped')]),
  message: Type.String(),
});

export const LogSettingsSchema = Type.Object({
  systemLogLevel: Level,
  systemLogRetentionDays: Type.Integer({ minimum: 1, maximum: LOG_LIMITS.maxRetentionDays }),
  ruleLogRetentionDays: Type.Integer({ minimum: 1, maximum: LOG_LIMITS.maxRetentionDays }),
  closedAlarmRetentionDays: Type.Integer({
    minimum: 0, maximum: LOG_LIMITS.maxRetentionDays,
    description: 'closed alarms, with their comments and history, are deleted this many days after they were closed; 0 keeps them forever (sites upgraded from before this setting start so; new sites with 90)',
  }),
});
export const UpdateLogSettingsRequest = Type.Partial(LogSettingsSchema, { additionalProperties: false });

export type UserDefinedEventBody = Static<typeof UserDefinedEventSchema>;
export type GenericEventSourceBody = Static<typeof GenericEventSourceSchema>;
export type GenericEventBody = Static<typeof GenericEventSchema>;
export type SystemLogEntryBody = Static<typeof SystemLogEntrySchema>;
export type RuleLogEntryBody = Static<typeof RuleLogEntrySchema>;
export type LogSettingsBody = Static<typeof LogSettingsSchema>;
