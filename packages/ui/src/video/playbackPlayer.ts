/**
 * Recorded playback of the cameras of a view over one WebSocket (`/media/playback?tokens=…`):
 * one session clock on the server, so every tile shows the same instant, and one MSE track per
 * tile. Commands go through a queue that keeps one operation in flight and lets the latest seek
 * win, which is what makes a timeline drag feel immediate. Reverse play is done here, as a
 * seek every REVERSE_TICK_MS, because the server plays forward only.
 *
 * Reconnects follow the live players (PlayerBase: backoff, final 4401/4403/4404): each attempt
 * asks for fresh tokens, then seeks to where the session was and resumes playing if it was.
 */
import { PlaybackCommandQueue } from './playbackCommands';
import type { PlaybackOperation } from './playbackCommands';
import type { PlaybackCommand } from './playbackMessages';
import { encodeCommand, parsePlaybackMessage, splitMediaMessage } from './playbackMessages';
import { PlaybackModel } from './playbackModel';
import type { CameraPlayback, PlaybackEffect } from './playbackModel';
import { PlaybackTrack } from './playbackTrack';
import { PlayerBase } from './playerBase';
import type { PlayerOptions } from './playerBase';
import { CLOSE_FORBIDDEN, CLOSE_NOT_FOUND, CLOSE_UNAUTHENTICATED } from './playerState';
import { Emitter } from './typedEvent';
import type { Event } from './typedEvent';
import { CLOSE_PLAYER_ERROR } from './mseLivePlayer';

/** Server limits (vms-core playbackProtocol: 1/8..32); faster or slower asks are clamped. */
export const MIN_FORWARD_SPEED = 1 / 8;
export const MAX_FORWARD_SPEED = 32;
/** How often reverse play moves the picture back. */
export const REVERSE_TICK_MS = 250;
/** An unanswered operation stops holding up the queue after this long. */
export const ANSWER_TIMEOUT_MS = 3000;
/**
 * A session reads recordings up to the moment of its last seek, so forward play stops there even
 * though more has been recorded since. When it stops further than this behind the wall clock, the
 * player seeks on from where it stopped and keeps playing.
 */
export const CONTINUE_BEHIND_MS = 2000;

export interface PlaybackSlot {
  cameraId: string;
  video: HTMLVideoElement;
}

export interface PlaybackPlayerOptions extends PlayerOptions {
  /** Absolute ws(s) URL of the playback socket, without the tokens parameter. */
  socketUrl: string;
  /** A fresh playback token for a camera (getPlayback); rejects with `{status, code, message}` when refused. */
  token: (cameraId: string) => Promise<string>;
  /** Wall time (ms) to show first. */
  startMs: number;
  /** Local monotonic clock; tests and benchmarks may inject one. */
  now?: () => number;
  /** Wall clock (ms since the epoch), to tell "recordings ran out" from "the session's read limit". */
  wallNow?: () => number;
}

export interface PlaybackSessionState {
  playing: boolean;
  speed: number;
}

export class PlaybackPlayer extends PlayerBase {
  private readonly tracks: PlaybackTrack[];
  private readonly model: PlaybackModel;
  private readonly queue: PlaybackCommandQueue;
  private readonly now: () => number;
  private readonly abort = new AbortController();
  private socket: WebSocket | undefined;
  /** Session index (the binary messages' first byte) → slots showing that camera. */
  private sessionSlots: number[][] = [];
  private connection = 0;
  private answerTimer: ReturnType<typeof setTimeout> | undefined;
  private reverseTimer: ReturnType<typeof setInterval> | undefined;
  private wanted: PlaybackSessionState = { playing: false, speed: 1 };
  /** A pause from forward play is followed by a seek to its position (see apply). */
  private resyncOnPause = false;
  /** Where forward play last continued past the session's read limit (no progress: really the end). */
  private continuedFrom: number | undefined;
  private readonly camerasEmitter = new Emitter<void>();
  private readonly sessionEmitter = new Emitter<PlaybackSessionState>();
  private readonly errorEmitter = new Emitter<{ code: string; message: string }>();
  private readonly endEmitter = new Emitter<void>();

  /** A camera's state changed (picture, gap, ended, unavailable). */
  readonly onDidChangeCameras: Event<void> = this.camerasEmitter.event;
  /** Playing/paused or the speed changed, by the operator or the server. */
  readonly onDidChangeSession: Event<PlaybackSessionState> = this.sessionEmitter.event;
  /** The server refused a command or failed while playing. */
  readonly onDidError: Event<{ code: string; message: string }> = this.errorEmitter.event;
  /** Forward play ran out of recordings (the session stopped by itself). */
  readonly onDidEnd: Event<void> = this.endEmitter.event;

