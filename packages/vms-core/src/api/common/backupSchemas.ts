import { Type } from 'typebox';
import type { Static } from 'typebox';
import { CONFIGURATION_FORMAT, CONFIGURATION_VERSION } from '../../management/common/configurationDocument';
import { GroomingSchema, MotionSchema, PolicySchema, StreamInfoSchema } from './schemas';
import { CameraGrantSchema, TimeExceptionSchema, TimeWindowSchema } from './securitySchemas';
import { ClientProfileSettingsSchema } from './clientProfileSchemas';
import { DeviceKindSchema, DeviceSettingsSchema } from './deviceSchemas';
import { BUILT_IN_RULE_IDS } from '../../rules/common/rule';
import { AlarmCloseSchema, alarmDefinitionFields } from './alarmSchemas';
import { analyticsSourceFields } from './analyticsSchemas';
import { genericEventFields, genericSourceFields, LogSettingsSchema } from './eventSchemas';
import { notificationProfileFields, smtpFields } from './notificationSchemas';
import { ruleFields } from './ruleSchemas';

/**
 * The configuration backup file (docs/design/configuration.md, "Backup and restore"). Lists
 * are checked here for shape; references between them (a camera's storage, a grant's camera)
 * are checked by the import before anything is written.
 */

const Id = Type.String({ minLength: 1, maxLength: 200 });
const ServerRef = Type.Union([Id, Type.Null()]);

export const SealedSecretsSchema = Type.Object({
  kdf: Type.Object({ name: Type.Literal('scrypt'), n: Type.Integer(), r: Type.Integer(), p: Type.Integer(), salt: Type.String() }),
  cipher: Type.Literal('aes-256-gcm'), iv: Type.String(), tag: Type.String(),
  data: Type.String({ description: 'AES-256-GCM of the secrets (device passwords, user password hashes, storage keys, the SMTP password, analytics token hashes); the rest of the file is its associated data' }),
});

/**
 * The event server's configuration, each object as its API takes it (the field rules are those
 * of the create requests; ruleValidation and the other checks run on import). No secrets: the
 * SMTP password and the analytics tokens' hashes are in the sealed block.
 */
const EventServerSchema = Type.Object({
  userDefinedEvents: Type.Array(Type.Object({ id: Id, name: genericEventFields.name, description: genericEventFields.description }, { additionalProperties: false }), { maxItems: 10_000 }),
  genericEventSources: Type.Array(Type.Object({ id: Id, ...genericSourceFields }, { additionalProperties: false }), { maxItems: 1000 }),
  genericEvents: Type.Array(Type.Object({ id: Id, ...genericEventFields }, { additionalProperties: false }), { maxItems: 10_000 }),
  analyticsSources: Type.Array(Type.Object({
    id: Id, name: analyticsSourceFields.name, description: analyticsSourceFields.description, allowedAddresses: analyticsSourceFields.allowedAddresses,
    cameraId: Type.Optional(analyticsSourceFields.cameraId), maxEventsPerSecond: analyticsSourceFields.maxEventsPerSecond, enabled: analyticsSourceFields.enabled,
    hasToken: Type.Boolean({ description: 'events must carry its token; the sealed secrets hold the token\'s hash' }),
  }, { additionalProperties: false }), { maxItems: 10_000 }),
  smtp: Type.Object({ ...smtpFields, hasPassword: Type.Boolean({ description: 'the sealed secrets hold the password' }) }, { additionalProperties: false }),
  logSettings: Type.Optional(Type.Object({ ...LogSettingsSchema.properties }, { additionalProperties: false, description: 'absent: the site keeps its own' })),
  notificationProfiles: Type.Array(Type.Object({ id: Id, ...notificationProfileFields }, { additionalProperties: false }), { maxItems: 10_000 }),
  rules: Type.Array(Type.Object({
    id: Id, kind: Type.Union([Type.Literal('event'), Type.Literal('time')]), ...ruleFields,
    timeProfileId: Type.Optional(ruleFields.timeProfileId), trigger: Type.Optional(ruleFields.trigger), stop: Type.Optional(ruleFields.stop),
    builtIn: Type.Optional(Type.Enum([...BUILT_IN_RULE_IDS], { description: 'the default rule the site created this as' })),
  }, { additionalProperties: false }), { maxItems: 10_000 }),
  alarmDefinitions: Type.Array(Type.Object({
    id: Id, ...alarmDefinitionFields, timeProfileId: Type.Optional(alarmDefinitionFields.timeProfileId),
    close: Type.Optional(Type.Object({ ...AlarmCloseSchema.properties, sameSource: Type.Boolean() }, { additionalProperties: false })),
  }, { additionalProperties: false }), { maxItems: 10_000 }),
}, {
  additionalProperties: false,
  description: 'user-defined and generic events, analytics sources, SMTP server, notification profiles, rules and alarm definitions; absent in older files: left as they are',
});

