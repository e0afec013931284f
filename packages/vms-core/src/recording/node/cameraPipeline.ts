import type { Clock } from '../../base/common/clock';
import { DisposableStore } from '../../base/common/event';
import type { EventLog } from '../../events/node/eventLog';
import type { StreamOpener } from '../../devices/node/frameSource';
import type { StorageHandle } from '../../media-db/node/storageHandle';
import type { Camera } from '../../management/common/camera';
import type { RecorderDeps } from './cameraRecorder';
import { CameraRecorder } from './cameraRecorder';
import { StreamConnection } from './streamConnection';
import { MotionDetector } from './motionDetector';
import type { StreamInfo } from '../../devices/common/types';

/**
 * Everything the recording server runs for one camera: the connection to its recorded stream
 * and the recorder fed by it, with their events turned into system events.
 */
export class CameraPipeline {
  readonly connection: StreamConnection;
  readonly recorder: CameraRecorder;
  /** Present when motion is detected; fed by `connection` or by its own connection to a smaller stream. */
  readonly motion: MotionDetector | undefined;
  private motionConnection: StreamConnection | undefined;
  private openMotionSpan: number | undefined;
  private readonly store = new DisposableStore();

  constructor(
    readonly camera: Camera,
    private readonly deps: RecorderDeps & { clock: Clock; events: EventLog; ffmpegPath?: string },
    opener: StreamOpener,
    credentials: { username?: string; password?: string },
    storage: () => StorageHandle | undefined,
  ) {
    const stream = camera.streams.find((s) => s.key === camera.recordStream) ?? camera.streams[0]!;
    this.connection = new StreamConnection(opener, { url: stream.url, credentials, transport: camera.transport }, deps.clock);
    this.recorder = new CameraRecorder(deps, camera.id, stream.key, camera.policy, storage);
    const cameraId = camera.id;
    const { events } = deps;
    this.store.add(this.connection.onFrame((f) => this.recorder.onFrame(f)));
    if (camera.motion.enabled || camera.policy.mode === 'motion') {
      this.motion = new MotionDetector({ settings: camera.motion, clock: deps.clock, ...(deps.ffmpegPath ? { ffmpegPath: deps.ffmpegPath } : {}) });
      const source = motionStream(camera);
      const conn = source.key === stream.key
        ? this.connection
        : (this.motionConnection = new StreamConnection(opener, { url: source.url, credentials, transport: camera.transport }, deps.clock));
      this.store.add(conn.onFrame((f) => this.motion!.push(f)));
      this.store.add(this.motion.onDidChangeMotion((m) => this.onMotion(m.active, m.time90k)));
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

  async close(): Promise<void> {
    // Sources first; the recorder's last events (recording stopped) still reach the event log.
    await Promise.all([this.connection.close(), this.motionConnection?.close(), this.motion?.dispose()]);
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