  constructor(readonly slots: readonly PlaybackSlot[], private readonly options: PlaybackPlayerOptions) {
    super(options);
    this.now = options.now ?? (() => performance.now());
    this.model = new PlaybackModel(slots.map((s) => s.cameraId), options.startMs, this.now());
    this.tracks = slots.map((s) => new PlaybackTrack(s.video, (reason) => this.fail(reason)));
    this.queue = new PlaybackCommandQueue((commands, op) => this.sendOperation(commands, op));
    const signal = this.abort.signal;
    for (const s of slots) {
      // A shown frame is media; playback has no "stalled" state worth a spinner (frames come when due).
      for (const type of ['seeked', 'playing', 'loadeddata']) s.video.addEventListener(type, () => this.input({ type: 'media' }), { signal });
    }
    this.start();
  }

  /** Wall time (ms since the epoch) of what the session shows now; the timeline follows it. */
  get positionMs(): number {
    return this.model.positionAt(this.now());
  }

  get session(): PlaybackSessionState {
    return { ...this.wanted };
  }

  camera(index: number): CameraPlayback {
    return this.model.camera(index);
  }

  seek(atMs: number): void {
    if (!Number.isFinite(atMs)) return;
    this.continuedFrom = undefined;
    this.resyncOnPause = false;
    this.model.moveTo(atMs, this.now());
    this.queue.request({ type: 'seek', atMs });
  }

  /** Plays at `speed` (negative: backwards). */
  play(speed = 1): void {
    if (!Number.isFinite(speed) || speed === 0) return;
    this.resyncOnPause = false;
    this.setWanted({ playing: true, speed });
    this.applyWanted();
  }

  pause(): void {
    if (this.wanted.playing && this.wanted.speed > 0) this.resyncOnPause = true;
    this.setWanted({ playing: false, speed: this.wanted.speed });
    this.applyWanted();
  }

  step(direction: 1 | -1): void {
    this.setWanted({ playing: false, speed: this.wanted.speed });
    this.stopReverse();
    this.tracks.forEach((t) => t.setPlaying(false));
    this.queue.request({ type: 'step', direction });
  }

  protected open(): void {
    const connection = ++this.connection;
    void this.fetchTokens().then((tokens) => {
      if (connection !== this.connection || this.disposed) return;
      if (tokens) this.openSocket(tokens);
    });
  }

  /** Tokens of the cameras the user may play back; the others are marked and left out. */
  private async fetchTokens(): Promise<string[] | undefined> {
    const ids = [...new Set(this.slots.map((s) => s.cameraId))];
    const results = await Promise.allSettled(ids.map((id) => this.options.token(id)));
    const tokens: string[] = [];
    this.sessionSlots = [];
    let refusal: { status: number; code: string; message: string } | undefined;
    results.forEach((r, i) => {
      const slots = this.slots.flatMap((s, slot) => (s.cameraId === ids[i] ? [slot] : []));
      if (r.status === 'fulfilled') {
        tokens.push(r.value);
        this.sessionSlots.push(slots);
        for (const slot of slots) this.model.markAvailable(slot);
        return;
      }
      const e = describe(r.reason);
      refusal ??= e;
      for (const slot of slots) this.model.markUnavailable(slot, e.code, e.message);
    });
    this.camerasEmitter.fire();
    if (tokens.length > 0) return tokens;
    const code = refusal?.status === 401 ? CLOSE_UNAUTHENTICATED : refusal?.status === 403 ? CLOSE_FORBIDDEN
      : refusal?.status === 404 ? CLOSE_NOT_FOUND : CLOSE_PLAYER_ERROR;
    this.input({ type: 'close', code, reason: refusal?.message ?? 'no camera to play back' });
    return undefined;
  }

  private openSocket(tokens: string[]): void {
    const url = new URL(this.options.socketUrl);
    url.searchParams.set('tokens', tokens.join(','));
    const socket = new WebSocket(url.href);
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => this.resume();
    socket.onmessage = (e: MessageEvent<string | ArrayBuffer>) => {
      if (typeof e.data === 'string') this.onText(e.data);
      else this.onBinary(e.data);
    };
    socket.onclose = (e) => this.input({ type: 'close', code: e.code, reason: e.reason });
    this.socket = socket;
  }

  /** A new connection starts where the last one was. */
  private resume(): void {
    this.queue.reset();
    this.seek(this.model.positionAt(this.now()));
    this.applyWanted();
  }

  private onBinary(data: ArrayBuffer): void {
    const message = splitMediaMessage(data);
    if (!message) return;
    let changed = false;
    for (const slot of this.sessionSlots[message.index] ?? []) {
      if (!this.tracks[slot]?.push(message.payload)) continue;
      const before = this.model.camera(slot).kind;
      this.model.onMedia(slot);
      changed ||= this.model.camera(slot).kind !== before;
    }
    if (changed) this.camerasEmitter.fire();
  }

  private onText(text: string): void {
    const message = parsePlaybackMessage(text);
    if (!message) return;
    const answering = this.queue.current;
    const effects = this.model.onMessage(message, this.now());
    for (const effect of effects) this.apply(effect, answering);
    if (message.type !== 'state' && message.type !== 'dropped') this.camerasEmitter.fire();
  }

