import type { Clock } from '../../base/common/clock';
import { errorMessage } from '../../base/common/errors';
import { DisposableStore } from '../../base/common/event';
import { GridChunkBuilder } from '../../media-db/common/motionGrid';
import type { GridChunk } from '../../media-db/common/motionGrid';
import type { EventLog } from '../../events/node/eventLog';
import type { StorageHandle } from '../../media-db/node/storageHandle';
import type { Camera } from '../../management/common/camera';
import type { RecorderDeps } from './cameraRecorder';
import { CameraRecorder } from './cameraRecorder';
import { MotionDetector } from './motionDetector';
import type { StreamInfo } from '../../devices/common/types';
import type { LiveHub, LiveSubscription } from '../../streaming/node/live/liveHub';

/**
 * Everything the recording server runs for one camera: the recorder fed by its recorded
 * stream, and motion detection, with their events turned into system events. Frames come
 * through the LiveHub, so live viewers of the same streams add no camera connection.
 */
export class CameraPipeline {
  /** The recorder's hold on the recorded stream (the connection is shared through the hub). */
  readonly connection: LiveSubscription;
  readonly recorder: CameraRecorder;
  /** Present when motion is detected; fed by the recorded stream or a smaller one. */
  readonly motion: MotionDetector | undefined;
  private motionConnection: LiveSubscription | undefined;
  private openMotionSpan: number | undefined;
  /** Cells that changed per analysed frame, stored in chunks for smart search. */
  private readonly grids = new GridChunkBuilder();
  private gridFailed = false;
  private readonly store = new DisposableStore();

  constructor(
    readonly camera: Camera,
    private readonly deps: RecorderDeps & { clock: Clock; events: EventLog; ffmpegPath?: string },
    hub: LiveHub,
    storage: () => StorageHandle | undefined,
  ) {
    const stream = camera.streams.find((s) => s.key === camera.recordStream) ?? camera.streams[0]!;
    this.recorder = new CameraRecorder(deps, camera.id, stream.key, camera.policy, storage);
    // No replay of the hub's cached GOP: frames a previous pipeline already wrote would be written twice.
    // The recorder retains what it keeps (pre-buffer, writer queue), so frame memory is recycled.
    this.connection = hub.subscribe(camera.id, stream.key, (f) => this.recorder.onFrame(f), { retainsFrames: true });
    const cameraId = camera.id;
    const { events } = deps;
    if (camera.motion.enabled || camera.policy.mode === 'motion') {
      const motion = new MotionDetector({ settings: camera.motion, clock: deps.clock, ...(deps.ffmpegPath ? { ffmpegPath: deps.ffmpegPath } : {}) });
      this.motion = motion;
      // push() copies what it passes to the decoder and keeps no frame.
      this.motionConnection = hub.subscribe(camera.id, motionStream(camera).key, (f) => motion.push(f), { retainsFrames: true });
      this.store.add(motion.onDidChangeMotion((m) => this.onMotion(m.active, m.time90k)));
      this.store.add(motion.onDidAnalyze((sample) => this.storeGrid(this.grids.add(sample.time90k, sample.cells))));
    }
    this.store.add(
      this.connection.onDidLoseConnection((s) => {
        this.recorder.endRun();
        events.raise({ type: 'connectionLost', cameraId, severity: 'error', message: `${camera.name}: connection lost: ${s.error?.message ?? ''}`, ...(s.error ? { code: s.error.code } : {}) });
      }),
    );
    this.store.add(
      this.connection.onDidRestoreConnection(() =>
        events.raise({ type: 'connectionRestored', cameraId, severity: 'info', message: `${camera.name}: connection restored` }),
      ),
    );
    this.store.add(
      this.recorder.onDidChangeRecording(({ recording }) =>
        events.raise({ type: recording ? 'recordingStarted' : 'recordingStopped', cameraId, severity: 'info', message: `${camera.name}: recording ${recording ? 'started' : 'stopped'}` }),
      ),
    );
    this.store.add(
      this.recorder.onDidFail(({ error }) =>
        events.raise({ type: 'recordingFailed', cameraId, severity: 'error', code: error.code, message: `${camera.name}: ${error.message}` }),
      ),
    );
  }

  private onMotion(active: boolean, time90k: number): void {
    const { id: cameraId, name } = this.camera;
    const { db, events } = this.deps;
    this.recorder.setMotion(active);
    if (active && this.openMotionSpan === undefined) {
      this.openMotionSpan = db.startMotion(cameraId, time90k);
    } else if (!active && this.openMotionSpan !== undefined) {
      db.endMotion(this.openMotionSpan, time90k);
      this.openMotionSpan = undefined;
    }
    events.raise({ type: active ? 'motionStarted' : 'motionStopped', cameraId, severity: 'info', message: `${name}: motion ${active ? 'started' : 'stopped'}` });
  }

  /**
   * One row per chunk of about ten seconds: a tiny write next to the recording's own. A failure
   * costs smart search those seconds, never recording; it is reported once per pipeline.
   */
  private storeGrid(chunk: GridChunk | undefined): void {
    if (!chunk) return;
    try {
      this.deps.db.motionGrids.insert(this.camera.id, chunk);
    } catch (e) {
      if (this.gridFailed) return;
      this.gridFailed = true;
      this.deps.events.raise({
        type: 'recordingFailed', cameraId: this.camera.id, severity: 'warning', code: 'VMS_ERR_STORAGE_IO',
        message: `${this.camera.name}: motion grid for smart search not stored: ${errorMessage(e)}`,
      });
    }
  }

  async close(): Promise<void> {
    // Sources first; the recorder's last events (recording stopped) still reach the event log.
    await Promise.all([this.connection.close(), this.motionConnection?.close(), this.motion?.dispose()]);
    this.storeGrid(this.grids.take());
    // Motion still going on when the camera stops ends now, so the index holds no open span.
    if (this.openMotionSpan !== undefined) this.deps.db.endMotion(this.openMotionSpan, this.deps.clock.now() * 90);
    this.openMotionSpan = undefined;
    await this.recorder.close();
    this.store.dispose();
  }
}

/** The stream motion detection reads: the configured one, else the smallest (cheapest to decode). */
function motionStream(camera: Camera): StreamInfo {
  const byKey = camera.streams.find((s) => s.key === camera.motion.streamKey);
  if (byKey) return byKey;
  return [...camera.streams].sort((a, b) => (a.width ?? 1e9) * (a.height ?? 1e9) - (b.width ?? 1e9) * (b.height ?? 1e9))[0]!;
}
