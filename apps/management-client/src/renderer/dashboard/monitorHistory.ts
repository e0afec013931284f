/**
 * The recent past of the system monitor's figures, for the sparklines: each reading of
 * getSystemStatus adds one sample per series (CPU of a server, write rate of a storage, fps and
 * bit rate of a camera). Pure: the page keeps the value in a reducer; a reading seen twice (a
 * re-render, the same cached answer) adds nothing.
 */
import type { SystemStatusBody } from '@nightjar/vms-core';

/** Two minutes at the page's 2 s poll. */
export const HISTORY_SAMPLES = 60;

export interface MonitorHistory {
  /** `at` of the last reading taken in. */
  lastAt: string | null;
  series: Readonly<Record<string, readonly number[]>>;
}

export const EMPTY_HISTORY: MonitorHistory = { lastAt: null, series: {} };

export const seriesKey = {
  cpu: (serverId: string) => `cpu:${serverId}`,
  memory: (serverId: string) => `mem:${serverId}`,
  write: (storageId: string) => `write:${storageId}`,
  fps: (cameraId: string) => `fps:${cameraId}`,
  bitrate: (cameraId: string) => `bitrate:${cameraId}`,
};

/** The figures of one reading that get a sparkline. */
export function samplesOf(status: SystemStatusBody): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of status.servers) {
    out[seriesKey.cpu(s.id)] = s.cpu.systemPercent;
    out[seriesKey.memory(s.id)] = s.memory.systemTotalBytes - s.memory.systemFreeBytes;
    for (const st of s.storages) out[seriesKey.write(st.id)] = st.writeBytesPerSecond;
    for (const c of s.cameras) {
      out[seriesKey.fps(c.cameraId)] = c.fps;
      out[seriesKey.bitrate(c.cameraId)] = c.bitrateBitsPerSecond;
    }
  }
  return out;
}

/**
 * Adds a reading. Series absent from it are dropped (a camera removed since), so the history
 * never outgrows the site; each keeps its last `max` samples.
 */
export function recordReading(history: MonitorHistory, at: string, samples: Record<string, number>, max = HISTORY_SAMPLES): MonitorHistory {
  if (history.lastAt === at) return history;
  const series: Record<string, readonly number[]> = {};
  for (const [key, value] of Object.entries(samples)) {
    const past = history.series[key] ?? [];
    series[key] = [...past.slice(Math.max(0, past.length - max + 1)), value];
  }
  return { lastAt: at, series };
}
