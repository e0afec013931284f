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
import { FeedHolds } from '../common/feedHolds';
import { RequestedRecordings } from './requestedRecordings';
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
  /**
   * Connect only the cameras whose feed rules hold (holdFeed: the startFeed action, the default
   * "Start feed always" rule). Without it every enabled camera is connected, as for a recording
   * server with no event server.
   */
  feedsFromRules?: boolean;
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
  /** Which cameras rules keep connected (when feedsFromRules). */
  private readonly feeds = new FeedHolds();
  private feedsChanged: NodeJS.Immediate | undefined;
  /** Manual recording and recording events, announced for the "Record on request" rule. */
  private readonly requests: RequestedRecordings;
  /** Camera connections, shared with live viewing: give live routes this hub. */
  readonly liveHub: LiveHub;
  private readonly ownsHub: boolean;

  constructor(private readonly deps: RecordingServerDeps) {
    this.ownsHub = !deps.liveHub;
    const resolve = configSourceResolver(deps.config);
    this.liveHub = deps.liveHub ?? new LiveHub({
      openers: deps.openers, clock: deps.clock,
      // No feed, no live video either: the feed is the site's connection to the camera.
      resolve: (cameraId, streamKey) => {
        if (!this.feedAllowed(cameraId)) throw new VmsError('VMS_ERR_CONFLICT', `camera ${cameraId} has no feed: no rule starts it`);
        return resolve(cameraId, streamKey);
      },
    });
    this.requests = new RequestedRecordings({ clock: deps.clock, events: deps.events, cameraName: (id) => this.cameraName(id) });
  }

  private cameraName(cameraId: string): string {
    try {
      return this.deps.config.getCamera(cameraId).name;
    } catch {
      return cameraId;
    }
  }

  private feedAllowed(cameraId: string): boolean {
    return !this.deps.feedsFromRules || this.feeds.allows(cameraId);
  }

  /** A rule starts the feed of a camera, or of every camera (ALL_CAMERAS, cameras added later included). */
  holdFeed(target: string, key: string): void {
    if (this.feeds.hold(target, key)) this.onFeedsChanged();
  }

  /** Ends what holdFeed began under `key`; false when it held nothing there. */
  releaseFeed(target: string, key: string): boolean {
    const released = this.feeds.release(target, key);
    if (released) this.onFeedsChanged();
    return released;
  }

  /**
   * Applied at the end of this turn of the event loop, once: a rule that is changed stops its
   * feeds and starts them again at once, which should not restart every camera.
   */
  private onFeedsChanged(): void {
    this.feedsChanged ??= setImmediate(() => {
      this.feedsChanged = undefined;
      if (!this.started) return;
      for (const c of this.deps.config.listCameras()) {
        if (this.pipelines.has(c.id) !== (c.enabled && this.feedAllowed(c.id))) this.applyCamera(c);
      }
    });
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
    const feed = camera.enabled && this.feedAllowed(camera.id);
    const needsRestart =
      !cur || !feed || cur.camera.recordStream !== camera.recordStream || cur.camera.transport !== camera.transport ||
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
    // Live viewers of this camera reconnect to a changed URL, or end when it is disabled or its feed stops.
    this.liveHub.refresh(camera.id);
    if (!feed) return;
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
    if (!p) throw new VmsError('VMS_ERR_CONFLICT', `camera ${cameraId} is not running (disabled, no stream, or no rule starts its feed)`);
    return p;
  }

  /** An operator asks to record (any mode but never): announced as recordingRequested; the "Record on request" rule records. */
  startManualRecording(cameraId: string): { until: number } {
    const p = this.pipeline(cameraId);
    if (p.camera.policy.mode === 'never') {
      throw new VmsError('VMS_ERR_CONFLICT', `camera ${p.camera.name} has recording mode "never"; change the mode to record`);
    }
    return { until: this.requests.startManual(cameraId, p.camera.policy.manualMaxMinutes) };
  }

  stopManualRecording(cameraId: string): void {
    this.pipeline(cameraId);
    this.requests.stopManual(cameraId);
  }

  /**
   * A recording event (mode "event"): the pre-buffer, `durationSeconds` and the post-buffer are
   * recorded, through the "Record on request" rule. Refused in the modes it would not record in.
   */
  triggerEvent(cameraId: string, durationSeconds: number): { until: number } {
    const p = this.pipeline(cameraId);
    const { mode, postBufferSeconds } = p.camera.policy;
    if (mode !== 'event' && mode !== 'always') {
      throw new VmsError('VMS_ERR_CONFLICT', `camera ${p.camera.name} records in mode "${mode}": recording events apply to mode "event"`);
    }
    return { until: this.requests.event(cameraId, durationSeconds, postBufferSeconds) };
  }

  private holdsOf(cameraId: string): RecordingHolds {
    let h = this.holds.get(cameraId);
    if (!h) this.holds.set(cameraId, (h = new RecordingHolds()));
    return h;
  }

  /**
   * A rule asks the camera to record from `preSeconds` before now (absent: its own pre-buffer;
   * as far as the pre-buffer reaches) until releaseRecording; `key` tells this request from
   * others on the camera.
   */
  holdRecording(cameraId: string, key: string, preSeconds?: number): void {
    const p = this.pipeline(cameraId);
    if (p.camera.policy.mode === 'never') {
      throw new VmsError('VMS_ERR_CONFLICT', `camera ${p.camera.name} has recording mode "never"; change the mode to record`);
    }
    this.holdsOf(cameraId).start(key, preSeconds ?? p.camera.policy.preBufferSeconds);
  }

  /** Ends a rule's request `postSeconds` from now (absent: the camera's post-buffer); false when it held nothing on the camera. */
  releaseRecording(cameraId: string, key: string, postSeconds?: number): boolean {
    const post = postSeconds ?? this.pipelines.get(cameraId)?.camera.policy.postBufferSeconds ?? 0;
    return this.holds.get(cameraId)?.release(key, post, this.deps.clock.now()) ?? false;
  }

  /**
   * Stops a camera that left the configuration (its hardware was removed); resolves once what
   * it was writing is sealed, so its recordings may then be deleted.
   */
  async removeCamera(cameraId: string): Promise<void> {
    const cur = this.pipelines.get(cameraId);
    this.pipelines.delete(cameraId);
    this.requests.forget(cameraId);
    this.liveHub.refresh(cameraId);
    await Promise.all([cur?.close(), ...this.closing]);
  }

  cameraStatus(camera: Camera): CameraStatus {
    const p = this.pipelines.get(camera.id);
    return {
      cameraId: camera.id,
      enabled: camera.enabled,
      connection: p ? p.connection.status : null,
      recorder: p ? { ...p.recorder.status, manualUntil: this.requests.manualUntil(camera.id) } : null,
    };
  }

  /** Stops every camera and seals what is being written. */
  async close(): Promise<void> {
    this.requests.close();
    if (this.feedsChanged) clearImmediate(this.feedsChanged);
    this.feedsChanged = undefined;
    const all = [...this.pipelines.values()];
    this.pipelines.clear();
    await Promise.all([...all.map((p) => p.close()), ...this.closing]);
    if (this.ownsHub) await this.liveHub.close();
  }
}
