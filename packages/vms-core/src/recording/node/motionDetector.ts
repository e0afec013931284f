/**
 * Server-side motion detection for one camera stream. One long-lived ffmpeg decodes the frames
 * we choose to feed (key frames only, or all) and hands back tiny grayscale pictures that
 * MotionAnalyzer compares. Design and measured costs: docs/design/motion-detection.md.
 */
import { spawn } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { Clock } from '../../base/common/clock';
import { errorMessage } from '../../base/common/errors';
import { Emitter } from '../../base/common/event';
import type { Event } from '../../base/common/event';
import type { MotionSettings } from '../../management/common/camera';
import { frameToAnnexB } from '../../media/common/annexBWriter';
import { TICKS_PER_SECOND, sameParameters } from '../../media/common/types';
import type { Time90k, VideoCodec, VideoFrame, VideoParameters } from '../../media/common/types';
import { MotionAnalyzer } from '../common/motionAnalysis';
import type { MotionChange } from '../common/motionAnalysis';

export interface MotionDetectorOptions {
  settings: Pick<MotionSettings, 'sensitivity' | 'exclusions' | 'keyFramesOnly'>;
  clock: Clock;
  ffmpegPath?: string;
  width?: number;
  height?: number;
  /** Frames written but not yet decoded beyond which input is dropped rather than queued. */
  maxPending?: number;
  /** How long motion is held after the last positive sample. */
  hold90k?: number;
  /**
   * Each picture is compared with one at least this much older: consecutive frames at 25 fps
   * differ by a fraction of a low-resolution pixel for a walking person.
   */
  compareSpan90k?: number;
}

export interface MotionDetectorStats {
  pushed: number;
  /** Frames written to ffmpeg. */
  fed: number;
  /** Frames dropped: ffmpeg behind, waiting for a key frame, restart back-off, or damaged. */
  dropped: number;
  decoded: number;
  /** ffmpeg processes started. */
  starts: number;
  lastError?: string;
}

/**
 * ffmpeg arguments. No `-fflags nobuffer`: it discards the packets read while probing, so the
 * first picture would be lost and every output would map to the wrong input time.
 * `-skip_loop_filter all` skips deblocking, invisible at 64x36 and a sizeable share of decoding.
 */
export function motionDecoderArgs(codec: VideoCodec, width: number, height: number): string[] {
  return [
    '-hide_banner', '-nostats', '-nostdin', '-loglevel', 'error',
    '-flags', 'low_delay', '-probesize', '32', '-analyzeduration', '0',
    '-threads', '1', '-skip_loop_filter', 'all',
    '-f', codec === 'h264' ? 'h264' : 'hevc', '-i', 'pipe:0',
    '-vf', `scale=${width}:${height}:flags=area,format=gray`,
    '-fps_mode', 'passthrough', '-flush_packets', '1', '-f', 'rawvideo', 'pipe:1',
  ];
}

export interface MotionSample {
  time90k: Time90k;
  /** Changed share of the analysed area; undefined for the first picture (nothing to compare). */
  changedFraction: number | undefined;
  active: boolean;
  /** Motion-grid cells (media-db/common/motionGrid.ts) that changed; undefined like changedFraction. */
  cells: Uint8Array | undefined;
}

interface Pending {
  time90k: Time90k;
  /** Monotonic ms when written, to notice a decoder that silently swallowed a frame. */
  at: number;
}

interface Decoder {
  proc: ChildProcessByStdio<Writable, Readable, Readable>;
  params: VideoParameters;
  pending: Pending[];
  needKey: boolean;
  picture: Uint8Array;
  filled: number;
  exited: Promise<void>;
}

/** A decoder that has produced nothing for this long while frames wait is restarted. */
const STALL_MS = 5_000;
const RETRY_MIN_MS = 1_000;
const RETRY_MAX_MS = 30_000;
const STDERR_KEEP = 2_000;

export class MotionDetector {
  private readonly emitter = new Emitter<MotionChange>();
  /** Fires when motion starts or ends; an end carries the time motion was last seen to stop. */
  readonly onDidChangeMotion: Event<MotionChange> = this.emitter.event;
  private readonly analyzed = new Emitter<MotionSample>();
  /** Fires for every decoded picture: a level meter for tuning sensitivity, and a test hook. */
  readonly onDidAnalyze: Event<MotionSample> = this.analyzed.event;
  readonly stats: MotionDetectorStats = { pushed: 0, fed: 0, dropped: 0, decoded: 0, starts: 0 };

  private readonly analyzer: MotionAnalyzer;
  private readonly width: number;
  private readonly height: number;
  private readonly maxPending: number;
  private readonly compareSpan90k: number;
  private decoder: Decoder | undefined;
  /** Every process ever started and not yet exited, so dispose() can await them all. */
  private readonly running = new Set<Decoder>();
  private history: { time90k: Time90k; picture: Uint8Array }[] = [];
  private lastSample: Time90k | undefined;
  private failures = 0;
  private retryAt = 0;
  private disposed = false;

  constructor(private readonly options: MotionDetectorOptions) {
    this.width = options.width ?? 64;
    this.height = options.height ?? 36;
    this.maxPending = options.maxPending ?? 4;
    this.compareSpan90k = options.compareSpan90k ?? 0.4 * TICKS_PER_SECOND;
    this.analyzer = new MotionAnalyzer(options.settings, this.width, this.height, options.hold90k);
  }

  /** The running ffmpeg's pid, for measuring its CPU use. */
  get processId(): number | undefined {
    return this.decoder?.proc.pid;
  }

  /** Frames written to the running ffmpeg and not yet decoded (it holds one or two back). */
  get pending(): number {
    return this.decoder?.pending.length ?? 0;
  }

  get active(): boolean {
    return this.analyzer.active;
  }

