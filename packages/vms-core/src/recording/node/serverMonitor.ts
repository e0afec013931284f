/**
 * The system monitor's numbers for this recording server: CPU and memory of the process and
 * the machine, disk use and write rate per storage, and per camera the connection state,
 * frame rate, bitrate, recording state and storage used.
 *
 * Rates are differences of counters the pipelines keep anyway (frames and bytes received,
 * bytes written) between two readings at least `minIntervalMs` apart; readings closer than
 * that return the previous rates, so any number of clients polling cost one sample. Nothing
 * runs between readings: a site nobody watches pays nothing.
 */
import { availableParallelism, cpus, freemem, totalmem } from 'node:os';
import type { Clock } from '../../base/common/clock';
import type { MediaDb } from '../../media-db/node/mediaDb';
import type { ConfigStore } from '../../management/node/configStore';
import { diskSpaceOf } from '../../management/node/storageValidation';
import type { RecordingServer } from './recordingServer';

export interface CameraMonitorStatus {
  cameraId: string;
  name: string;
  enabled: boolean;
  connection: string | null;
  fps: number;
  bitrateBitsPerSecond: number;
  recording: boolean;
  storageId: string;
  /** Sealed recordings of the camera on all storages (its archives included). */
  storageUsedBytes: number;
}

export interface StorageMonitorStatus {
  id: string;
  name: string;
  path: string;
  usedBytes: number;
  maxBytes: number;
  diskTotalBytes: number;
  diskFreeBytes: number;
  writeBytesPerSecond: number;
}

export interface ServerMonitorStatus {
  uptimeSeconds: number;
  /** Milliseconds the rates below are measured over. */
  intervalMs: number;
  cpu: { processPercent: number; systemPercent: number; cores: number };
  memory: { processRssBytes: number; systemTotalBytes: number; systemFreeBytes: number };
  storages: StorageMonitorStatus[];
  cameras: CameraMonitorStatus[];
}

interface Sample {
  at: number;
  process: NodeJS.CpuUsage;
  machine: { idle: number; total: number };
  cameras: Map<string, { frames: number; bytesIn: number; bytesWritten: number }>;
}

interface Rates {
  intervalMs: number;
  processPercent: number;
  systemPercent: number;
  cameras: Map<string, { fps: number; bitsPerSecond: number; writeBytesPerSecond: number }>;
}

export interface ServerMonitorDeps {
  config: ConfigStore;
  media: MediaDb;
  recording: RecordingServer;
  clock: Clock;
  minIntervalMs?: number;
  /** Per-camera bytes are a scan of the media index: read at most this often. */
  usageCacheMs?: number;
}

function machineTimes(): { idle: number; total: number } {
  let idle = 0;
  let total = 0;
  for (const c of cpus()) {
    idle += c.times.idle;
    total += c.times.user + c.times.nice + c.times.sys + c.times.idle + c.times.irq;
  }
  return { idle, total };
}

/** Counter growth since the last sample; a smaller value means the counter started over. */
const grown = (now: number, before: number | undefined) => (before === undefined || now < before ? now : now - before);

export class ServerMonitor {
  private baseline: Sample;
  private rates: Rates | undefined;
  private usage: { at: number; bytes: Map<string, number> } | undefined;
  private readonly startedAt: number;

  constructor(private readonly deps: ServerMonitorDeps) {
    this.baseline = this.sample();
    this.startedAt = this.baseline.at;
  }

  private sample(): Sample {
    const cameras = new Map<string, { frames: number; bytesIn: number; bytesWritten: number }>();
    for (const camera of this.deps.config.listCameras()) {
      const s = this.deps.recording.cameraStatus(camera);
      cameras.set(camera.id, {
        frames: s.connection?.framesReceived ?? 0, bytesIn: s.connection?.bytesReceived ?? 0, bytesWritten: s.recorder?.bytesWritten ?? 0,
      });
    }
    return { at: this.deps.clock.monotonic(), process: process.cpuUsage(), machine: machineTimes(), cameras };
  }

