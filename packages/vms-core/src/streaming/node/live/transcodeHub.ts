import { spawn } from 'node:child_process';
import type { ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import type { Disposable } from '../../../base/common/event';
import { VmsError } from '../../../base/common/errors';
import { frameToAnnexB } from '../../../media/common/annexBWriter';
import type { VideoCodec, VideoFrame } from '../../../media/common/types';
import type { LiveHub, LiveSubscription } from './liveHub';
import type { LiveSink } from './liveFmp4Viewer';

export interface TranscodeHubOptions {
  ffmpegPath?: string;
  bitrateKbps?: number;
  /** Input not yet taken by ffmpeg beyond which frames are dropped until the next key frame. */
  maxPendingInputBytes?: number;
  /** A viewer with more than this queued skips output until it drains (jsmpeg resyncs). */
  maxViewerBufferedBytes?: number;
}

export interface TranscodeSize {
  width: number;
  height: number;
}

const TS_PACKET = 188;

/** ffmpeg reading Annex B on stdin and writing MPEG-1 in MPEG-TS on stdout, as jsmpeg plays it. */
export function transcodeArgs(codec: VideoCodec, size: TranscodeSize, bitrateKbps: number): string[] {
  return [
    '-hide_banner', '-nostats', '-nostdin', '-loglevel', 'error',
    '-flags', 'low_delay', '-probesize', '32', '-analyzeduration', '0', '-threads', '1',
    '-f', codec === 'h264' ? 'h264' : 'hevc', '-i', 'pipe:0',
    '-an', '-c:v', 'mpeg1video', '-b:v', `${bitrateKbps}k`, '-bf', '0', '-s', `${size.width}x${size.height}`,
    // No mux delay: jsmpeg shows a picture as soon as its packets arrive.
    '-f', 'mpegts', '-muxdelay', '0.001', 'pipe:1',
  ];
}

interface Viewer {
  sink: LiveSink;
  onEnd: ((reason: VmsError) => void) | undefined;
}

/** One ffmpeg shared by the viewers of one camera stream at one output size. */
class Transcoder {
  readonly viewers = new Set<Viewer>();
  readonly proc: ChildProcessByStdio<Writable, Readable, Readable>;
  readonly exited: Promise<void>;
  private subscription: LiveSubscription | undefined;
  private needKey = true;
  private leftover = new Uint8Array(0);
  private stopping = false;
  private stderr = '';
  framesIn = 0;
  framesDropped = 0;

  constructor(codec: VideoCodec, size: TranscodeSize, private readonly o: Required<TranscodeHubOptions>, private readonly onExit: (e?: VmsError) => void) {
    this.proc = spawn(o.ffmpegPath, transcodeArgs(codec, size, o.bitrateKbps), { stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise<void>((resolve) => {
      this.proc.once('close', () => resolve());
      this.proc.once('error', () => this.proc.pid === undefined && resolve()); // ENOENT: no 'close'
    });
    this.proc.stdin.on('error', () => {}); // EPIPE when ffmpeg died; the exit handler reports it
    this.proc.stderr.on('data', (c: Buffer) => (this.stderr = (this.stderr + c.toString()).slice(-2000)));
    this.proc.stdout.on('data', (c: Buffer) => this.output(c));
    void this.exited.then(() => {
      if (!this.stopping) onExit(new VmsError('VMS_ERR_INTERNAL', `transcoder exited: ${this.stderr.trim() || 'no output'}`));
    });
  }

  /** Feeds the stream, from its latest key frame; throws when the stream cannot be had. */
  start(hub: LiveHub, cameraId: string, streamKey: string): void {
    this.subscription = hub.subscribe(cameraId, streamKey, (f) => this.input(f), { fromLatestKeyFrame: true, onEnd: (e) => this.onExit(e) });
  }

  private input(frame: VideoFrame): void {
    if (this.needKey && !frame.isKey) return void this.framesDropped++;
    // ffmpeg falling behind (a 2-core box, a big stream): drop rather than queue, resume at a key frame.
    if (this.proc.stdin.writableLength > this.o.maxPendingInputBytes) {
      this.needKey = true;
      return void this.framesDropped++;
    }
    this.needKey = false;
    this.framesIn++;
    // The delimiter makes ffmpeg decode the picture now instead of at the start of the next.
    this.proc.stdin.write(frameToAnnexB(frame, { withParameterSets: frame.isKey, trailingDelimiter: true }));
  }

  /** Sends whole TS packets only, so a viewer joining later starts on a packet boundary. */
  private output(chunk: Buffer): void {
    const all = this.leftover.length > 0 ? Buffer.concat([this.leftover, chunk]) : chunk;
    const whole = all.length - (all.length % TS_PACKET);
    this.leftover = Uint8Array.prototype.slice.call(all, whole);
    if (whole === 0) return;
    const packets = all.subarray(0, whole);
    for (const v of this.viewers) {
      if (v.sink.bufferedAmount > this.o.maxViewerBufferedBytes) continue;
      v.sink.send([packets]);
    }
  }

  /** Ends input and waits for ffmpeg to exit (killed if it does not within 2 s). */
  async stop(): Promise<void> {
    this.stopping = true;
    await this.subscription?.close();
    this.proc.stdout.removeAllListeners('data');
    this.proc.stdin.end();
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), 2000);
    this.proc.kill('SIGTERM');
    await this.exited;
    clearTimeout(timer);
  }
}

/**
 * MPEG-1 transcoding for jsmpeg (MPEG-TS over a WebSocket), the fallback when the browser
 * cannot decode the camera's codec (H.265 in Chromium) or the client asks for it. Transcoding
 * is the one expensive thing live view does, so there is at most one ffmpeg per camera stream
 * and output size, shared by all its viewers, started with the first and stopped with the last.
 * jsmpeg needs no headers from the start of the stream: it resyncs on TS packets and starts
 * decoding at the next MPEG-1 sequence header (every GOP, 12 frames by default), so a late
 * viewer just joins at a packet boundary.
 */
export class TranscodeHub {
  private readonly transcoders = new Map<string, Transcoder>();
  private readonly stopping = new Set<Promise<void>>();
  private readonly o: Required<TranscodeHubOptions>;

  constructor(private readonly hub: LiveHub, options: TranscodeHubOptions = {}) {
    this.o = { ffmpegPath: 'ffmpeg', bitrateKbps: 1000, maxPendingInputBytes: 4 * 1024 * 1024, maxViewerBufferedBytes: 1024 * 1024, ...options };
  }

  /**
   * Adds a viewer of `cameraId`/`streamKey` scaled to `size` (even numbers; MPEG-1 needs them).
   * `codec` is the stream's (from its StreamInfo). The sink receives MPEG-TS, 188-byte aligned.
   */
  join(cameraId: string, streamKey: string, codec: VideoCodec, size: TranscodeSize, sink: LiveSink, o: { onEnd?: (reason: VmsError) => void } = {}): Disposable {
    if (size.width % 2 || size.height % 2 || size.width < 16 || size.height < 16 || size.width > 4096 || size.height > 4096) {
      throw new VmsError('VMS_ERR_BAD_INPUT', `transcode size ${size.width}x${size.height} must be even, 16..4096`);
    }
    const key = `${cameraId}\u0000${streamKey}\u0000${size.width}x${size.height}`;
    let t = this.transcoders.get(key);
    if (!t) {
      const created: Transcoder = new Transcoder(codec, size, this.o, (e) => this.fail(key, created, e));
      try {
        created.start(this.hub, cameraId, streamKey);
      } catch (e) {
        this.stop(key, created);
        throw e;
      }
      t = created;
      this.transcoders.set(key, t);
    }
    const viewer: Viewer = { sink, onEnd: o.onEnd };
    t.viewers.add(viewer);
    const tr = t;
    return {
      dispose: () => {
        if (!tr.viewers.delete(viewer) || tr.viewers.size > 0) return;
        this.stop(key, tr);
      },
    };
  }

  /** Running transcoders (tests, status). */
  /** Whether a transcode of this stream at this size runs already (joining it costs nothing). */
  has(cameraId: string, streamKey: string, size: TranscodeSize): boolean {
    return this.transcoders.has(`${cameraId}\u0000${streamKey}\u0000${size.width}x${size.height}`);
  }

  list(): { key: string; pid: number | undefined; viewers: number; framesIn: number; framesDropped: number }[] {
    return [...this.transcoders].map(([key, t]) => ({ key, pid: t.proc.pid, viewers: t.viewers.size, framesIn: t.framesIn, framesDropped: t.framesDropped }));
  }

  private fail(key: string, t: Transcoder, e?: VmsError): void {
    const viewers = [...t.viewers];
    t.viewers.clear();
    this.stop(key, t);
    for (const v of viewers) v.onEnd?.(e ?? new VmsError('VMS_ERR_INTERNAL', 'transcoder stopped'));
  }

  private stop(key: string, t: Transcoder): void {
    if (this.transcoders.get(key) === t) this.transcoders.delete(key);
    const p = t.stop().finally(() => this.stopping.delete(p));
    this.stopping.add(p);
  }

  /** Stops every ffmpeg (viewers get onEnd) and waits until all have exited. */
  async close(): Promise<void> {
    for (const [key, t] of [...this.transcoders]) this.fail(key, t, new VmsError('VMS_ERR_CONFLICT', 'transcoding closed'));
    await Promise.all([...this.stopping]);
  }
}