  push(frame: VideoFrame): void {
    // Sensitivity 0 means nothing could ever trigger: decode nothing.
    if (this.disposed || !this.analyzer.enabled) return;
    this.stats.pushed++;
    if (this.options.settings.keyFramesOnly && !frame.isKey) return;
    const now = this.options.clock.monotonic();
    let d = this.decoder;
    if (d && (d.params.codec !== frame.params.codec || !sameParameters(d.params, frame.params))) {
      this.stop(d);
      d = undefined;
    } else if (d && d.pending.length >= this.maxPending && now - d.pending[0]!.at > STALL_MS) {
      // ffmpeg holds a picture or two until more input arrives, and a picture it could not
      // decode never comes out; only a queue that stays full means it stopped working.
      this.stats.lastError = 'motion decoder stalled; restarting';
      this.stop(d);
      d = undefined;
    }
    if (!d) {
      if (!frame.isKey || now < this.retryAt) return this.drop();
      d = this.start(frame.params);
    }
    if (d.needKey && !frame.isKey) return this.drop();
    if (d.pending.length >= this.maxPending) {
      // Dropping keeps detection current; in all-frames mode what follows needs a key frame.
      d.needKey = true;
      return this.drop();
    }
    let bytes: Uint8Array;
    try {
      bytes = frameToAnnexB(frame, { withParameterSets: frame.isKey, trailingDelimiter: true });
    } catch (e) {
      this.stats.lastError = errorMessage(e);
      d.needKey = true;
      return this.drop();
    }
    d.needKey = false;
    d.pending.push({ time90k: frame.time90k, at: now });
    d.proc.stdin.write(bytes);
    this.stats.fed++;
  }

  /** Kills ffmpeg and waits until it has exited; ends an active motion span. */
  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    const all = [...this.running];
    for (const d of all) this.stop(d);
    await Promise.all(all.map((d) => d.exited));
    if (this.analyzer.active && this.lastSample !== undefined) {
      this.emitter.fire({ active: false, time90k: this.lastSample });
    }
    this.emitter.dispose();
    this.analyzed.dispose();
  }

  private drop(): void {
    this.stats.dropped++;
  }

  private start(params: VideoParameters): Decoder {
    const ffmpeg = this.options.ffmpegPath ?? 'ffmpeg';
    const proc = spawn(ffmpeg, motionDecoderArgs(params.codec, this.width, this.height), {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stderr = '';
    const d: Decoder = {
      proc,
      params,
      pending: [],
      needKey: true,
      picture: new Uint8Array(this.width * this.height),
      filled: 0,
      exited: new Promise<void>((resolve) => {
        proc.once('close', () => resolve());
        // A spawn failure (ENOENT) may never emit 'close'.
        proc.once('error', (e) => {
          this.stats.lastError = `${ffmpeg}: ${errorMessage(e)}`;
          if (proc.pid === undefined) resolve();
        });
      }),
    };
    this.stats.starts++;
    this.running.add(d);
    this.decoder = d;
    // A new stream may show another scene; never compare across decoders.
    this.history = [];
    proc.stdin.on('error', () => {}); // EPIPE when ffmpeg died; the exit handler recovers.
    proc.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-STDERR_KEEP)));
    proc.stdout.on('data', (c: Buffer) => this.onOutput(d, c));
    void d.exited.then(() => {
      this.running.delete(d);
      if (this.decoder !== d) return;
      // Unexpected exit: retry at the next key frame after a back-off, so a broken stream
      // or missing binary cannot make us spawn ffmpeg 25 times a second.
      this.decoder = undefined;
      if (stderr.trim()) this.stats.lastError = stderr.trim().split('\n').pop();
      this.failures++;
      const backoff = Math.min(RETRY_MAX_MS, RETRY_MIN_MS * 2 ** (this.failures - 1));
      this.retryAt = this.options.clock.monotonic() + backoff;
    });
    return d;
  }

  private stop(d: Decoder): void {
    if (this.decoder === d) this.decoder = undefined;
    d.proc.stdout.removeAllListeners('data');
    d.proc.stdin.destroy();
    d.proc.kill('SIGKILL');
  }

  private onOutput(d: Decoder, chunk: Buffer): void {
    let o = 0;
    while (o < chunk.length) {
      const n = Math.min(chunk.length - o, d.picture.length - d.filled);
      d.picture.set(chunk.subarray(o, o + n), d.filled);
      d.filled += n;
      o += n;
      if (d.filled < d.picture.length) break;
      const picture = d.picture;
      d.picture = new Uint8Array(picture.length);
      d.filled = 0;
      const entry = d.pending.shift();
      if (entry && this.decoder === d) this.onPicture(entry.time90k, picture);
    }
  }

  private onPicture(time90k: Time90k, picture: Uint8Array): void {
    this.stats.decoded++;
    this.failures = 0;
    const last = this.history[this.history.length - 1];
    if (last && time90k < last.time90k) this.history = []; // the camera clock stepped back
    // The reference is the newest picture at least compareSpan older (or the oldest we have).
    while (this.history.length > 1 && this.history[1]!.time90k <= time90k - this.compareSpan90k) this.history.shift();
    const reference = this.history[0];
    this.history.push({ time90k, picture });
    if (this.history.length > 64) this.history.shift();
    if (!reference) {
      this.analyzed.fire({ time90k, changedFraction: undefined, active: this.analyzer.active, cells: undefined });
      return;
    }
    this.lastSample = time90k;
    const change = this.analyzer.sample(reference.picture, picture, time90k);
    if (change) this.emitter.fire(change);
    this.analyzed.fire({ time90k, changedFraction: this.analyzer.lastFraction, active: this.analyzer.active, cells: this.analyzer.lastCells });
  }
}
