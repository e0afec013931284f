import { Type } from 'typebox';
import type { Static } from 'typebox';
import { EffectiveClientProfileSchema } from './clientProfileSchemas';
import { DeviceSchema } from './deviceSchemas';

/** Request and response shapes of the public API; the OpenAPI document is generated from these. */

export const ErrorBody = Type.Object({
  code: Type.String(), kind: Type.String(), message: Type.String(),
  field: Type.Optional(Type.String({ description: 'for bad input: the request field at fault, e.g. "retentionHours" or "windows[1].from"' })),
}, { $id: 'Error' });

export const LoginRequest = Type.Object({ username: Type.String({ minLength: 1 }), password: Type.String({ minLength: 1 }) });
export const RefreshRequest = Type.Object({ refreshToken: Type.String({ minLength: 1 }) });
/** A token pair: `token` is the bearer for API calls; `refreshToken` is exchanged once for a new pair (refreshToken). */
export const LoginResponse = Type.Object({
  token: Type.String(),
  expiresAt: Type.String({ format: 'date-time' }),
  refreshToken: Type.String(),
  refreshExpiresAt: Type.String({ format: 'date-time' }),
  user: Type.Object({ id: Type.String(), username: Type.String(), roleIds: Type.Array(Type.String()) }),
});

/** getCurrentUser: who the caller is and what their roles allow now (clients show only what may be used). */
export const CurrentUserResponse = Type.Object({
  id: Type.String(), username: Type.String(), roleIds: Type.Array(Type.String()),
  administrator: Type.Boolean({ description: 'a member of the built-in Administrators role' }),
  manageConfiguration: Type.Boolean(), manageUsers: Type.Boolean(),
  cameras: Type.Array(Type.Object({ cameraId: Type.String(), rights: Type.Array(Type.String()) }), {
    description: 'the rights held now on each camera with any right (time profiles applied at the time of the request)',
  }),
  clientProfile: EffectiveClientProfileSchema,
});

export const StreamInfoSchema = Type.Object({
  key: Type.String(), name: Type.String(), url: Type.String(),
  codec: Type.Optional(Type.Union([Type.Literal('h264'), Type.Literal('h265')])),
  width: Type.Optional(Type.Integer()), height: Type.Optional(Type.Integer()), fps: Type.Optional(Type.Number()),
});

export const RecordingModeSchema = Type.Union([
  Type.Literal('always'), Type.Literal('motion'), Type.Literal('event'), Type.Literal('manual'), Type.Literal('never'),
]);
export const RegionSchema = Type.Object({
  x: Type.Number({ minimum: 0, maximum: 1 }), y: Type.Number({ minimum: 0, maximum: 1 }),
  width: Type.Number({ minimum: 0, maximum: 1 }), height: Type.Number({ minimum: 0, maximum: 1 }),
});
export const PolicySchema = Type.Object({
  mode: RecordingModeSchema,
  preBufferSeconds: Type.Number({ minimum: 0, maximum: 60 }),
  postBufferSeconds: Type.Number({ minimum: 0, maximum: 600 }),
  keyFramesOnly: Type.Boolean(),
  maxFps: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 120 })),
  manualMaxMinutes: Type.Number({ exclusiveMinimum: 0, maximum: 24 * 60 }),
});
export const MotionSchema = Type.Object({
  enabled: Type.Boolean(),
  sensitivity: Type.Number({ minimum: 0, maximum: 100 }),
  exclusions: Type.Array(RegionSchema, { maxItems: 64 }),
  streamKey: Type.Optional(Type.String()),
  keyFramesOnly: Type.Boolean(),
});
export const CameraSchema = Type.Object({
  id: Type.String(), hardwareId: Type.String(), deviceKey: Type.String(), name: Type.String(), enabled: Type.Boolean(),
  streams: Type.Array(StreamInfoSchema), recordStream: Type.String(), liveStream: Type.String(), storageId: Type.String(),
  policy: PolicySchema, motion: MotionSchema, transport: Type.Union([Type.Literal('tcp'), Type.Literal('udp')]),
  group: Type.Optional(Type.String({ description: 'place in the camera tree: folder names joined by "/", e.g. "Building A/Lobby"; "" is the top level' })),
  ptz: Type.Object({
    supported: Type.Boolean({ description: 'the camera can be steered (ptzMove, presets), as found when its hardware was added' }),
    panTilt: Type.Boolean(), zoom: Type.Boolean(),
  }),
});
export const UpdateCameraRequest = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  enabled: Type.Optional(Type.Boolean()),
  recordStream: Type.Optional(Type.String()),
  liveStream: Type.Optional(Type.String()),
  storageId: Type.Optional(Type.String()),
  transport: Type.Optional(Type.Union([Type.Literal('tcp'), Type.Literal('udp')])),
  policy: Type.Optional(Type.Partial(Type.Object({
    ...PolicySchema.properties,
    // One schema with both types, not a union: the validator would coerce 0 into the null branch.
    maxFps: Type.Unsafe<number | null>({ type: ['number', 'null'], exclusiveMinimum: 0, maximum: 120, description: 'null removes the frame-rate limit' }),
  }), { additionalProperties: false })),
  motion: Type.Optional(Type.Partial(Type.Object({
    ...MotionSchema.properties,
    streamKey: Type.Unsafe<string | null>({ type: ['string', 'null'], description: 'null analyses the default (smallest) stream' }),
  }), { additionalProperties: false })),
  group: Type.Optional(Type.String({ maxLength: 300, description: 'folder names joined by "/" (up to 8 levels); "" moves the camera to the top level' })),
}, { additionalProperties: false });

