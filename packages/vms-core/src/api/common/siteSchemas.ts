import { Type } from 'typebox';
import type { Static } from 'typebox';
import { SITE_LIMITS } from '../../management/common/siteInfo';
import { GroomingSchema } from './schemas';
import { TimeExceptionSchema, TimeWindowSchema } from './securitySchemas';

/** Shapes of the site, recording server, storage-creation and time profile API (issue 5). */

export const SiteSchema = Type.Object({ name: Type.String(), description: Type.String() });
export const UpdateSiteRequest = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: SITE_LIMITS.nameMaxLength })),
  description: Type.Optional(Type.String({ maxLength: SITE_LIMITS.descriptionMaxLength })),
}, { additionalProperties: false });

export const RecordingServerSchema = Type.Object({
  id: Type.String(), name: Type.String(), description: Type.String(),
  address: Type.String({ description: 'host name or address the server is reached at' }),
  local: Type.Boolean({ description: 'the server running in the site process (all-in-one)' }),
  state: Type.Union([Type.Literal('online'), Type.Literal('unknown')], { description: 'unknown: a remote server the site has no connection to' }),
  cameras: Type.Integer({ description: 'cameras configured on the server' }),
  enabledCameras: Type.Integer(),
  storages: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
});
export const UpdateRecordingServerRequest = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  description: Type.Optional(Type.String({ maxLength: SITE_LIMITS.descriptionMaxLength })),
}, { additionalProperties: false });

const ArchiveStageSchema = Type.Object({ storageId: Type.String(), grooming: Type.Optional(GroomingSchema) }, { additionalProperties: false });
export const CreateStorageRequest = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  path: Type.String({ minLength: 1, maxLength: 4096, description: 'absolute folder on the recording server; created when missing; must be writable' }),
  retentionHours: Type.Number({ exclusiveMinimum: 0, maximum: 24 * 365 * 20 }),
  maxBytes: Type.Integer({ minimum: 1, description: 'at least 64 MiB and at most the size of the disk the folder is on' }),
  archiveEveryMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 7 * 24 * 60 })),
  archive: Type.Optional(ArchiveStageSchema),
  archiveOf: Type.Optional(Type.Object({
    storageId: Type.String(),
    grooming: Type.Optional(GroomingSchema),
    everyMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 7 * 24 * 60, description: "the source's archive schedule" })),
  }, { additionalProperties: false, description: 'make the new storage the archive stage of an existing storage, in the same change' })),
  encrypted: Type.Optional(Type.Boolean()),
  minFreeBytes: Type.Optional(Type.Integer({ minimum: 0 })),
}, { additionalProperties: false });

const rules = {
  timeZone: Type.String({ maxLength: 64, description: 'IANA time zone of the windows and exception dates; default UTC' }),
  windows: Type.Array(TimeWindowSchema, { maxItems: 50, description: 'weekly windows; none: always on (except on exception days)' }),
  exceptions: Type.Array(TimeExceptionSchema, { maxItems: 500, description: 'dated days that replace the windows (holidays); may not overlap' }),
  maxAgeDays: Type.Number({ exclusiveMinimum: 0, description: 'grants using the profile reach only media of the last N days' }),
};
const optionalRules = {
  timeZone: Type.Optional(rules.timeZone), windows: Type.Optional(rules.windows),
  exceptions: Type.Optional(rules.exceptions), maxAgeDays: Type.Optional(rules.maxAgeDays),
};

export const StoredTimeProfileSchema = Type.Object({
  id: Type.String(), name: Type.String(), description: Type.String(), ...optionalRules,
  usedBy: Type.Array(Type.String(), { description: 'names of the roles whose grants use the profile' }),
});
export const CreateTimeProfileRequest = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  description: Type.Optional(Type.String({ maxLength: SITE_LIMITS.descriptionMaxLength })),
  ...optionalRules,
}, { additionalProperties: false });
/** Absent keeps a field; null clears an optional rule. */
export const UpdateTimeProfileRequest = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  description: Type.Optional(Type.String({ maxLength: SITE_LIMITS.descriptionMaxLength })),
  timeZone: Type.Optional(Type.Union([rules.timeZone, Type.Null()])),
  windows: Type.Optional(Type.Union([rules.windows, Type.Null()])),
  exceptions: Type.Optional(Type.Union([rules.exceptions, Type.Null()])),
  maxAgeDays: Type.Optional(Type.Union([rules.maxAgeDays, Type.Null()])),
}, { additionalProperties: false });

export type SiteBody = Static<typeof SiteSchema>;
export type RecordingServerBody = Static<typeof RecordingServerSchema>;
export type CreateStorageBody = Static<typeof CreateStorageRequest>;
export type StoredTimeProfileBody = Static<typeof StoredTimeProfileSchema>;
export type CreateTimeProfileBody = Static<typeof CreateTimeProfileRequest>;