export const ConfigurationDocumentSchema = Type.Object({
  format: Type.Literal(CONFIGURATION_FORMAT),
  version: Type.Literal(CONFIGURATION_VERSION),
  exportedAt: Type.String({ format: 'date-time' }),
  site: Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), description: Type.String({ maxLength: 2000 }) }),
  recordingServers: Type.Array(Type.Object({ id: Id, name: Type.String({ minLength: 1 }), description: Type.String(), address: Type.String(), local: Type.Boolean() }), { maxItems: 1000 }),
  storages: Type.Array(Type.Object({
    id: Id, name: Type.String({ minLength: 1 }), path: Type.String({ minLength: 1 }), maxBytes: Type.Integer({ minimum: 1 }),
    retentionHours: Type.Number({ exclusiveMinimum: 0 }), archiveEveryMinutes: Type.Integer({ minimum: 1 }),
    archive: Type.Optional(Type.Object({ storageId: Id, grooming: Type.Optional(GroomingSchema) })),
    encrypted: Type.Boolean(), minFreeBytes: Type.Integer({ minimum: 0 }), recordingServerId: ServerRef,
  }), { maxItems: 1000 }),
  hardware: Type.Array(Type.Object({
    id: Id, driver: Type.Enum(['rtsp', 'onvif', 'simulated']), address: Type.String({ minLength: 1 }), name: Type.String({ minLength: 1 }),
    username: Type.Optional(Type.String()), manufacturer: Type.Optional(Type.String()), model: Type.Optional(Type.String()),
    firmware: Type.Optional(Type.String()), serial: Type.Optional(Type.String()), recordingServerId: ServerRef,
  }), { maxItems: 100_000 }),
  cameras: Type.Array(Type.Object({
    id: Id, hardwareId: Id, deviceKey: Type.String(), name: Type.String({ minLength: 1 }), enabled: Type.Boolean(),
    streams: Type.Array(StreamInfoSchema, { minItems: 1 }), recordStream: Type.String(), liveStream: Type.String(), storageId: Id,
    policy: PolicySchema, motion: MotionSchema, transport: Type.Enum(['tcp', 'udp']), group: Type.String(),
    ptz: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], { description: "the driver's PTZ description as stored; null: fixed camera" }),
  }), { maxItems: 100_000 }),
  timeProfiles: Type.Array(Type.Object({
    id: Id, name: Type.String({ minLength: 1 }), description: Type.String(), timeZone: Type.Optional(Type.String()),
    windows: Type.Optional(Type.Array(TimeWindowSchema)), exceptions: Type.Optional(Type.Array(TimeExceptionSchema)),
    maxAgeDays: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
  }), { maxItems: 10_000 }),
  roles: Type.Array(Type.Object({
    id: Id, name: Type.String({ minLength: 1 }), builtin: Type.Boolean(), manageConfiguration: Type.Boolean(), manageUsers: Type.Boolean(),
    grants: Type.Array(CameraGrantSchema),
  }), { maxItems: 10_000 }),
  users: Type.Array(Type.Object({
    id: Id, username: Type.String({ minLength: 1, maxLength: 64 }), roleIds: Type.Array(Id), createdAt: Type.String({ format: 'date-time' }),
  }), { maxItems: 100_000 }),
  viewGroups: Type.Optional(Type.Array(Type.Object({
    id: Id, name: Type.String({ minLength: 1, maxLength: 100 }), allRoles: Type.Boolean(), roleIds: Type.Array(Id), position: Type.Integer({ minimum: 0 }),
  }), { maxItems: 10_000, description: 'shared view groups (their views stay on the site); absent in older files: left as they are' })),
  clientProfiles: Type.Optional(Type.Array(Type.Object({
    id: Id, name: Type.String({ minLength: 1, maxLength: 100 }), description: Type.String({ maxLength: 500 }), position: Type.Integer({ minimum: 0 }),
    roleIds: Type.Array(Id), settings: ClientProfileSettingsSchema,
  }), { maxItems: 10_000, description: 'Smart Client profiles, the default one included; absent in older files: left as they are' })),
  devices: Type.Optional(Type.Array(Type.Object({
    id: Id, hardwareId: Id, kind: DeviceKindSchema, deviceKey: Type.String({ minLength: 1 }), name: Type.String({ minLength: 1 }), enabled: Type.Boolean(),
    group: Type.String(), settings: DeviceSettingsSchema, reportedName: Type.String(),
  }), { maxItems: 100_000, description: 'microphones, speakers, metadata, inputs and outputs; absent in older files: the devices of kept hardware stay' })),
  eventServer: Type.Optional(EventServerSchema),
  secrets: SealedSecretsSchema,
}, { additionalProperties: false });

export const ExportConfigurationRequest = Type.Object({
  password: Type.String({ minLength: 8, maxLength: 1024, description: 'seals the secrets; needed again to import' }),
}, { additionalProperties: false });

export const ImportConfigurationRequest = Type.Object({
  password: Type.String({ minLength: 1, maxLength: 1024 }),
  document: ConfigurationDocumentSchema,
  storagePaths: Type.Optional(Type.Record(Type.String(), Type.String({ minLength: 1 }), {
    description: 'storage id → folder on this machine, for a restore onto other disks (the file itself cannot be edited: its secrets are bound to it)',
  })),
}, { additionalProperties: false });

const Counts = Type.Object({ added: Type.Integer(), changed: Type.Integer(), removed: Type.Integer() });
export const ImportConfigurationResponse = Type.Object({
  storages: Counts, hardware: Counts, cameras: Counts, timeProfiles: Counts, roles: Counts, users: Counts,
  viewGroups: Type.Optional(Counts), clientProfiles: Type.Optional(Counts), devices: Type.Optional(Counts),
  userDefinedEvents: Type.Optional(Counts), genericEventSources: Type.Optional(Counts), genericEvents: Type.Optional(Counts),
  analyticsSources: Type.Optional(Counts), notificationProfiles: Type.Optional(Counts), rules: Type.Optional(Counts), alarmDefinitions: Type.Optional(Counts),
});

export type ConfigurationDocumentBody = Static<typeof ConfigurationDocumentSchema>;
export type ImportConfigurationResult = Static<typeof ImportConfigurationResponse>;
