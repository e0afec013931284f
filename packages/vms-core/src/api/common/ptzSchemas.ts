import { Type } from 'typebox';
import type { Static } from 'typebox';

/** PTZ shapes of the public API (docs/design/onvif-client.md, PTZ). */

const Velocity = (axis: string) => Type.Number({ minimum: -1, maximum: 1, description: `${axis} velocity, -1..1; 0 holds the axis` });

export const PtzMoveRequest = Type.Object({
  pan: Velocity('pan (positive: right)'),
  tilt: Velocity('tilt (positive: up)'),
  zoom: Velocity('zoom (positive: in)'),
  timeoutMs: Type.Optional(Type.Integer({
    minimum: 1, maximum: 60_000,
    description: 'the camera stops by itself after this long (rounded up to whole seconds); without it, it moves until ptzStop or its own limit',
  })),
}, { additionalProperties: false });

export const PtzPresetSchema = Type.Object({
  token: Type.String({ description: 'the device\'s preset token, for gotoPtzPreset' }),
  name: Type.String(),
});

export const PtzCameraParams = Type.Object({ cameraId: Type.String() });
export const PtzPresetParams = Type.Object({ cameraId: Type.String(), presetToken: Type.String({ minLength: 1, maxLength: 64 }) });

export type PtzMoveBody = Static<typeof PtzMoveRequest>;
export type PtzPresetBody = Static<typeof PtzPresetSchema>;
