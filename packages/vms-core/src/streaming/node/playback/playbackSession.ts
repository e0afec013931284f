import type { Clock } from '../../../base/common/clock';
import { errorMessage, isVmsError, VmsError } from '../../../base/common/errors';
import { Emitter } from '../../../base/common/event';
import type { Event } from '../../../base/common/event';
import type { Time90k } from '../../../media/common/types';
import type { PlaybackSink } from '../../common/playback/playbackProtocol';
import { checkSpeed, dueInMs, keyFramesOnly } from '../../common/playback/playbackProtocol';
import type { RecordingReader } from '../recordingReader';
import { FrameCursor } from './frameCursor';
import { previousFrameTime, Track } from './playbackTracks';

export interface PlaybackSessionOptions {
  reader: RecordingReader;
  cameraIds: readonly string[];
  clock: Clock;
  sink: PlaybackSink;
  /** When the client has this many bytes unsent, frames are dropped up to the next key frame. */
  maxBufferedBytes?: number;
}

const DEFAULT_MAX_BUFFERED = 8 << 20;

/**
 * Frame-accurate playback of one or more cameras over fMP4 (see playbackProtocol.ts). One
 * session paces every camera by one clock; each camera keeps its own fMP4 stream. Commands are
 * serialized: each stops the sending loop, changes position or speed, and restarts it.
 */
export class PlaybackSession {
  private readonly tracks: Track[];
  private readonly waitEmitter = new Emitter<void>();
  /** Fires each time the sending loop starts waiting for the clock (tests step time by it). */
  readonly onDidWait: Event<void> = this.waitEmitter.event;
  private speed = 1;
  private playing = false;
  private position = 0;
  private anchor = { wall90k: 0, monotonicMs: 0 };
  private pump: { stop: AbortController; done: Promise<void> } | undefined;
  private commands: Promise<unknown> = Promise.resolve();
  private disposed = false;

  constructor(private readonly o: PlaybackSessionOptions) {
    if (o.cameraIds.length === 0 || new Set(o.cameraIds).size !== o.cameraIds.length) {
      throw new VmsError('VMS_ERR_BAD_INPUT', 'a playback session needs distinct cameras');
    }
    this.tracks = o.cameraIds.map((id, i) => new Track(i, id, o.sink));
  }

  get position90k(): Time90k {
    if (!this.playing) return this.position;
    return this.anchor.wall90k + (this.o.clock.monotonic() - this.anchor.monotonicMs) * 90 * this.speed;
  }

  get state(): 'playing' | 'paused' {
    return this.playing ? 'playing' : 'paused';
  }

  /** Shows the picture at t: every camera restarts decoding at its key frame before t. */
  seek(t90k: Time90k): Promise<void> {
    return this.command(async () => {
      await this.stop();
      await this.seekTracks(t90k, false);
      if (this.playing) this.start();
    });
  }

  play(speed = 1): Promise<void> {
    return this.command(async () => {
      if (!checkSpeed(speed)) throw new VmsError('VMS_ERR_BAD_INPUT', `speed ${speed} is outside 1/8..32`);
      const position = this.position90k;
      await this.stop();
      this.speed = speed;
      this.playing = true;
      const keyOnly = keyFramesOnly(speed);
      // Switching between all frames and key frames only: read on from what is shown now.
      for (const t of this.tracks) {
        if ((t.cursor?.keyFramesOnly ?? false) !== keyOnly) await t.reopen(this.cursor(t, position, position, keyOnly));
      }
      this.position = position;
      this.start();
    });
  }

  pause(): Promise<void> {
    return this.command(async () => {
      const position = this.position90k;
      await this.stop();
      this.playing = false;
      this.position = position;
      // Key frames alone cannot show the exact picture at the position: decode it again.
      if (this.tracks.some((t) => t.cursor?.keyFramesOnly)) await this.seekTracks(this.position, false);
      this.sendState();
    });
  }

