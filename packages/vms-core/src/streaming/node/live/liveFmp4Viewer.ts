import type { Disposable } from '../../../base/common/event';
import type { VmsError } from '../../../base/common/errors';
import type { VideoFrame, VideoParameters } from '../../../media/common/types';
import { LiveFmp4Muxer, liveMimeType } from '../../common/live/liveFmp4Muxer';
import type { LiveHub, LiveSubscription } from './liveHub';

/** Where a viewer's bytes go: a WebSocket (`bufferedAmount` is its send queue) or a fake in tests. */
export interface LiveSink {
  /** One message: the parts concatenated. */
  send(parts: Uint8Array[]): void;
  /** Bytes accepted by send() but not yet on the wire. */
  readonly bufferedAmount: number;
}

export interface LiveViewerOptions {
  /** A viewer more than this far behind (estimated from the stream's bit rate) skips ahead. */
  maxLagSeconds?: number;
  /** Lower and upper bounds of that threshold in bytes (a still scene has a tiny bit rate). */
  minLagBytes?: number;
  maxLagBytes?: number;
  /** Called before each init segment: a client creates or changes its SourceBuffer with `mimeType`. */
  onInit?: (info: { mimeType: string; params: VideoParameters }) => void;
  /** The stream ended under the viewer (camera disabled, sink failed, hub closed): close the socket. */
  onEnd?: (reason: VmsError) => void;
}

export interface LiveViewerStats {
  framesSent: number;
  framesDropped: number;
  initSegments: number;
  /** Times the viewer fell behind and skipped to a later key frame. */
  skips: number;
  bytesSent: number;
}

/** The bit rate is measured over this window. */
const RATE_WINDOW_90K = 2 * 90_000;

/**
 * One live fMP4 viewer (WebSocket into MSE): starts with an init segment and the cached GOP,
 * so the picture shows at once, then sends each frame as it arrives. A viewer that cannot
 * keep up is never buffered for without bound: once its send queue holds more than about
 * `maxLagSeconds` of video, frames are dropped until the queue is below that again at a key
 * frame, and playback resumes there (Moonfire and go2rtc do the same).
 */
export class LiveFmp4Viewer implements Disposable {
  readonly stats: LiveViewerStats = { framesSent: 0, framesDropped: 0, initSegments: 0, skips: 0, bytesSent: 0 };
  private readonly muxer = new LiveFmp4Muxer();
  private readonly subscription: LiveSubscription;
  private skipping = false;
  /** The replayed GOP lands in the queue at once; it must not count as lag until the next key frame. */
  private replayCredit = 0;
  private replaying = true;
  private readonly recent: { time90k: number; bytes: number }[] = [];
  private recentBytes = 0;

  constructor(
    hub: LiveHub,
    cameraId: string,
    streamKey: string,
    private readonly sink: LiveSink,
    private readonly options: LiveViewerOptions = {},
  ) {
    this.subscription = hub.subscribe(cameraId, streamKey, (f) => this.onFrame(f), {
      fromLatestKeyFrame: true,
      ...(options.onEnd ? { onEnd: options.onEnd } : {}),
    });
    this.replaying = false;
  }

  private onFrame(frame: VideoFrame): void {
    this.measure(frame);
    if (frame.isKey && !this.replaying) this.replayCredit = 0;
    if (!this.replaying && !this.keepsUp()) {
      if (!this.skipping) this.stats.skips++;
      this.skipping = true;
    } else if (this.skipping && frame.isKey) {
      this.skipping = false;
    }
    if (this.skipping) return this.drop(frame);
    const chunks = this.muxer.push(frame);
    if (chunks.length === 0) return this.drop(frame); // no key frame yet
    for (const c of chunks) {
      if (c.kind === 'init') {
        this.stats.initSegments++;
        this.options.onInit?.({ mimeType: liveMimeType(frame.params), params: frame.params });
      }
      this.sink.send(c.parts);
      this.stats.bytesSent += c.bytes;
      if (this.replaying) this.replayCredit += c.bytes;
    }
    this.stats.framesSent++;
  }

  private drop(frame: VideoFrame): void {
    this.muxer.observe(frame);
    this.stats.framesDropped++;
  }

  /** Whether the sink's queue is within the lag threshold. */
  private keepsUp(): boolean {
    return this.sink.bufferedAmount <= this.lagThresholdBytes + this.replayCredit;
  }

  /** About `maxLagSeconds` of this stream at its current bit rate, within the byte bounds. */
  get lagThresholdBytes(): number {
    const { maxLagSeconds = 1, minLagBytes = 256 * 1024, maxLagBytes = 16 * 1024 * 1024 } = this.options;
    const first = this.recent[0];
    const last = this.recent.at(-1);
    const span = first && last ? last.time90k - first.time90k : 0;
    const rate = span > 0 ? (this.recentBytes * 90_000) / span : 0;
    return Math.min(maxLagBytes, Math.max(minLagBytes, rate * maxLagSeconds));
  }

  private measure(frame: VideoFrame): void {
    this.recent.push({ time90k: frame.time90k, bytes: frame.data.length });
    this.recentBytes += frame.data.length;
    while (this.recent.length > 2 && frame.time90k - this.recent[0]!.time90k > RATE_WINDOW_90K) {
      this.recentBytes -= this.recent.shift()!.bytes;
    }
  }

  dispose(): void {
    this.subscription.dispose();
  }
}