  private apply(effect: PlaybackEffect, answering: PlaybackOperation | undefined): void {
    switch (effect.type) {
      case 'show':
        this.tracks[effect.index]?.show(effect.mediaSeconds);
        return;
      case 'answered':
        clearTimeout(this.answerTimer);
        // Paused after playing, each element stopped wherever its own buffering left it: show
        // every camera at the session's position (before any step asked meanwhile), so the
        // paused tiles show one instant.
        if (answering?.type === 'pause' && this.resyncOnPause) {
          this.resyncOnPause = false;
          this.queue.requestFirst({ type: 'seek', atMs: this.model.positionAt(this.now()) });
        }
        this.queue.acknowledge(effect.state);
        // A pause nobody asked for: forward play reached the end of what the session could read.
        if (!answering && effect.state === 'paused' && this.wanted.playing && this.wanted.speed > 0) this.onStopped();
        return;
      case 'error':
        this.errorEmitter.fire({ code: effect.code, message: effect.message });
        return;
    }
  }

  private onStopped(): void {
    const position = this.model.positionAt(this.now());
    const wallNow = (this.options.wallNow ?? Date.now)();
    const progressed = this.continuedFrom === undefined || position > this.continuedFrom + 1000;
    if (position < wallNow - CONTINUE_BEHIND_MS && progressed) {
      this.seek(position);
      this.continuedFrom = position;
      this.applyWanted();
      return;
    }
    this.continuedFrom = undefined;
    this.setWanted({ playing: false, speed: this.wanted.speed });
    this.tracks.forEach((t) => t.setPlaying(false));
    this.endEmitter.fire();
  }

  private sendOperation(commands: PlaybackCommand[], op: PlaybackOperation): void {
    const socket = this.socket;
    if (!socket || socket.readyState !== WebSocket.OPEN) return this.queue.reset();
    // Data for the old position is already on its way; the seek's own data starts with an init segment.
    if (op.type === 'seek' || (op.type === 'step' && op.direction === -1)) this.tracks.forEach((t) => t.discardUntilInit());
    for (const c of commands) socket.send(encodeCommand(c));
    clearTimeout(this.answerTimer);
    this.answerTimer = setTimeout(() => this.queue.acknowledge(), ANSWER_TIMEOUT_MS);
  }

  /** Brings the server (or the reverse ticker) in line with what the operator wants. */
  private applyWanted(): void {
    const { playing, speed } = this.wanted;
    this.stopReverse();
    const forward = playing && speed > 0;
    this.model.setPlaying(forward, forward ? speed : this.model.speed, this.now());
    this.tracks.forEach((t) => t.setPlaying(forward));
    if (forward) {
      this.queue.request({ type: 'play', speed: Math.min(MAX_FORWARD_SPEED, Math.max(MIN_FORWARD_SPEED, speed)) });
      return;
    }
    this.queue.request({ type: 'pause' });
    if (playing) {
      // Backwards: a seek per tick; the queue drops ticks the server cannot keep up with.
      this.reverseTimer = setInterval(() => this.seek(this.model.positionAt(this.now()) + REVERSE_TICK_MS * speed), REVERSE_TICK_MS);
    }
  }

  private stopReverse(): void {
    clearInterval(this.reverseTimer);
    this.reverseTimer = undefined;
  }

  private setWanted(next: PlaybackSessionState): void {
    if (next.playing === this.wanted.playing && next.speed === this.wanted.speed) return;
    this.wanted = next;
    this.sessionEmitter.fire({ ...next });
  }

  private fail(reason: string): void {
    this.input({ type: 'close', code: CLOSE_PLAYER_ERROR, reason });
  }

  protected close(): void {
    this.connection++;
    clearTimeout(this.answerTimer);
    this.queue.reset();
    const socket = this.socket;
    this.socket = undefined;
    if (socket) {
      socket.onopen = socket.onmessage = socket.onclose = null;
      if (socket.readyState === WebSocket.CONNECTING || socket.readyState === WebSocket.OPEN) socket.close(1000);
    }
    this.tracks.forEach((t) => t.reset());
  }

  override dispose(): void {
    if (this.disposed) return;
    this.stopReverse();
    this.abort.abort();
    super.dispose();
    this.tracks.forEach((t) => t.dispose());
    for (const e of [this.camerasEmitter, this.sessionEmitter, this.errorEmitter, this.endEmitter]) e.dispose();
  }
}

function describe(reason: unknown): { status: number; code: string; message: string } {
  const r = (reason ?? {}) as { status?: unknown; code?: unknown; message?: unknown };
  return {
    status: typeof r.status === 'number' ? r.status : 0,
    code: typeof r.code === 'string' ? r.code : 'VMS_ERR_NETWORK',
    message: typeof r.message === 'string' ? r.message : String(reason),
  };
}
