/**
 * Keeps a playback player and the window's client store in step. The store is what the rest of
 * the client reads and writes (timeline, keyboard shortcuts, search results, bookmarks): a new
 * playback time there is a seek, playing/speed there is what the session does, a step request
 * there is a frame step. While playing,
 * the player's clock is copied back into the store each frame, so the timeline follows the
 * picture; those writes are remembered so they are not mistaken for seeks.
 */
import type { ClientState, ClientStore } from '@nightjar/ui';

/** The part of PlaybackPlayer this needs (tests pass a fake). */
export interface SyncedPlayer {
  readonly positionMs: number;
  readonly session: { playing: boolean; speed: number };
  seek(atMs: number): void;
  play(speed: number): void;
  pause(): void;
  step(direction: 1 | -1): void;
  onDidEnd(listener: () => void): { dispose(): void };
}

/** Forward play that ends this close to the present goes on as live view. */
export const LIVE_SNAP_MS = 10_000;

export class PlaybackStoreSync {
  private written: number | undefined;
  private readonly unsubscribe: () => void;
  private readonly endSubscription: { dispose(): void };

  constructor(
    private readonly store: ClientStore,
    private readonly player: SyncedPlayer,
    private readonly wallNow: () => number = Date.now,
  ) {
    this.applyPlayState(store.getState());
    this.unsubscribe = store.subscribe((state, previous) => this.onStore(state, previous));
    this.endSubscription = player.onDidEnd(() => this.onEnd());
  }

  /** Called once per animation frame: the store follows the session while it plays. */
  tick(): void {
    if (!this.player.session.playing) return;
    const t = this.player.positionMs;
    if (!Number.isFinite(t) || t === this.store.getState().playbackTimeMs) return;
    this.written = t;
    this.store.getState().seek(t);
  }

  private onStore(state: ClientState, previous: ClientState): void {
    if (state.mode !== 'playback') return;
    if (state.playbackTimeMs !== previous.playbackTimeMs && state.playbackTimeMs !== this.written) {
      this.written = undefined;
      this.player.seek(state.playbackTimeMs);
    }
    if (state.playing !== previous.playing || state.speed !== previous.speed) this.applyPlayState(state);
    // Each request has its own seq, so pressing → twice steps twice.
    if (state.stepRequest && state.stepRequest !== previous.stepRequest) this.player.step(state.stepRequest.direction);
  }

  private applyPlayState(state: ClientState): void {
    if (state.playing) this.player.play(state.speed);
    else this.player.pause();
  }

  private onEnd(): void {
    const s = this.store.getState();
    if (s.speed > 0 && this.wallNow() - this.player.positionMs <= LIVE_SNAP_MS) s.goLive();
    else s.pause();
  }

  dispose(): void {
    this.unsubscribe();
    this.endSubscription.dispose();
  }
}