  /** One frame forward (the next frame of any camera) or back (re-sent from its key frame). */
  step(direction: 1 | -1): Promise<void> {
    return this.command(async () => {
      const position = this.position90k;
      await this.stop();
      this.playing = false;
      if (direction === -1) {
        const previous = await Promise.all(this.tracks.map((t) => previousFrameTime(this.o.reader, t.cameraId, position)));
        const t = Math.max(...previous.filter((x): x is number => x !== undefined));
        if (Number.isFinite(t)) await this.seekTracks(t, false);
        return;
      }
      for (const t of this.tracks) await t.skipGaps();
      const next = Math.min(...this.tracks.map((t) => t.nextFrameTime ?? Infinity));
      if (!Number.isFinite(next)) return;
      for (const t of this.tracks) if (t.nextFrameTime === next) await t.sendNext(this.speed, 'stepped');
      this.position = next;
    });
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    await this.commands.catch(() => undefined);
    await this.stop();
    await Promise.all(this.tracks.map((t) => t.reopen(undefined)));
    this.waitEmitter.dispose();
  }

  private command(fn: () => Promise<void>): Promise<void> {
    const run = this.commands.then(() => {
      if (this.disposed) throw new VmsError('VMS_ERR_CONFLICT', 'the playback session is closed');
      return fn();
    });
    this.commands = run.catch(() => undefined);
    return run;
  }

  private cursor(t: Track, from90k: Time90k, after90k: Time90k | undefined, keyOnly: boolean): FrameCursor {
    return new FrameCursor(this.o.reader, t.cameraId, { from90k, after90k, until90k: this.o.clock.now() * 90, keyFramesOnly: keyOnly });
  }

  private async seekTracks(t90k: Time90k, keyOnly: boolean): Promise<void> {
    for (const t of this.tracks) await t.seek(this.cursor(t, t90k, undefined, keyOnly), t90k);
    this.position = t90k;
  }

  private start(): void {
    const stop = new AbortController();
    this.anchor = { wall90k: this.position, monotonicMs: this.o.clock.monotonic() };
    this.sendState();
    this.pump = { stop, done: this.run(stop.signal) };
  }

  private async stop(): Promise<void> {
    const p = this.pump;
    this.pump = undefined;
    if (!p) return;
    p.stop.abort();
    await p.done;
  }

  private sendState(): void {
    this.o.sink.sendJson({ type: 'state', state: this.state, speed: this.speed, position90k: this.position90k });
  }

  /** The sending loop: the earliest next frame of any camera, when the clock says it is due. */
  private async run(signal: AbortSignal): Promise<void> {
    const clock = this.o.clock;
    try {
      while (!signal.aborted) {
        for (const t of this.tracks) await t.skipGaps();
        const active = this.tracks.filter((t) => t.nextFrameTime !== undefined);
        if (active.length === 0) {
          this.position = this.position90k;
          this.playing = false;
          this.sendState();
          return;
        }
        const next = Math.min(...active.map((t) => t.nextFrameTime!));
        // Every camera is in a gap (or done): jump over it instead of playing nothing.
        if (active.every((t) => t.inGap)) this.anchor = { wall90k: next, monotonicMs: clock.monotonic() };
        const wait = dueInMs(this.anchor, next, this.speed, clock.monotonic());
        if (wait > 0) {
          this.waitEmitter.fire();
          await sleep(clock, wait, signal);
        }
        for (const t of active) {
          if (t.nextFrameTime === next) await t.sendNext(this.speed, undefined, this.o.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED);
        }
      }
    } catch (e) {
      if (signal.aborted) return;
      this.playing = false;
      const code = isVmsError(e) ? e.code : 'VMS_ERR_INTERNAL';
      this.o.sink.sendJson({ type: 'error', code, message: errorMessage(e) });
    }
  }
}

/** Like Clock.sleep, but leaves no listener on the signal once the time has come. */
function sleep(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      timer.cancel();
      reject(signal.reason);
    };
    const timer = clock.setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
