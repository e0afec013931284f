import { Type } from 'typebox';
import type { Static } from 'typebox';
import { AUDIT_ACTIONS } from '../../management/common/audit';
import { CAMERA_RIGHTS } from '../../management/common/permissions';

/** Shapes of the users, roles and audit log API (see management/common/permissions.ts for the model). */

const HHMM = '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$';

export const TimeWindowSchema = Type.Object({
  days: Type.Array(Type.Integer({ minimum: 0, maximum: 6 }), { minItems: 1, maxItems: 7, description: '0 = Sunday … 6 = Saturday' }),
  from: Type.String({ pattern: HHMM }),
  to: Type.String({ pattern: HHMM, description: 'exclusive; earlier than from runs past midnight' }),
}, { additionalProperties: false });

const DATE = '^[0-9]{4}-[0-9]{2}-[0-9]{2}$';
export const TimeIntervalSchema = Type.Object({
  from: Type.String({ pattern: HHMM }),
  to: Type.String({ pattern: HHMM, description: 'exclusive, after from (24:00 is the end of the day)' }),
}, { additionalProperties: false });
export const TimeExceptionSchema = Type.Object({
  from: Type.String({ pattern: DATE, description: 'first day, YYYY-MM-DD in the profile time zone' }),
  to: Type.Optional(Type.String({ pattern: DATE, description: 'last day, inclusive; default: from' })),
  intervals: Type.Array(TimeIntervalSchema, { maxItems: 24, description: 'when the profile is on those days instead of its windows; empty: off all day' }),
  name: Type.Optional(Type.String({ maxLength: 100 })),
}, { additionalProperties: false });

export const TimeProfileSchema = Type.Object({
  timeZone: Type.Optional(Type.String({ description: 'IANA time zone of the windows; default UTC' })),
  windows: Type.Optional(Type.Array(TimeWindowSchema, { maxItems: 50, description: 'the rights work only inside these windows' })),
  exceptions: Type.Optional(Type.Array(TimeExceptionSchema, { maxItems: 500, description: 'dated days that replace the windows (holidays)' })),
  maxAgeDays: Type.Optional(Type.Number({ exclusiveMinimum: 0, description: 'only media of the last N days is reachable' })),
}, { additionalProperties: false });

export const CameraRightSchema = Type.Enum([...CAMERA_RIGHTS]);

export const CameraGrantSchema = Type.Object({
  // One schema with two types, not anyOf: fastify's type coercion would turn null into "" in
  // an anyOf's string branch, and a grant for all cameras into one for camera "".
  cameraId: Type.Unsafe<string | null>({ type: ['string', 'null'], description: 'null: all cameras' }),
  rights: Type.Array(CameraRightSchema, { maxItems: CAMERA_RIGHTS.length }),
  timeProfile: Type.Optional(TimeProfileSchema),
  timeProfileId: Type.Optional(Type.String({ description: 'a stored time profile (listTimeProfiles); wins over timeProfile, which then shows its rules' })),
}, { additionalProperties: false });

export const RoleSchema = Type.Object({
  id: Type.String(), name: Type.String(), builtin: Type.Boolean(),
  manageConfiguration: Type.Boolean(), manageUsers: Type.Boolean(), grants: Type.Array(CameraGrantSchema),
});

export const CreateRoleRequest = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  manageConfiguration: Type.Optional(Type.Boolean()),
  manageUsers: Type.Optional(Type.Boolean()),
  grants: Type.Optional(Type.Array(CameraGrantSchema, { maxItems: 10_000 })),
}, { additionalProperties: false });
export const UpdateRoleRequest = Type.Partial(CreateRoleRequest, { additionalProperties: false });

export const UserSchema = Type.Object({
  id: Type.String(), username: Type.String(), roleIds: Type.Array(Type.String()), createdAt: Type.String({ format: 'date-time' }),
  lockedUntil: Type.Optional(Type.String({ format: 'date-time', description: 'set while failed logins lock the user name' })),
});
export const CreateUserRequest = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 8, maxLength: 1024 }),
  roleIds: Type.Array(Type.String(), { maxItems: 100 }),
}, { additionalProperties: false });
export const UpdateUserRequest = Type.Object({
  password: Type.Optional(Type.String({ minLength: 8, maxLength: 1024, description: 'ends every session of the user' })),
  roleIds: Type.Optional(Type.Array(Type.String(), { maxItems: 100 })),
}, { additionalProperties: false });

export const AuditActionSchema = Type.Enum([...AUDIT_ACTIONS]);
export const AuditEntrySchema = Type.Object({
  id: Type.Integer(), at: Type.String({ format: 'date-time' }),
  userId: Type.Union([Type.String(), Type.Null()]), username: Type.Union([Type.String(), Type.Null()]),
  source: Type.Union([Type.String(), Type.Null()]), action: Type.String(), target: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.Union([Type.Literal('ok'), Type.Literal('failed')]),
  details: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], { description: 'what changed (field → from/to) or why it failed' }),
});
export const AuditQuery = Type.Object({
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  userId: Type.Optional(Type.String()),
  action: Type.Optional(AuditActionSchema),
  target: Type.Optional(Type.String()),
  afterId: Type.Optional(Type.Integer({ minimum: 0 })),
  beforeId: Type.Optional(Type.Integer({ minimum: 1, description: 'entries older than this one (the id of the last entry of the previous page, newest first)' })),
  order: Type.Optional(Type.Union([Type.Literal('oldestFirst'), Type.Literal('newestFirst')], { description: 'default oldestFirst' })),
  text: Type.Optional(Type.String({ maxLength: 200, description: 'words the user name, action, target or details contain (case-insensitive)' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
});

export type RoleBody = Static<typeof RoleSchema>;
export type UserBody = Static<typeof UserSchema>;
export type AuditEntryBody = Static<typeof AuditEntrySchema>;
