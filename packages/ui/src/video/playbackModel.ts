/**
 * What a playback session's messages mean for the screen, without a browser: where the session
 * is in wall time (the timeline follows it), what each camera shows (picture, gap, end), and
 * which media time each video element must show after a seek or step. The player feeds it
 * socket messages and acts on the effects it returns.
 */
import type { PlaybackMessage } from './playbackMessages';

export type CameraPlayback =
  /** Nothing known yet at this position (connecting, or a seek is under way). */
  | { kind: 'waiting' }
  | { kind: 'picture' }
  /** Nothing was recorded at the position; recording resumes at `untilMs`. */
  | { kind: 'gap'; untilMs: number }
  /** Nothing is recorded after the position (up to when the session began). */
  | { kind: 'ended' }
  /** This camera is not in the session (no right, no such camera); the others play on. */
  | { kind: 'unavailable'; code: string; message: string };

export type PlaybackEffect =
  /** Show the picture at this time of slot `index`'s media timeline (seconds). */
  | { type: 'show'; index: number; mediaSeconds: number }
  /** The in-flight operation is answered. */
  | { type: 'answered'; state?: 'playing' | 'paused' }
  | { type: 'error'; code: string; message: string };

interface ClockAnchor {
  wallMs: number;
  /** Local monotonic ms (performance.now) at which wallMs was shown. */
  atMs: number;
  speed: number;
  playing: boolean;
}

export class PlaybackModel {
  private clock: ClockAnchor;
  private readonly cameras: CameraPlayback[];
  /** A camera may fill several tiles of a view: each tile (slot) shows the same messages. */
  private readonly slotsOf = new Map<string, number[]>();

  /** `cameraIds` per slot (tile); `initialMs` is where the session starts. */
  constructor(readonly cameraIds: readonly string[], initialMs: number, nowMs: number) {
    cameraIds.forEach((id, i) => this.slotsOf.set(id, [...(this.slotsOf.get(id) ?? []), i]));
    this.cameras = cameraIds.map(() => ({ kind: 'waiting' }));
    this.clock = { wallMs: initialMs, atMs: nowMs, speed: 1, playing: false };
  }

  /** Wall time of what the session shows at local time `nowMs` (ms since the epoch). */
  positionAt(nowMs: number): number {
    const c = this.clock;
    return c.playing ? c.wallMs + (nowMs - c.atMs) * c.speed : c.wallMs;
  }

  get playing(): boolean {
    return this.clock.playing;
  }

  get speed(): number {
    return this.clock.speed;
  }

  camera(index: number): CameraPlayback {
    return this.cameras[index] ?? { kind: 'waiting' };
  }

  /**
   * The client moves the position itself (a seek, or reverse play's next step): the timeline
   * shows the target at once. Camera states stay until the server answers, so a drag does not
   * flash every tile through "waiting".
   */
  moveTo(wallMs: number, nowMs: number): void {
    this.clock = { ...this.clock, wallMs, atMs: nowMs };
  }

  /** Playing or paused as the client asked; the server's `state` confirms it later. */
  setPlaying(playing: boolean, speed: number, nowMs: number): void {
    this.clock = { wallMs: this.positionAt(nowMs), atMs: nowMs, speed, playing };
  }

  markUnavailable(index: number, code: string, message: string): void {
    if (index >= 0 && index < this.cameras.length) this.cameras[index] = { kind: 'unavailable', code, message };
  }

  /** The camera is in the (new) session again, e.g. after a reconnect got its token. */
  markAvailable(index: number): void {
    if (this.cameras[index]?.kind === 'unavailable') this.cameras[index] = { kind: 'waiting' };
  }

  /** Media arrived for slot `index`: it has a picture (a gap or end announced before is over). */
  onMedia(index: number): void {
    const c = this.cameras[index];
    if (c && (c.kind === 'gap' || c.kind === 'ended')) this.cameras[index] = { kind: 'picture' };
  }

  onMessage(m: PlaybackMessage, nowMs: number): PlaybackEffect[] {
    switch (m.type) {
      case 'seeked':
        return this.showing(m.camera, m.mediaTime90k);
      case 'stepped': {
        this.clock = { ...this.clock, wallMs: m.showFrom90k / 90, atMs: nowMs, playing: false };
        return this.showing(m.camera, m.mediaTime90k);
      }
      case 'gap':
        this.set(m.camera, { kind: 'gap', untilMs: m.end90k / 90 });
        this.jumpOverCommonGap(nowMs);
        return [];
      case 'ended':
        this.set(m.camera, { kind: 'ended' });
        return [];
      case 'state':
        this.clock = { wallMs: m.position90k / 90, atMs: nowMs, speed: m.speed, playing: m.state === 'playing' };
        return [{ type: 'answered', state: m.state }];
      case 'dropped':
        return [];
      case 'error':
        return [{ type: 'answered' }, { type: 'error', code: m.code, message: m.message }];
    }
  }

  private showing(camera: string, mediaTime90k: number): PlaybackEffect[] {
    return (this.slotsOf.get(camera) ?? []).map((index) => {
      this.cameras[index] = { kind: 'picture' };
      return { type: 'show', index, mediaSeconds: mediaTime90k / 90_000 };
    });
  }

  private set(camera: string, state: CameraPlayback): void {
    for (const index of this.slotsOf.get(camera) ?? []) {
      if (this.cameras[index]?.kind !== 'unavailable') this.cameras[index] = state;
    }
  }

  /**
   * While playing, the server skips a gap that every camera is in (it does not send a state
   * for that), so the clock jumps to where the first camera resumes.
   */
  private jumpOverCommonGap(nowMs: number): void {
    if (!this.clock.playing) return;
    const live = this.cameras.filter((c) => c.kind !== 'unavailable' && c.kind !== 'ended');
    if (live.length === 0 || !live.every((c) => c.kind === 'gap')) return;
    const resume = Math.min(...live.map((c) => (c.kind === 'gap' ? c.untilMs : Infinity)));
    if (resume > this.positionAt(nowMs)) this.clock = { ...this.clock, wallMs: resume, atMs: nowMs };
  }
}
