import type { Clock } from '../../../base/common/clock';
import { VmsError } from '../../../base/common/errors';
import { HlsSegmenter } from '../../common/live/hlsSegmenter';
import type { HlsSegmenterOptions } from '../../common/live/hlsSegmenter';
import { parseHlsName, renderLivePlaylist } from '../../common/live/hlsPlaylist';
import type { HlsFileRef } from '../../common/live/hlsPlaylist';
import type { LiveHub, LiveSubscription } from './liveHub';

export interface LiveHlsOptions extends HlsSegmenterOptions {
  /** A stream nobody asked anything of for this long is stopped (its connection released). */
  idleMs?: number;
  /** How long a request may wait for a first segment, a blocking reload or a hinted part. */
  waitMs?: number;
}

export interface HlsFile {
  contentType: string;
  /** Bytes to send in order. */
  body: Uint8Array[];
}

interface Waiter {
  ready: () => boolean;
  resolve: () => void;
}

/** One camera stream being cut into HLS, alive while players keep asking for it. */
class HlsStream {
  readonly segmenter: HlsSegmenter;
  readonly subscription: LiveSubscription;
  private waiters = new Set<Waiter>();
  idleTimer: { cancel(): void } | undefined;
  /** Requests being answered: a held request keeps the stream alive. */
  pending = 0;
  ended: VmsError | undefined;

  constructor(hub: LiveHub, cameraId: string, streamKey: string, options: HlsSegmenterOptions, onEnd: (e: VmsError) => void) {
    this.segmenter = new HlsSegmenter(options);
    this.subscription = hub.subscribe(cameraId, streamKey, (f) => {
      if (this.segmenter.push(f)) this.wake();
    }, {
      fromLatestKeyFrame: true,
      onEnd: (e) => {
        this.ended = e;
        onEnd(e);
        this.wake(true);
      },
    });
  }

  private wake(all = false): void {
    for (const w of [...this.waiters]) {
      if (all || w.ready()) {
        this.waiters.delete(w);
        w.resolve();
      }
    }
  }

  /** Resolves when `ready()` holds, the stream ends, or after `ms`; whichever comes first. */
  until(ready: () => boolean, ms: number, clock: Clock): Promise<void> {
    if (ready() || this.ended) return Promise.resolve();
    return new Promise((resolve) => {
      const w: Waiter = { ready, resolve: () => (timer.cancel(), resolve()) };
      const timer = clock.setTimeout(() => {
        this.waiters.delete(w);
        resolve();
      }, ms);
      this.waiters.add(w);
    });
  }

  close(): Promise<void> {
    this.idleTimer?.cancel();
    this.wake(true);
    return this.subscription.close();
  }
}

/**
 * Live HLS for players that cannot use the fMP4 WebSocket (Safari on iOS before MSE, hls.js
 * set-ups, external players). A camera stream is cut into segments from the first request
 * and stopped after `idleMs` without one. Low-Latency HLS: parts of ~200 ms, blocking playlist
 * reloads (`_HLS_msn`, `_HLS_part`) and preload hints are answered by holding the request.
 *
 * Route sketch: GET .../live.m3u8 → `playlist(id, key, {msn, part})`; GET .../:name →
 * `file(id, key, name)`; a VmsError becomes a status at the API edge.
 */
export class LiveHls {
  private readonly streams = new Map<string, HlsStream>();
  private readonly closing = new Set<Promise<void>>();
  private readonly idleMs: number;
  private readonly waitMs: number;

  constructor(private readonly deps: { hub: LiveHub; clock: Clock }, private readonly options: LiveHlsOptions = {}) {
    this.idleMs = options.idleMs ?? 30_000;
    this.waitMs = options.waitMs ?? 10_000;
  }

  /** The media playlist; waits for the first segment, or for segment `msn` (part `part`) when asked. */
  playlist(cameraId: string, streamKey: string, block: { msn?: number; part?: number } = {}): Promise<string> {
    return this.request(cameraId, streamKey, (s) => this.renderPlaylist(s, block));
  }

