/**
 * The status dialog's summary of the site: how many cameras stream, record, are lost or
 * disabled, which ones have problems, and how full each storage is. Pure over API bodies.
 */
import type { CameraStatusBody } from '@nightjar/ui';

export interface CameraSummary {
  total: number;
  streaming: number;
  recording: number;
  connecting: number;
  lost: number;
  disabled: number;
  /** Cameras needing attention, worst first: lost, then with an error. */
  problems: { cameraId: string; text: string }[];
}

export function summarizeCameras(statuses: readonly CameraStatusBody[]): CameraSummary {
  const s: CameraSummary = { total: statuses.length, streaming: 0, recording: 0, connecting: 0, lost: 0, disabled: 0, problems: [] };
  const lost: CameraSummary['problems'] = [];
  const erred: CameraSummary['problems'] = [];
  for (const c of statuses) {
    if (c.recording) s.recording++;
    if (!c.enabled) {
      s.disabled++;
      continue;
    }
    const state = c.connection?.state;
    if (state === 'streaming') s.streaming++;
    else if (state === 'lost') {
      s.lost++;
      lost.push({ cameraId: c.cameraId, text: c.connection?.error?.message ?? 'connection lost' });
      continue;
    } else s.connecting++;
    if (c.lastError) erred.push({ cameraId: c.cameraId, text: c.lastError.message });
  }
  s.problems = [...lost, ...erred];
  return s;
}

export interface StorageUse {
  /** 0..1 of the storage's size limit. */
  fraction: number;
  level: 'ok' | 'high' | 'full';
}

/** How full a storage is against its limit: high from 85 %, full from 97 % (retention then deletes early). */
export function storageUse(usedBytes: number, maxBytes: number): StorageUse {
  const fraction = maxBytes > 0 ? Math.min(1, Math.max(0, usedBytes / maxBytes)) : 0;
  return { fraction, level: fraction >= 0.97 ? 'full' : fraction >= 0.85 ? 'high' : 'ok' };
}
