/**
 * What the operator asks of a playback session, turned into socket commands one operation at a
 * time. A drag on the timeline asks for dozens of seeks a second; the server would decode every
 * one of them in order and the picture would trail the pointer by seconds. So at most one
 * operation is in flight, and while it is, further seeks replace each other: when the answer
 * comes, only the latest position is sent.
 *
 * "In flight" ends with the server's next `state` (or `error`) message. Every operation is sent
 * so that it produces exactly one: a seek while paused is followed by a pause (which reports the
 * state), a step likewise. A timeout in the player covers an answer that never comes.
 */
import type { PlaybackCommand } from './playbackMessages';

export type PlaybackOperation =
  | { type: 'seek'; atMs: number }
  | { type: 'play'; speed: number }
  | { type: 'pause' }
  | { type: 'step'; direction: 1 | -1 };

/** The commands for one operation; `serverPlaying` is whether the session plays when they arrive. */
export function commandsFor(op: PlaybackOperation, serverPlaying: boolean): PlaybackCommand[] {
  switch (op.type) {
    case 'seek': {
      const seek: PlaybackCommand = { type: 'seek', at: new Date(op.atMs).toISOString() };
      // A playing session answers a seek with `state` itself; a paused one says nothing more.
      return serverPlaying ? [seek] : [seek, { type: 'pause' }];
    }
    case 'play':
      return [{ type: 'play', speed: op.speed }];
    case 'pause':
      return [{ type: 'pause' }];
    case 'step':
      return [{ type: 'step', direction: op.direction }, { type: 'pause' }];
  }
}

export class PlaybackCommandQueue {
  private inFlight: PlaybackOperation | undefined;
  private pending: PlaybackOperation[] = [];
  /** Whether the server plays once everything sent so far has run. */
  private serverPlaying = false;

  /** `send` writes one operation's commands to the socket (and may start an answer timeout). */
  constructor(private readonly send: (commands: PlaybackCommand[], op: PlaybackOperation) => void) {}

  /** An operation is on the wire and not yet answered. */
  get busy(): boolean {
    return this.inFlight !== undefined;
  }

  /** The operation on the wire, if any. */
  get current(): PlaybackOperation | undefined {
    return this.inFlight;
  }

  /** Operations waiting behind the one in flight (for tests and diagnostics). */
  get waiting(): readonly PlaybackOperation[] {
    return this.pending;
  }

  request(op: PlaybackOperation): void {
    const last = this.pending.at(-1);
    // The latest seek wins over any seek still waiting right before it.
    if (op.type === 'seek' && last?.type === 'seek') this.pending[this.pending.length - 1] = op;
    else this.pending.push(op);
    this.flush();
  }

  /** Puts an operation ahead of those waiting (it is sent as soon as the one in flight is answered). */
  requestFirst(op: PlaybackOperation): void {
    this.pending.unshift(op);
    this.flush();
  }

  /**
   * The server answered (its `state`, or an error), or the answer timed out: send what waits.
   * A reported state also corrects what the queue believes, e.g. when playback ran to the end.
   */
  acknowledge(reported?: 'playing' | 'paused'): void {
    if (reported) this.serverPlaying = reported === 'playing';
    this.inFlight = undefined;
    this.flush();
  }

  /** Forgets everything (the socket closed); the player re-sends its position on reconnect. */
  reset(): void {
    this.inFlight = undefined;
    this.pending = [];
    this.serverPlaying = false;
  }

  private flush(): void {
    if (this.inFlight) return;
    const op = this.pending.shift();
    if (!op) return;
    this.inFlight = op;
    const commands = commandsFor(op, this.serverPlaying);
    if (op.type === 'play') this.serverPlaying = true;
    else if (op.type === 'pause' || op.type === 'step') this.serverPlaying = false;
    this.send(commands, op);
  }
}