  private async renderPlaylist(s: HlsStream, block: { msn?: number; part?: number }): Promise<string> {
    const seg = s.segmenter;
    await s.until(() => seg.segments.some((x) => x.complete), this.waitMs, this.deps.clock);
    if (block.msn !== undefined) {
      const { msn, part } = block;
      // The spec's limit: a request more than two segments ahead is a client error.
      const last = seg.segments.at(-1)?.msn ?? 0;
      if (msn > last + 2) throw new VmsError('VMS_ERR_BAD_INPUT', `_HLS_msn=${msn} is too far ahead of ${last}`);
      await s.until(() => seg.has(msn, part), Math.max(3 * seg.segmentTarget90k / 90, 3000), this.deps.clock);
    }
    if (s.ended) throw s.ended;
    if (!seg.segments.some((x) => x.complete)) throw new VmsError('VMS_ERR_DEVICE_UNREACHABLE', 'no video from the camera yet');
    return renderLivePlaylist(seg);
  }

  /** An init segment, segment or part by name; a hinted part that does not exist yet is waited for. */
  file(cameraId: string, streamKey: string, name: string): Promise<HlsFile> {
    const ref = parseHlsName(name);
    if (!ref) return Promise.reject(new VmsError('VMS_ERR_NOT_FOUND', `no HLS file "${name}"`));
    return this.request(cameraId, streamKey, (s) => this.findFile(s, ref, name));
  }

  private async findFile(s: HlsStream, ref: HlsFileRef, name: string): Promise<HlsFile> {
    const seg = s.segmenter;
    if (ref.kind === 'init') {
      const init = seg.inits.get(ref.id);
      if (init) return { contentType: 'video/mp4', body: [init] };
    } else if (ref.kind === 'segment') {
      const found = seg.segment(ref.id);
      if (found?.complete) return { contentType: 'video/iso.segment', body: found.parts.flatMap((p) => p.data) };
    } else {
      // Only the hinted (next) part is worth waiting for; anything later is a client error.
      if (ref.id === seg.nextPart) await s.until(() => seg.part(ref.id) !== undefined, this.waitMs, this.deps.clock);
      const part = seg.part(ref.id);
      if (part) return { contentType: 'video/iso.segment', body: part.data };
    }
    if (s.ended) throw s.ended;
    throw new VmsError('VMS_ERR_NOT_FOUND', `HLS file "${name}" is not (or no longer) available`);
  }

  /** Streams being cut now (tests, status). */
  get activeStreams(): number {
    return this.streams.size;
  }

  /** Runs one request against the stream (started if need be); the idle countdown starts when it is answered. */
  private async request<T>(cameraId: string, streamKey: string, fn: (s: HlsStream) => Promise<T>): Promise<T> {
    const key = `${cameraId}\u0000${streamKey}`;
    let s = this.streams.get(key);
    if (!s) {
      const created = new HlsStream(this.deps.hub, cameraId, streamKey, this.options, () => this.stop(key, created));
      s = created;
      this.streams.set(key, s);
    }
    const stream = s;
    stream.idleTimer?.cancel();
    stream.pending++;
    try {
      return await fn(stream);
    } finally {
      if (--stream.pending === 0 && this.streams.get(key) === stream) {
        stream.idleTimer = this.deps.clock.setTimeout(() => this.stop(key, stream), this.idleMs);
      }
    }
  }

  private stop(key: string, s: HlsStream): void {
    if (this.streams.get(key) === s) this.streams.delete(key);
    const p = s.close().finally(() => this.closing.delete(p));
    this.closing.add(p);
  }

  async close(): Promise<void> {
    for (const [key, s] of [...this.streams]) this.stop(key, s);
    await Promise.all([...this.closing]);
  }
}
