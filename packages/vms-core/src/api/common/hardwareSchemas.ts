import { Type } from 'typebox';
import type { Static } from 'typebox';
import { MAX_SCAN_ADDRESSES } from '../../devices/common/addressRange';
import { CameraSchema, HardwareSchema, StreamInfoSchema } from './schemas';
import { DeviceKindSchema } from './deviceSchemas';

/** Shapes of scanning for hardware and of changing and removing it (issue 5). */

const Credentials = Type.Object({
  username: Type.Optional(Type.String({ maxLength: 200 })),
  password: Type.Optional(Type.String({ maxLength: 1024 })),
}, { additionalProperties: false });

export const ScanHardwareRequest = Type.Object({
  start: Type.String({ description: 'first IPv4 address of the range' }),
  end: Type.String({ description: `last IPv4 address, inclusive; at most ${MAX_SCAN_ADDRESSES} addresses in all` }),
  ports: Type.Optional(Type.Array(Type.Integer({ minimum: 1, maximum: 65535 }), { minItems: 1, maxItems: 16, uniqueItems: true, description: 'default [80, 554]' })),
  drivers: Type.Optional(Type.Array(Type.Enum(['onvif', 'rtsp']), { minItems: 1, maxItems: 2, uniqueItems: true, description: 'tried in this order; default both' })),
  protocols: Type.Optional(Type.Array(Type.Enum(['http', 'https']), { minItems: 1, maxItems: 2, uniqueItems: true, description: 'for ONVIF; default http' })),
  rtspPaths: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200, pattern: '^/' }), { minItems: 1, maxItems: 8, description: 'RTSP paths to DESCRIBE; default ["/"]' })),
  credentials: Type.Optional(Type.Array(Credentials, { maxItems: 8, description: 'tried in order until one is accepted; default: none' })),
  timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 30_000, description: 'how long a device may take to accept a connection or answer one request; a whole probe gets 4 times this; default 3000' })),
}, { additionalProperties: false });

export const FoundDeviceSchema = Type.Object({
  address: Type.String(), port: Type.Integer(), driver: Type.Enum(['onvif', 'rtsp']),
  deviceAddress: Type.String({ description: 'what addHardware takes as address' }),
  manufacturer: Type.Optional(Type.String()), model: Type.Optional(Type.String()),
  firmware: Type.Optional(Type.String()), serial: Type.Optional(Type.String()),
  cameras: Type.Integer({ description: 'cameras (video sources) the device reports; 0 when not signed in' }),
  credentialIndex: Type.Union([Type.Integer(), Type.Null()], { description: 'index of the credentials the device accepted; null: it refused all' }),
  username: Type.Optional(Type.String({ description: 'user name of the accepted credentials' })),
  alreadyAdded: Type.Optional(Type.String({ description: 'id of the configured hardware at this address' })),
  error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
});
export const ScanHardwareResponse = Type.Object({
  scannedAddresses: Type.Integer(), scannedPorts: Type.Integer(), durationMs: Type.Integer(),
  found: Type.Array(FoundDeviceSchema),
});

/** listHardware: each configured device with the cameras (video sources) it brought. */
export const HardwareListItemSchema = Type.Object({
  ...HardwareSchema.properties,
  cameras: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), deviceKey: Type.String(), enabled: Type.Boolean() }), {
    description: 'every camera of the hardware, disabled ones too, in the order they were added',
  }),
});

export const UpdateHardwareRequest = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  address: Type.Optional(Type.String({ minLength: 1, maxLength: 2000, description: 'new address (same driver; for rtsp the main stream URL); the device is probed there' })),
  username: Type.Optional(Type.String({ maxLength: 200, description: '"" clears it; the device is probed with it before it is saved' })),
  password: Type.Optional(Type.String({ maxLength: 1024, description: '"" clears it; the device is probed with it before it is saved' })),
  refresh: Type.Optional(Type.Boolean({ description: 'probe the device and apply what changed (streams, cameras, firmware)' })),
}, { additionalProperties: false });

const JsonDiffSchema = Type.Record(Type.String(), Type.Object({ from: Type.Unknown(), to: Type.Unknown() }));
export const HardwareChangesSchema = Type.Object({
  hardware: JsonDiffSchema,
  camerasAdded: Type.Array(Type.Object({ deviceKey: Type.String(), name: Type.String() })),
  camerasMissing: Type.Array(Type.Object({ cameraId: Type.String(), deviceKey: Type.String(), name: Type.String() }), { description: 'disabled, kept with their recordings' }),
  cameras: Type.Array(Type.Object({
    cameraId: Type.String(), name: Type.String(),
    added: Type.Array(StreamInfoSchema), removed: Type.Array(StreamInfoSchema),
    changed: Type.Array(Type.Object({ key: Type.String(), changes: JsonDiffSchema })),
  })),
  devices: Type.Optional(Type.Object({
    added: Type.Array(Type.Object({ kind: DeviceKindSchema, deviceKey: Type.String(), name: Type.String() }), { description: 'added, enabled' }),
    missing: Type.Array(Type.Object({ deviceId: Type.String(), kind: DeviceKindSchema, deviceKey: Type.String(), name: Type.String() }), {
      description: 'no longer reported: disabled, kept for the rules and alarms naming them',
    }),
    renamed: Type.Array(Type.Object({ deviceId: Type.String(), kind: DeviceKindSchema, deviceKey: Type.String(), from: Type.String(), to: Type.String() }), {
      description: 'the device\'s own name changed; the configured name follows unless an administrator chose another',
    }),
    notRead: Type.Optional(Type.Array(DeviceKindSchema, {
      description: 'kinds the device failed to list this time (a fault, an unreadable reply): their devices were left as they were; absent when all were read',
    })),
  }, { description: 'microphones, speakers, metadata, inputs and outputs; always present in new reports' })),
});
export const UpdateHardwareResponse = Type.Object({
  hardware: HardwareSchema, cameras: Type.Array(CameraSchema),
  changes: Type.Union([HardwareChangesSchema, Type.Null()], { description: 'what the probe found; null when the device was not asked (rename only)' }),
});

export const DeleteHardwareQuery = Type.Object({
  deleteRecordings: Type.Optional(Type.Boolean({ description: 'also delete the recordings of its cameras now (evidence-locked ones stay); default: they stay until retention' })),
});
export const DeleteHardwareResponse = Type.Object({
  hardware: HardwareSchema, cameraIds: Type.Array(Type.String()),
  recordingsDeleted: Type.Integer(), recordingsKeptLocked: Type.Integer({ description: 'kept because an evidence lock protects them' }),
});

export type HardwareListItemBody = Static<typeof HardwareListItemSchema>;
export type ScanHardwareBody = Static<typeof ScanHardwareRequest>;
export type ScanHardwareResult = Static<typeof ScanHardwareResponse>;
export type UpdateHardwareBody = Static<typeof UpdateHardwareRequest>;
export type UpdateHardwareResult = Static<typeof UpdateHardwareResponse>;
export type DeleteHardwareResult = Static<typeof DeleteHardwareResponse>;
