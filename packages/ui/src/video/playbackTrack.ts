/**
 * One camera's picture in a playback session: an MSE SourceBuffer on one video element, fed
 * with that camera's fMP4 from the shared socket. Scrubbing decides the design: after a seek
 * the old data is worthless, so bytes still in flight from the old position are dropped until
 * the seek's own init segment arrives, the buffer is cleared, and the element jumps to the
 * shown frame as soon as the server names it. The element never plays faster than 1×: the
 * server does trick play by sending fewer, shorter frames.
 */
import { isInitSegment, mimeTypeOfInit } from './fmp4Info';
import type { Range } from './liveEdge';
import { liveSeekTarget, toRanges, trimRange } from './liveEdge';

/**
 * The server paces frames in real time, so a playing element sits near the end of its buffer;
 * when it falls further behind (a slow start, a slow decode, a hidden tab) it catches up, which
 * also keeps the tiles of a view within a few frames of each other and of the timeline. Old media is trimmed to bound memory over hours of playback.
 */
const PLAYBACK_EDGE = { maxLatency: 0.6, targetLatency: 0.2, keepBehind: 10 };

/** A frame's start plus a hair, so float rounding never lands on the frame before. */
const SHOW_EPSILON_S = 1e-4;

export class PlaybackTrack {
  private mediaSource: MediaSource | undefined;
  private objectUrl: string | undefined;
  private sourceBuffer: SourceBuffer | undefined;
  private mimeType: string | undefined;
  private queue: Uint8Array[] = [];
  /** A seek was sent: bytes still in flight belong to the old position. */
  private discarding = false;
  private clearPending = false;
  /**
   * Where the playhead must go, kept until the data there is buffered: an element told to seek
   * before it has any media (a fresh MediaSource) forgets the position, so the move is made
   * only once the frame can be shown.
   */
  private target: number | undefined;
  private playing = false;
  private disposed = false;

  constructor(
    readonly video: HTMLVideoElement,
    private readonly fail: (reason: string) => void,
  ) {}

  /** Called when the client sends a seek: drop what arrives until the seek's init segment. */
  discardUntilInit(): void {
    this.discarding = true;
    this.queue = [];
  }

  /** Takes one fMP4 message; false when it was dropped as stale. */
  push(bytes: Uint8Array): boolean {
    if (this.disposed) return false;
    const init = isInitSegment(bytes);
    if (this.discarding) {
      if (!init) return false;
      this.discarding = false;
      this.clearPending = true;
    }
    if (init) {
      const mimeType = mimeTypeOfInit(bytes);
      if (!mimeType) {
        this.fail('the playback socket sent an init segment without a video track this client knows');
        return false;
      }
      if (mimeType !== this.mimeType && !this.changeType(mimeType)) return false;
    }
    this.queue.push(bytes);
    this.pump();
    return true;
  }

  /** Shows the frame at `mediaSeconds` of this camera's media timeline (as soon as it is buffered). */
  show(mediaSeconds: number): void {
    this.target = mediaSeconds + SHOW_EPSILON_S;
    this.moveToTarget();
    if (this.playing) this.video.play().catch(() => undefined /* resumes once data arrives */);
  }

  private moveToTarget(): void {
    const t = this.target;
    const buffer = this.sourceBuffer;
    if (t === undefined || !buffer || this.mediaSource?.readyState !== 'open') return;
    // The frame before a gap is cut to end where the gap starts and may be shorter than the
    // epsilon past its start: a target just beyond a range's end still means that range's last frame.
    const range = toRanges(buffer.buffered).find((r) => t >= r.start - SHOW_EPSILON_S && t <= r.end + SHOW_EPSILON_S);
    if (!range) return;
    this.target = undefined;
    this.video.currentTime = Math.min(Math.max(t, range.start), range.end - 1e-6);
  }

  setPlaying(playing: boolean): void {
    this.playing = playing;
    if (playing) this.video.play().catch(() => undefined);
    else this.video.pause();
  }

  /** A new codec on the same buffer where MSE allows it; otherwise a fresh MediaSource. */
  private changeType(mimeType: string): boolean {
    if (typeof MediaSource === 'undefined' || !MediaSource.isTypeSupported(mimeType)) {
      this.fail(`this browser cannot play ${mimeType}`);
      return false;
    }
    const buffer = this.sourceBuffer;
    if (buffer && typeof buffer.changeType === 'function' && !buffer.updating) {
      try {
        buffer.changeType(mimeType);
        this.mimeType = mimeType;
        return true;
      } catch {
        // Falls through to a new MediaSource.
      }
    }
    this.attach(mimeType);
    return true;
  }

  private attach(mimeType: string): void {
    this.detach();
    // Segments queued for the old codec cannot go into the new buffer; the new init follows.
    this.queue = [];
    this.mimeType = mimeType;
    const mediaSource = new MediaSource();
    this.mediaSource = mediaSource;
    this.objectUrl = URL.createObjectURL(mediaSource);
    this.video.src = this.objectUrl;
    mediaSource.addEventListener('sourceopen', () => {
      if (this.mediaSource !== mediaSource) return;
      const buffer = mediaSource.addSourceBuffer(mimeType);
      buffer.mode = 'segments';
      buffer.addEventListener('updateend', () => this.pump());
      buffer.addEventListener('error', () => this.fail('SourceBuffer error'));
      this.sourceBuffer = buffer;
      this.pump();
    }, { once: true });
  }

  private pump(): void {
    const buffer = this.sourceBuffer;
    if (!buffer || buffer.updating || this.mediaSource?.readyState !== 'open') return;
    try {
      // Each append may have brought the frame a seek or step asked for.
      this.moveToTarget();
      const ranges = toRanges(buffer.buffered);
      if (this.clearPending) {
        this.clearPending = false;
        const all = span(ranges);
        if (all) return buffer.remove(all.start, all.end); // updateend pumps again
      }
      if (this.playing && !this.video.paused) {
        const seek = liveSeekTarget(ranges, this.video.currentTime, PLAYBACK_EDGE);
        // Only a playhead lagging inside the data catches up; one outside waits for its seek.
        if (seek !== undefined && ranges.some((r) => this.video.currentTime >= r.start && this.video.currentTime <= r.end)) {
          this.video.currentTime = seek;
        }
      }
      const trim = trimRange(ranges, this.video.currentTime, PLAYBACK_EDGE);
      if (trim) return buffer.remove(trim.start, trim.end);
      const next = this.queue.shift();
      if (next) buffer.appendBuffer(next as Uint8Array<ArrayBuffer>);
    } catch (e) {
      this.fail(e instanceof Error ? e.message : String(e));
    }
  }

  private detach(): void {
    this.sourceBuffer = undefined;
    this.mediaSource = undefined;
    this.mimeType = undefined;
    if (this.objectUrl) {
      URL.revokeObjectURL(this.objectUrl);
      this.objectUrl = undefined;
      this.video.removeAttribute('src');
      // load() with no source releases the decoder and the old MediaSource's memory.
      this.video.load();
    }
  }

  /** Releases the MediaSource; the track is ready for a new connection's data. */
  reset(): void {
    this.queue = [];
    this.discarding = false;
    this.clearPending = false;
    this.target = undefined;
    this.detach();
  }

  dispose(): void {
    this.disposed = true;
    this.reset();
  }
}

function span(ranges: readonly Range[]): Range | undefined {
  const first = ranges[0];
  const last = ranges.at(-1);
  return first && last ? { start: first.start, end: last.end } : undefined;
}
