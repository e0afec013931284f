import { Type } from 'typebox';
import type { Static } from 'typebox';

/** The system monitor (getSystemStatus): per recording server, its machine, storages and cameras. */

export const SystemStatusSchema = Type.Object({
  at: Type.String({ format: 'date-time' }),
  servers: Type.Array(Type.Object({
    id: Type.String(), name: Type.String(), uptimeSeconds: Type.Integer(),
    intervalMs: Type.Integer({ description: 'the time the rates are measured over: since the previous reading (at least 1 s before)' }),
    cpu: Type.Object({
      processPercent: Type.Number({ description: 'the server process, in % of the whole machine' }),
      systemPercent: Type.Number({ description: 'the whole machine, all processes' }),
      cores: Type.Integer(),
    }),
    memory: Type.Object({ processRssBytes: Type.Integer(), systemTotalBytes: Type.Integer(), systemFreeBytes: Type.Integer() }),
    storages: Type.Array(Type.Object({
      id: Type.String(), name: Type.String(), path: Type.String(),
      usedBytes: Type.Integer({ description: 'sealed recordings on the storage' }), maxBytes: Type.Integer(),
      diskTotalBytes: Type.Integer(), diskFreeBytes: Type.Integer(),
      writeBytesPerSecond: Type.Integer({ description: 'recording writes over the interval' }),
    })),
    cameras: Type.Array(Type.Object({
      cameraId: Type.String(), name: Type.String(), enabled: Type.Boolean(),
      connection: Type.Union([Type.String(), Type.Null()], { description: 'connecting, streaming, lost; null when not running' }),
      fps: Type.Number({ description: 'frames received per second over the interval' }),
      bitrateBitsPerSecond: Type.Integer(), recording: Type.Boolean(), storageId: Type.String(),
      storageUsedBytes: Type.Integer({ description: 'sealed recordings of the camera on all storages' }),
    })),
  })),
});

export type SystemStatusBody = Static<typeof SystemStatusSchema>;
