import type { VideoFrame, VideoParameters } from '../../../media/common/types';
import { buildInitSegment } from '../mp4/initSegment';
import { buildMediaSegment } from '../mp4/mediaSegment';

export interface LiveChunk {
  kind: 'init' | 'media';
  /** Bytes to send in order as one message (frame payloads are not copied). */
  parts: Uint8Array[];
  bytes: number;
}

/** Used until two frames have been seen (25 fps). */
const DEFAULT_FRAME_90K = 3600;
/** A frame-to-frame step beyond this is a gap (reconnect, camera hiccup), not a frame duration. */
const MAX_FRAME_90K = 90_000;

/** The MSE type of a stream, e.g. `video/mp4; codecs="avc1.640028"`. */
export function liveMimeType(params: VideoParameters): string {
  return `video/mp4; codecs="${params.rfc6381}"`;
}

/**
 * Turns a live stream, frame by frame, into fragmented MP4 for one viewer: an init segment
 * first and whenever the parameter sets change, then one media segment per frame, sent as
 * soon as the frame arrives.
 *
 * The viewer's timeline is its own and has no holes: each frame lasts as long as the step
 * before it (a frame's real duration is only known when the next arrives, and waiting for it
 * would add a frame of latency), and decode times are the sum of the durations sent. Frames
 * dropped for a slow viewer or lost to a reconnect thus leave no gap for MSE to stall on; the
 * picture simply jumps ahead, which is what a live view should do.
 */
export class LiveFmp4Muxer {
  private params: VideoParameters | undefined;
  private sequenceNumber = 1;
  private decodeTime90k = 0;
  private lastTime90k: number | undefined;
  private step90k = DEFAULT_FRAME_90K;

  /** Notes a frame's time without sending it (dropped frames keep the duration estimate true). */
  observe(frame: VideoFrame): void {
    const last = this.lastTime90k;
    this.lastTime90k = frame.time90k;
    if (last === undefined) return;
    const d = frame.time90k - last;
    if (d > 0 && d <= MAX_FRAME_90K) this.step90k = d;
  }

  /**
   * The chunks that carry `frame`. Only a key frame may start the stream or follow a change of
   * parameter sets (returns [] otherwise: the caller should wait for a key frame).
   */
  push(frame: VideoFrame): LiveChunk[] {
    this.observe(frame);
    const out: LiveChunk[] = [];
    if (frame.params !== this.params) {
      if (!frame.isKey) return out;
      this.params = frame.params;
      const init = buildInitSegment(frame.params);
      out.push({ kind: 'init', parts: [init], bytes: init.length });
    }
    const parts = buildMediaSegment({
      sequenceNumber: this.sequenceNumber++,
      baseMediaDecodeTime90k: this.decodeTime90k,
      samples: [{ duration90k: this.step90k, isKey: frame.isKey, data: frame.data }],
    });
    this.decodeTime90k += this.step90k;
    out.push({ kind: 'media', parts, bytes: parts.reduce((n, p) => n + p.length, 0) });
    return out;
  }

  /** Parameters of the last init segment sent. */
  get currentParams(): VideoParameters | undefined {
    return this.params;
  }
}
