import { Type } from 'typebox';
import type { Static } from 'typebox';

/** Live, playback and export shapes of the public API (the clients type their calls with these). */

export const LiveStreamQuery = Type.Object({
  width: Type.Optional(Type.Integer({ minimum: 1, maximum: 16384 })), height: Type.Optional(Type.Integer({ minimum: 1, maximum: 16384 })),
  mode: Type.Optional(Type.Union([Type.Literal('quality'), Type.Literal('performance'), Type.Literal('lowBandwidth')])),
  zoomed: Type.Optional(Type.Boolean()), stream: Type.Optional(Type.String({ description: 'a stream key, overriding the choice' })),
});

export const LiveStreamResponse = Type.Object({
  cameraId: Type.String(), streamKey: Type.String(), codec: Type.Optional(Type.String()),
  width: Type.Optional(Type.Integer()), height: Type.Optional(Type.Integer()),
  /** Chromium has no HEVC: H.265 streams are watched through the jsmpeg transcode. */
  recommended: Type.Union([Type.Literal('mse'), Type.Literal('jsmpeg')]),
  token: Type.String(), expiresAt: Type.String({ format: 'date-time' }),
  webSocketUrl: Type.String({ description: 'fMP4 for MSE: a text message with the mime type, then init and media segments' }),
  hlsUrl: Type.String({ description: 'low-latency HLS (fMP4 parts)' }),
  jsmpegUrl: Type.String({ description: 'MPEG-1 in MPEG-TS over WebSocket, transcoded (one ffmpeg per stream and size)' }),
  snapshotUrl: Type.String(),
});

export const PlaybackResponse = Type.Object({
  cameraId: Type.String(), from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }),
  token: Type.String(), expiresAt: Type.String({ format: 'date-time' }),
  hlsUrl: Type.String({ description: 'HLS VOD playlist of the range (fMP4 segments built from the index)' }),
  webSocketUrl: Type.String({ description: 'fMP4 playback session: seek, play at a speed, step (see docs/design/playback-and-export.md)' }),
  thumbnailUrl: Type.String({ description: 'JPEG of any instant: add &at=ISO&width=N' }),
});

export const CreateExportRequest = Type.Object({
  cameraIds: Type.Array(Type.String(), { minItems: 1, maxItems: 64 }),
  from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }),
  format: Type.Union([Type.Literal('mp4'), Type.Literal('mkv'), Type.Literal('native')]),
  password: Type.Optional(Type.String({ minLength: 8, description: 'native only: encrypt the bundle (AES-256)' })),
});

export const ExportJobSchema = Type.Object({
  id: Type.String(), state: Type.String(), progress: Type.Number(), format: Type.String(), cameraIds: Type.Array(Type.String()),
  from: Type.String({ format: 'date-time' }), to: Type.String({ format: 'date-time' }), createdAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Optional(Type.String({ format: 'date-time' })),
  error: Type.Optional(Type.Object({ code: Type.String(), message: Type.String() })),
  files: Type.Array(Type.Object({ name: Type.String(), bytes: Type.Integer(), downloadUrl: Type.String() })),
});

export type LiveStreamQueryBody = Static<typeof LiveStreamQuery>;
export type LiveStreamBody = Static<typeof LiveStreamResponse>;
export type PlaybackBody = Static<typeof PlaybackResponse>;
export type CreateExportBody = Static<typeof CreateExportRequest>;
export type ExportJobBody = Static<typeof ExportJobSchema>;
