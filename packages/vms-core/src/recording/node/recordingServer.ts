import { mkdirSync } from 'node:fs';
import type { Clock } from '../../base/common/clock';
import { VmsError, errorMessage, isVmsError } from '../../base/common/errors';
import type { EventLog } from '../../events/node/eventLog';
import type { StreamOpener } from '../../devices/node/frameSource';
import type { MediaDb } from '../../media-db/node/mediaDb';
import type { WriterIo, WriterOptions } from '../../media-db/node/recordingWriter';
import { recoverMediaDb } from '../../media-db/node/recovery';
import type { RecoveryReport } from '../../media-db/node/recovery';
import type { StorageHandle } from '../../media-db/node/storageHandle';
import type { StorageConfig } from '../../media-db/common/storageConfig';
import type { Camera } from '../../management/common/camera';
import type { ConfigStore } from '../../management/node/configStore';
import { FrameCipher } from '../../security/node/frameCipher';
import type { SiteKeys } from '../../security/node/siteKeys';
import type { ConnectionStatus } from './streamConnection';
import type { RecorderStatus } from './cameraRecorder';
import { CameraPipeline } from './cameraPipeline';
import { RecordingHolds } from '../common/recordingHolds';
import { LiveHub } from '../../streaming/node/live/liveHub';
import { configSourceResolver } from '../../streaming/node/live/liveSources';

export interface RecordingServerDeps {
  config: ConfigStore;
  media: MediaDb;
  keys: SiteKeys;
  clock: Clock;
  events: EventLog;
  /** Stream openers by URL scheme, e.g. { 'rtsp:': ..., 'sim:': ... }. */
  openers: Record<string, StreamOpener>;
  writerOptions?: WriterOptions;
  io?: WriterIo;
  /** The process's shared camera connections; when absent the server makes (and closes) its own. */
  liveHub?: LiveHub;
}

export interface CameraStatus {
  cameraId: string;
  enabled: boolean;
  connection: ConnectionStatus | null;
  recorder: RecorderStatus | null;
}

/**
 * The recording server role: runs one pipeline per enabled camera, repairs the media database
 * before it records, and applies configuration changes by restarting only what changed.
 */
export class RecordingServer {
  private readonly pipelines = new Map<string, CameraPipeline>();
  private handles = new Map<string, StorageHandle>();
  /** Storages that may not take new recordings now (full of locked data, failing). */
  private readonly blocked = new Set<string>();
  /** Pipelines being stopped after a reconfiguration; close() waits for them too. */
  private readonly closing = new Set<Promise<void>>();
  private started = false;
  /** Rules' recording requests per camera, kept across pipeline restarts. */
  private readonly holds = new Map<string, RecordingHolds>();
  /** Camera connections, shared with live viewing: give live routes this hub. */
  readonly liveHub: LiveHub;
  private readonly ownsHub: boolean;

  constructor(private readonly deps: RecordingServerDeps) {
    this.ownsHub = !deps.liveHub;
    this.liveHub = deps.liveHub ?? new LiveHub({ openers: deps.openers, clock: deps.clock, resolve: configSourceResolver(deps.config) });
  }

  async start(): Promise<RecoveryReport> {
    this.refreshStorages();
    const report = await recoverMediaDb(this.deps.media, this.deps.keys, [...this.handles.values()]);
    this.started = true;
    for (const c of this.deps.config.listCameras()) this.applyCamera(c);
    return report;
  }

  storageHandles(): StorageHandle[] {
    return [...this.handles.values()];
  }

  storageHandle(id: string): StorageHandle | undefined {
    return this.handles.get(id);
  }

  /** Re-reads storages (folders, keys) from the configuration. */
  refreshStorages(): void {
    const next = new Map<string, StorageHandle>();
    for (const s of this.deps.config.listStorages()) next.set(s.id, this.toHandle(s));
    this.handles = next;
  }

  private toHandle(s: StorageConfig): StorageHandle {
    mkdirSync(s.path, { recursive: true });
    return {
      id: s.id,
      root: s.path,
      ...(s.encrypted && s.wrappedKey ? { cipher: new FrameCipher(this.deps.keys.unwrapKey(s.wrappedKey, s.id)) } : {}),
    };
  }

  setStorageBlocked(storageId: string, blocked: boolean): void {
    if (blocked) this.blocked.add(storageId);
    else this.blocked.delete(storageId);
  }

