import type { Clock } from '../../base/common/clock';
import { DisposableStore } from '../../base/common/event';
import type { EventLog } from '../../events/node/eventLog';
import type { StreamOpener } from '../../devices/node/frameSource';
import type { StorageHandle } from '../../media-db/node/storageHandle';
import type { Camera } from '../../management/common/camera';
import type { RecorderDeps } from './cameraRecorder';
import { CameraRecorder } from './cameraRecorder';
import { StreamConnection } from './streamConnection';

/**
 * Everything the recording server runs for one camera: the connection to its recorded stream
 * and the recorder fed by it, with their events turned into system events.
 */
export class CameraPipeline {
  readonly connection: StreamConnection;
  readonly recorder: CameraRecorder;
  private readonly store = new DisposableStore();

  constructor(
    readonly camera: Camera,
    deps: RecorderDeps & { clock: Clock; events: EventLog },
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

  async close(): Promise<void> {
    this.store.dispose();
    await this.connection.close();
    await this.recorder.close();
  }
}