  private currentRates(now: Sample): Rates {
    const intervalMs = now.at - this.baseline.at;
    if (this.rates && intervalMs < (this.deps.minIntervalMs ?? 1000)) return this.rates;
    const seconds = Math.max(intervalMs, 1) / 1000;
    const cores = availableParallelism();
    const busyMicros = now.process.user - this.baseline.process.user + now.process.system - this.baseline.process.system;
    const machineTotal = now.machine.total - this.baseline.machine.total;
    const cameras = new Map<string, { fps: number; bitsPerSecond: number; writeBytesPerSecond: number }>();
    for (const [id, c] of now.cameras) {
      const before = this.baseline.cameras.get(id);
      cameras.set(id, {
        fps: grown(c.frames, before?.frames) / seconds,
        bitsPerSecond: (grown(c.bytesIn, before?.bytesIn) * 8) / seconds,
        writeBytesPerSecond: grown(c.bytesWritten, before?.bytesWritten) / seconds,
      });
    }
    this.rates = {
      intervalMs,
      processPercent: Math.min(100, (busyMicros / 1000 / (seconds * 1000 * cores)) * 100),
      systemPercent: machineTotal > 0 ? 100 * (1 - (now.machine.idle - this.baseline.machine.idle) / machineTotal) : 0,
      cameras,
    };
    this.baseline = now;
    return this.rates;
  }

  private cameraBytes(): Map<string, number> {
    const now = this.deps.clock.monotonic();
    if (!this.usage || now - this.usage.at >= (this.deps.usageCacheMs ?? 5000)) {
      const bytes = new Map<string, number>();
      for (const r of this.deps.media.bytesByCamera()) bytes.set(r.cameraId, (bytes.get(r.cameraId) ?? 0) + r.bytes);
      this.usage = { at: now, bytes };
    }
    return this.usage.bytes;
  }

  status(): ServerMonitorStatus {
    const now = this.sample();
    const rates = this.currentRates(now);
    const usage = this.cameraBytes();
    // The index holds sealed recordings only; the minute being written is counted from its writer.
    const openByStorage = new Map<string, number>();
    const cameras = this.deps.config.listCameras().map((camera): CameraMonitorStatus => {
      const s = this.deps.recording.cameraStatus(camera);
      const r = rates.cameras.get(camera.id);
      const open = s.recorder?.openBytes ?? 0;
      openByStorage.set(camera.storageId, (openByStorage.get(camera.storageId) ?? 0) + open);
      return {
        cameraId: camera.id, name: camera.name, enabled: camera.enabled, connection: s.connection?.state ?? null,
        fps: round(r?.fps ?? 0, 2), bitrateBitsPerSecond: Math.round(r?.bitsPerSecond ?? 0), recording: s.recorder?.recording ?? false,
        storageId: camera.storageId, storageUsedBytes: (usage.get(camera.id) ?? 0) + open,
      };
    });
    const storages = this.deps.config.listStorages().map((st): StorageMonitorStatus => {
      const disk = diskSpaceOf(st.path);
      const writing = this.deps.config.listCameras().filter((c) => c.storageId === st.id);
      return {
        id: st.id, name: st.name, path: st.path, usedBytes: this.deps.media.storageBytes(st.id) + (openByStorage.get(st.id) ?? 0), maxBytes: st.maxBytes,
        diskTotalBytes: disk.totalBytes, diskFreeBytes: disk.freeBytes,
        writeBytesPerSecond: Math.round(writing.reduce((sum, c) => sum + (rates.cameras.get(c.id)?.writeBytesPerSecond ?? 0), 0)),
      };
    });
    return {
      uptimeSeconds: Math.round((now.at - this.startedAt) / 1000),
      intervalMs: Math.round(rates.intervalMs),
      cpu: { processPercent: round(rates.processPercent, 1), systemPercent: round(rates.systemPercent, 1), cores: availableParallelism() },
      memory: { processRssBytes: process.memoryUsage.rss(), systemTotalBytes: totalmem(), systemFreeBytes: freemem() },
      storages, cameras,
    };
  }
}

const round = (n: number, digits: number) => Math.round(n * 10 ** digits) / 10 ** digits;