  /** Starts, restarts or reconfigures a camera after its configuration changed. */
  applyCamera(camera: Camera): void {
    if (!this.started) return;
    const cur = this.pipelines.get(camera.id);
    const needsRestart =
      !cur || !camera.enabled || cur.camera.recordStream !== camera.recordStream || cur.camera.transport !== camera.transport ||
      cur.camera.storageId !== camera.storageId || JSON.stringify(cur.camera.streams) !== JSON.stringify(camera.streams) ||
      JSON.stringify(cur.camera.motion) !== JSON.stringify(camera.motion) || (cur.camera.policy.mode === 'motion') !== (camera.policy.mode === 'motion');
    if (cur && !needsRestart) {
      cur.recorder.setPolicy(camera.policy);
      Object.assign(cur.camera, camera);
      return;
    }
    if (cur) {
      this.pipelines.delete(camera.id);
      const done = cur.close().finally(() => this.closing.delete(done));
      this.closing.add(done);
    }
    // Live viewers of this camera reconnect to a changed URL, or end when it is disabled.
    this.liveHub.refresh(camera.id);
    if (!camera.enabled) return;
    const stream = camera.streams.find((s) => s.key === camera.recordStream) ?? camera.streams[0];
    if (!stream) return;
    const opener = this.deps.openers[new URL(stream.url).protocol];
    if (!opener) {
      this.deps.events.raise({ type: 'recordingFailed', cameraId: camera.id, severity: 'error', code: 'VMS_ERR_BAD_INPUT', message: `${camera.name}: no driver for ${stream.url}` });
      return;
    }
    const storageId = camera.storageId;
    let pipeline: CameraPipeline;
    try {
      pipeline = new CameraPipeline(
        { ...camera },
        {
          db: this.deps.media, keys: this.deps.keys, clock: this.deps.clock, events: this.deps.events, writerOptions: this.deps.writerOptions, io: this.deps.io,
          holds: this.holdsOf(camera.id),
        },
        this.liveHub,
        () => (this.blocked.has(storageId) ? undefined : this.handles.get(storageId)),
      );
    } catch (e) {
      // The hub resolves the stream from the configuration: a camera not (or no longer) there.
      this.deps.events.raise({ type: 'recordingFailed', cameraId: camera.id, severity: 'error', code: isVmsError(e) ? e.code : 'VMS_ERR_INTERNAL', message: `${camera.name}: ${errorMessage(e)}` });
      return;
    }
    this.pipelines.set(camera.id, pipeline);
  }

  private pipeline(cameraId: string): CameraPipeline {
    const p = this.pipelines.get(cameraId);
    if (!p) throw new VmsError('VMS_ERR_CONFLICT', `camera ${cameraId} is not running (disabled or no stream)`);
    return p;
  }

  startManualRecording(cameraId: string): { until: number } {
    const p = this.pipeline(cameraId);
    if (p.camera.policy.mode === 'never') {
      throw new VmsError('VMS_ERR_CONFLICT', `camera ${p.camera.name} has recording mode "never"; change the mode to record`);
    }
    const until = p.recorder.startManual();
    this.deps.events.raise({ type: 'recordingRequested', cameraId, severity: 'info', message: `${p.camera.name}: manual recording requested` });
    return { until };
  }

  stopManualRecording(cameraId: string): void {
    const p = this.pipeline(cameraId);
    p.recorder.stopManual();
    this.deps.events.raise({ type: 'recordingRequestEnded', cameraId, severity: 'info', message: `${p.camera.name}: manual recording stopped` });
  }

  triggerEvent(cameraId: string, durationSeconds: number): { until: number } {
    const p = this.pipeline(cameraId);
    const until = p.recorder.triggerEvent(durationSeconds);
    this.deps.events.raise({ type: 'recordingRequested', cameraId, severity: 'info', message: `${p.camera.name}: recording event for ${durationSeconds} s` });
    return { until };
  }

  private holdsOf(cameraId: string): RecordingHolds {
    let h = this.holds.get(cameraId);
    if (!h) this.holds.set(cameraId, (h = new RecordingHolds()));
    return h;
  }

  /**
   * A rule asks the camera to record from `preSeconds` before now (as far as its pre-buffer
   * reaches) until releaseRecording; `key` tells this request from others on the camera.
   */
  holdRecording(cameraId: string, key: string, preSeconds: number): void {
    const p = this.pipeline(cameraId);
    if (p.camera.policy.mode === 'never') {
      throw new VmsError('VMS_ERR_CONFLICT', `camera ${p.camera.name} has recording mode "never"; change the mode to record`);
    }
    this.holdsOf(cameraId).start(key, preSeconds);
  }

  /** Ends a rule's request `postSeconds` from now; false when it held nothing on the camera. */
  releaseRecording(cameraId: string, key: string, postSeconds: number): boolean {
    return this.holds.get(cameraId)?.release(key, postSeconds, this.deps.clock.now()) ?? false;
  }

  /**
   * Stops a camera that left the configuration (its hardware was removed); resolves once what
   * it was writing is sealed, so its recordings may then be deleted.
   */
  async removeCamera(cameraId: string): Promise<void> {
    const cur = this.pipelines.get(cameraId);
    this.pipelines.delete(cameraId);
    this.liveHub.refresh(cameraId);
    await Promise.all([cur?.close(), ...this.closing]);
  }

  cameraStatus(camera: Camera): CameraStatus {
    const p = this.pipelines.get(camera.id);
    return {
      cameraId: camera.id,
      enabled: camera.enabled,
      connection: p ? p.connection.status : null,
      recorder: p ? p.recorder.status : null,
    };
  }

  /** Stops every camera and seals what is being written. */
  async close(): Promise<void> {
    const all = [...this.pipelines.values()];
    this.pipelines.clear();
    await Promise.all([...all.map((p) => p.close()), ...this.closing]);
    if (this.ownsHub) await this.liveHub.close();
  }
}
