import type { Clock } from '../../base/common/clock';
import { Emitter } from '../../base/common/event';
import type { Disposable } from '../../base/common/event';
import { errorMessage, isVmsError } from '../../base/common/errors';
import type { ErrorCode } from '../../base/common/errors';
import type { FrameBlockSource } from '../../media/common/framePool';
import type { VideoFrame } from '../../media/common/types';
import type { Credentials, RtspTransport } from '../../devices/common/types';
import type { StreamOpener, StreamSession } from '../../devices/node/frameSource';
import { reconnectDelayMs } from '../common/backoff';

export type ConnectionState = 'connecting' | 'streaming' | 'lost' | 'stopped';

export interface ConnectionStatus {
  state: ConnectionState;
  /** Why the last session ended or failed, when it did. */
  error?: { code: ErrorCode | 'VMS_ERR_INTERNAL'; message: string };
  since: number;
  attempts: number;
  framesReceived: number;
  /** Bytes of frame data received over the connection's life (the system monitor's bitrate). */
  bytesReceived: number;
}

/** A session that delivered frames this long counts as healthy: the backoff starts over. */
const HEALTHY_MS = 10_000;

/**
 * Keeps one camera stream connected: opens a session, forwards its frames, and when it ends
 * or fails, retries with backoff forever until disposed. Every attempt is a new session (new
 * connection, new RTSP session id), so a stale session on the camera never blocks it.
 */
export class StreamConnection implements Disposable {
  private readonly onFrameEmitter = new Emitter<VideoFrame>();
  readonly onFrame = this.onFrameEmitter.event;
  private readonly onDidChangeStatusEmitter = new Emitter<ConnectionStatus>();
  readonly onDidChangeStatus = this.onDidChangeStatusEmitter.event;
  /** Fired on the transition from streaming to lost (connection lost) and back (restored). */
  private readonly onDidLoseConnectionEmitter = new Emitter<ConnectionStatus>();
  readonly onDidLoseConnection = this.onDidLoseConnectionEmitter.event;
  private readonly onDidRestoreConnectionEmitter = new Emitter<ConnectionStatus>();
  readonly onDidRestoreConnection = this.onDidRestoreConnectionEmitter.event;

  private status: ConnectionStatus;
  private readonly abort = new AbortController();
  private session: StreamSession | undefined;
  private wasLost = false;
  private readonly loop: Promise<void>;

  constructor(
    private readonly opener: StreamOpener,
    private readonly options: { url: string; credentials: Credentials; transport: RtspTransport; frameBlocks?: FrameBlockSource },
    private readonly clock: Clock,
  ) {
    this.status = { state: 'connecting', since: clock.now(), attempts: 0, framesReceived: 0, bytesReceived: 0 };
    this.loop = this.run();
  }

  get currentStatus(): ConnectionStatus {
    return this.status;
  }

  private setStatus(patch: Partial<ConnectionStatus>): void {
    this.status = { ...this.status, ...patch, since: patch.state && patch.state !== this.status.state ? this.clock.now() : this.status.since };
    this.onDidChangeStatusEmitter.fire(this.status);
  }

  private async run(): Promise<void> {
    let attempt = 0;
    while (!this.abort.signal.aborted) {
      this.setStatus({ state: this.wasLost ? 'lost' : 'connecting', attempts: attempt + 1 });
      let startedAt = 0;
      let failure: unknown;
      try {
        this.session = await this.opener({ ...this.options, signal: this.abort.signal });
        if (this.abort.signal.aborted) break;
        startedAt = this.clock.monotonic();
        const sub = this.session.onFrame((f) => {
          this.status.framesReceived++;
          this.status.bytesReceived += f.data.length;
          this.onFrameEmitter.fire(f);
        });
        this.setStatus({ state: 'streaming', error: undefined });
        if (this.wasLost) {
          this.wasLost = false;
          this.onDidRestoreConnectionEmitter.fire(this.status);
        }
        failure = await this.session.closed;
        sub.dispose();
        this.session.dispose();
        this.session = undefined;
      } catch (e) {
        failure = e;
      }
      if (this.abort.signal.aborted) break;
      const error = failure
        ? { code: isVmsError(failure) ? failure.code : ('VMS_ERR_INTERNAL' as const), message: errorMessage(failure) }
        : { code: 'VMS_ERR_DEVICE_PROTOCOL' as const, message: 'stream ended' };
      const firstLoss = !this.wasLost;
      this.wasLost = true;
      this.setStatus({ state: 'lost', error });
      if (firstLoss) this.onDidLoseConnectionEmitter.fire(this.status);
      attempt = startedAt && this.clock.monotonic() - startedAt > HEALTHY_MS ? 0 : attempt + 1;
      try {
        await this.clock.sleep(reconnectDelayMs(attempt - 1), this.abort.signal);
      } catch {
        break;
      }
    }
  }

  async close(): Promise<void> {
    this.abort.abort(new Error('connection closed'));
    this.session?.dispose();
    await this.loop;
    this.setStatus({ state: 'stopped' });
    this.onFrameEmitter.dispose();
    this.onDidChangeStatusEmitter.dispose();
    this.onDidLoseConnectionEmitter.dispose();
    this.onDidRestoreConnectionEmitter.dispose();
  }

  dispose(): void {
    void this.close();
  }
}
