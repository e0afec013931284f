/**
 * What MseLivePlayer, JsmpegLivePlayer and HlsPlayer share: the state machine, the typed state
 * event and the reconnect timer. Subclasses open their transport in `open()` and release it in
 * `close()`; the base calls them again after a retryable close, with backoff.
 */
import { nextState } from './playerState';
import type { PlayerInput, PlayerState } from './playerState';
import { backoff } from './reconnectPolicy';
import { Emitter } from './typedEvent';
import type { Disposable, Event } from './typedEvent';

export interface Player extends Disposable {
  readonly state: PlayerState;
  readonly onDidChangeState: Event<PlayerState>;
}

export interface PlayerOptions {
  /** Backoff between reconnects (see reconnectPolicy); tests pass a fast one. */
  retryDelay?: (attempt: number) => number | undefined;
}

export abstract class PlayerBase implements Player {
  private current: PlayerState = { kind: 'connecting', attempt: 0 };
  private readonly stateEmitter = new Emitter<PlayerState>();
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly retryDelay: (attempt: number) => number | undefined;
  protected disposed = false;

  readonly onDidChangeState: Event<PlayerState> = this.stateEmitter.event;

  constructor(options: PlayerOptions = {}) {
    this.retryDelay = options.retryDelay ?? backoff();
  }

  get state(): PlayerState {
    return this.current;
  }

  /** Subclass constructors call this once they are fully initialised. */
  protected start(): void {
    this.input({ type: 'connect' });
    this.open();
  }

  /** Opens the transport; may be called again after close() for a reconnect. */
  protected abstract open(): void;
  /** Releases the transport and every listener open() attached. Must be idempotent. */
  protected abstract close(): void;

  protected input(input: PlayerInput): void {
    if (this.disposed) return;
    const before = this.current;
    const after = nextState(before, input, this.retryDelay);
    if (after === before) return;
    this.current = after;
    if (after.kind === 'closed') {
      this.close();
      if (after.retryInMs !== undefined) this.retryTimer = setTimeout(() => this.reconnect(), after.retryInMs);
    }
    // Only real changes are published: 'media' arrives per segment and must not re-render tiles.
    if (after.kind !== before.kind || after.kind === 'closed' || after.kind === 'connecting') this.stateEmitter.fire(after);
  }

  private reconnect(): void {
    this.retryTimer = undefined;
    if (this.disposed) return;
    this.start();
  }

  dispose(): void {
    if (this.disposed) return;
    clearTimeout(this.retryTimer);
    this.close();
    this.current = nextState(this.current, { type: 'dispose' }, this.retryDelay);
    this.stateEmitter.fire(this.current);
    this.disposed = true;
    this.stateEmitter.dispose();
  }
}
