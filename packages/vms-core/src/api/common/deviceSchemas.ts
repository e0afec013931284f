import { Type } from 'typebox';
import type { Static } from 'typebox';
import { DEVICE_KINDS } from '../../devices/common/types';
import { DEVICE_LIMITS } from '../../management/common/device';

/** Shapes of the hardware's devices other than cameras (issue 5; docs/design/devices.md). */

export const DeviceKindSchema = Type.Enum([...DEVICE_KINDS]);
const OutputStateSchema = Type.Enum(['on', 'off']);
const PulseSeconds = Type.Number({ exclusiveMinimum: 0, maximum: DEVICE_LIMITS.maxPulseSeconds });

export const DeviceSettingsSchema = Type.Object({
  pulseSeconds: Type.Optional(Type.Number({
    ...PulseSeconds, description: 'outputs only: "on" lasts this long, then the site switches the output off; absent: it stays on until set off',
  })),
}, { additionalProperties: false, description: 'per kind: outputs take pulseSeconds; microphones, speakers, metadata and inputs take none' });

export const DeviceSchema = Type.Object({
  id: Type.String(),
  hardwareId: Type.String(),
  kind: DeviceKindSchema,
  deviceKey: Type.String({ description: 'stable within the hardware and kind: the ONVIF token, or "audio" for an RTSP camera\'s audio track' }),
  name: Type.String(),
  enabled: Type.Boolean({ description: 'disabled devices raise no events and outputs cannot be set; devices the hardware stopped reporting are disabled' }),
  group: Type.String({ description: 'folder path in the clients\' trees, as for cameras; "" is the top level' }),
  settings: DeviceSettingsSchema,
  reportedName: Type.String({ description: 'the name the device itself gave at its last probe' }),
  state: Type.Optional(OutputStateSchema),
}, { description: 'state (outputs): as this site last set it; absent until it sets it after starting' });

export const ListDevicesQuery = Type.Object({
  kind: Type.Optional(DeviceKindSchema),
  hardwareId: Type.Optional(Type.String()),
});

export const DeviceParams = Type.Object({ deviceId: Type.String() });

export const UpdateDeviceRequest = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: DEVICE_LIMITS.nameMaxLength })),
  enabled: Type.Optional(Type.Boolean()),
  group: Type.Optional(Type.String({ maxLength: 300 })),
  settings: Type.Optional(DeviceSettingsSchema),
}, { additionalProperties: false });

export const SetOutputStateRequest = Type.Object({
  state: OutputStateSchema,
  pulseSeconds: Type.Optional(Type.Number({ ...PulseSeconds, description: 'return to the other state after this long; default: the output\'s own pulse for "on", none for "off"' })),
}, { additionalProperties: false });

export const SetOutputStateResponse = Type.Object({
  device: DeviceSchema,
  pulseSeconds: Type.Optional(Type.Number({ description: 'the pulse now running: the output returns to the other state after it' })),
});

export type DeviceBody = Static<typeof DeviceSchema>;
export type ListDevicesQueryBody = Static<typeof ListDevicesQuery>;
export type UpdateDeviceBody = Static<typeof UpdateDeviceRequest>;
export type SetOutputStateBody = Static<typeof SetOutputStateRequest>;
export type SetOutputStateResult = Static<typeof SetOutputStateResponse>;