export const AddHardwareRequest = Type.Object({
  driver: Type.Union([Type.Literal('rtsp'), Type.Literal('onvif'), Type.Literal('simulated')]),
  address: Type.String({ minLength: 1, maxLength: 2000 }),
  username: Type.Optional(Type.String()),
  password: Type.Optional(Type.String()),
  streamUrls: Type.Optional(Type.Array(Type.String(), { maxItems: 8 })),
  name: Type.Optional(Type.String({ maxLength: 200 })),
  storageId: Type.Optional(Type.String()),
});
export const HardwareSchema = Type.Object({
  id: Type.String(), driver: Type.String(), address: Type.String(), name: Type.String(),
  username: Type.Optional(Type.String()), manufacturer: Type.Optional(Type.String()), model: Type.Optional(Type.String()),
  firmware: Type.Optional(Type.String()), serial: Type.Optional(Type.String()),
});
export const AddHardwareResponse = Type.Object({
  hardware: HardwareSchema, cameras: Type.Array(CameraSchema),
  // Optional in the contract so clients written before devices still read it; this site always sends it.
  devices: Type.Optional(Type.Array(DeviceSchema, { description: 'its microphones, speakers, metadata, inputs and outputs, enabled' })),
});

export const ConnectionStatusSchema = Type.Object({
  state: Type.String(), since: Type.String({ format: 'date-time' }), attempts: Type.Integer(), framesReceived: Type.Integer(),
  error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
});
export const CameraStatusSchema = Type.Object({
  cameraId: Type.String(), enabled: Type.Boolean(),
  connection: Type.Union([ConnectionStatusSchema, Type.Null()]),
  recording: Type.Boolean(), manualUntil: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  motion: Type.Boolean(), framesWritten: Type.Integer(), framesLost: Type.Integer(),
  lastError: Type.Optional(Type.Object({ code: Type.String(), message: Type.String(), at: Type.String({ format: 'date-time' }) })),
});

export const TimeRangeQuery = Type.Object({
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
});
export const SpanSchema = Type.Object({ start: Type.String({ format: 'date-time' }), end: Type.String({ format: 'date-time' }) });
export const SequencesResponse = Type.Object({ cameraId: Type.String(), recordings: Type.Array(SpanSchema), motion: Type.Array(SpanSchema) });

export const ManualRecordingResponse = Type.Object({ recording: Type.Boolean(), until: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]) });
export const TriggerEventRequest = Type.Object({ durationSeconds: Type.Optional(Type.Number({ minimum: 0, maximum: 3600 })) });

export const EvidenceLockRequest = Type.Object({
  cameraIds: Type.Array(Type.String(), { minItems: 1, maxItems: 1000 }),
  from: Type.String({ format: 'date-time' }),
  to: Type.String({ format: 'date-time' }),
  until: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
  reason: Type.String({ minLength: 1, maxLength: 2000 }),
});
export const EvidenceLockSchema = Type.Object({
  id: Type.String(), cameraIds: Type.Array(Type.String()), from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }),
  until: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]), reason: Type.String(), createdBy: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedBy: Type.Union([Type.String(), Type.Null()], { description: 'who last extended the lock; null until then' }),
  updatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

export const GroomingSchema = Type.Object({ keyFramesOnly: Type.Boolean(), maxFps: Type.Optional(Type.Number({ exclusiveMinimum: 0 })) });
export const StorageSchema = Type.Object({
  id: Type.String(), name: Type.String(), path: Type.String(), maxBytes: Type.Integer(), retentionHours: Type.Number(),
  archiveEveryMinutes: Type.Integer(), archive: Type.Optional(Type.Object({ storageId: Type.String(), grooming: Type.Optional(GroomingSchema) })),
  encrypted: Type.Boolean(), minFreeBytes: Type.Integer(), usedBytes: Type.Integer(),
});
export const UpdateStorageRequest = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1 })),
  maxBytes: Type.Optional(Type.Integer({ minimum: 1 })),
  retentionHours: Type.Optional(Type.Number({ exclusiveMinimum: 0 })),
  archiveEveryMinutes: Type.Optional(Type.Integer({ minimum: 1 })),
  archive: Type.Optional(Type.Union([Type.Object({ storageId: Type.String(), grooming: Type.Optional(GroomingSchema) }), Type.Null()])),
  encrypted: Type.Optional(Type.Boolean()),
  minFreeBytes: Type.Optional(Type.Integer({ minimum: 0 })),
}, { additionalProperties: false });

export const SystemEventSchema = Type.Object({
  id: Type.Integer(), type: Type.String(), at: Type.String({ format: 'date-time' }), cameraId: Type.Optional(Type.String()),
  storageId: Type.Optional(Type.String()), severity: Type.String(), message: Type.String(), code: Type.Optional(Type.String()),
});

export type LoginResponseBody = Static<typeof LoginResponse>;
export type CameraBody = Static<typeof CameraSchema>;
export type CameraStatusBody = Static<typeof CameraStatusSchema>;
export type UpdateCameraBody = Static<typeof UpdateCameraRequest>;
export type SequencesBody = Static<typeof SequencesResponse>;
export type StorageBody = Static<typeof StorageSchema>;
export type EvidenceLockBody = Static<typeof EvidenceLockSchema>;
