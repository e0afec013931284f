import type { VideoFrame, VideoParameters } from '../../../media/common/types';
import { buildInitSegment } from '../mp4/initSegment';
import { buildMediaSegment } from '../mp4/mediaSegment';

export interface HlsPart {
  /** Global part number: the part's name, so a preload hint never depends on where segments end. */
  id: number;
  duration90k: number;
  /** Starts with a key frame. */
  independent: boolean;
  /** moof + mdat. */
  data: Uint8Array[];
}

export interface HlsSegment {
  msn: number;
  initId: number;
  /** Wall time of the first frame (EXT-X-PROGRAM-DATE-TIME). */
  start90k: number;
  parts: HlsPart[];
  duration90k: number;
  complete: boolean;
}

export interface HlsSegmenterOptions {
  /** A segment ends at the first key frame after this long. */
  segmentTarget90k?: number;
  /** A part ends before it would grow past this (or at a key frame). */
  partTarget90k?: number;
  /** Completed segments kept (and listed). */
  windowSegments?: number;
}

const DEFAULT_FRAME_90K = 3600;
const MAX_FRAME_90K = 90_000;

/**
 * Cuts a live stream into fMP4 HLS segments of about a second, each made of parts of about
 * 200 ms (Low-Latency HLS), on a timeline without holes (as LiveFmp4Muxer). Segments start at
 * key frames; a part also starts at every key frame so INDEPENDENT=YES can say so. A frame is
 * held until the next one arrives, because its duration must be known when its part is cut.
 * Pure: the node side feeds frames and serves what this holds.
 */
export class HlsSegmenter {
  readonly segmentTarget90k: number;
  readonly partTarget90k: number;
  private readonly windowSegments: number;
  readonly segments: HlsSegment[] = [];
  /** Init segments by id; the id changes with the parameter sets. */
  readonly inits = new Map<number, Uint8Array>();
  private params: VideoParameters | undefined;
  private initId = 0;
  private nextMsn = 0;
  private nextPartId = 0;
  private sequenceNumber = 1;
  private decodeTime90k = 0;
  private held: VideoFrame | undefined;
  private step90k = DEFAULT_FRAME_90K;
  private openPart: { frames: { frame: VideoFrame; duration90k: number }[]; duration90k: number } | undefined;
  /** Segments dropped from the window that began a discontinuity (EXT-X-DISCONTINUITY-SEQUENCE). */
  discontinuitiesDropped = 0;
  /** Longest part so far: PART-TARGET must not be below it (a camera below 5 fps has longer frames). */
  maxPart90k = 0;
  maxSegment90k = 0;

  constructor(o: HlsSegmenterOptions = {}) {
    this.segmentTarget90k = o.segmentTarget90k ?? 90_000;
    this.partTarget90k = o.partTarget90k ?? 18_000;
    this.windowSegments = o.windowSegments ?? 6;
  }

  /** Feeds a frame; returns true when a part (and maybe a segment) was completed. */
  push(frame: VideoFrame): boolean {
    const held = this.held;
    this.held = frame;
    if (!held) return false;
    const d = frame.time90k - held.time90k;
    if (d > 0 && d <= MAX_FRAME_90K) this.step90k = d;
    let cut = this.place(held, this.step90k);
    // A key frame ends the open part (or segment) now: no need to wait for the frame after it.
    if (frame.isKey) cut = this.cutBefore(frame) || cut;
    return cut;
  }

  /** Closes what must end before `frame` is placed; true when a part was completed. */
  private cutBefore(frame: VideoFrame): boolean {
    const seg = this.openSegment;
    if (!seg || !frame.isKey) return false;
    if (frame.params !== this.params || seg.duration90k + this.openDuration() >= this.segmentTarget90k * 0.9) return this.closeSegment();
    return this.closePart();
  }

  /** The part id the next completed part will have (for EXT-X-PRELOAD-HINT). */
  get nextPart(): number {
    return this.nextPartId;
  }

  get openSegment(): HlsSegment | undefined {
    const s = this.segments.at(-1);
    return s && !s.complete ? s : undefined;
  }

  private place(frame: VideoFrame, duration90k: number): boolean {
    let seg = this.openSegment;
    const paramsChange = frame.params !== this.params;
    if (!seg && !frame.isKey) return false;
    if (paramsChange && !frame.isKey) return false; // the picture needs parameters not yet announced
    let cut = this.cutBefore(frame);
    seg = this.openSegment;
    if (!seg) {
      if (paramsChange) {
        this.params = frame.params;
        this.inits.set(++this.initId, buildInitSegment(frame.params));
      }
      this.segments.push({ msn: this.nextMsn++, initId: this.initId, start90k: frame.time90k, parts: [], duration90k: 0, complete: false });
    } else if (this.openPart && this.openPart.duration90k + duration90k > this.partTarget90k) {
      cut = this.closePart() || cut;
    }
    this.openPart ??= { frames: [], duration90k: 0 };
    this.openPart.frames.push({ frame, duration90k });
    this.openPart.duration90k += duration90k;
    return cut;
  }

  private openDuration(): number {
    return this.openPart?.duration90k ?? 0;
  }

  private closePart(): boolean {
    const part = this.openPart;
    const seg = this.openSegment;
    this.openPart = undefined;
    if (!part || !seg || part.frames.length === 0) return false;
    const data = buildMediaSegment({
      sequenceNumber: this.sequenceNumber++,
      baseMediaDecodeTime90k: this.decodeTime90k,
      samples: part.frames.map((f) => ({ duration90k: f.duration90k, isKey: f.frame.isKey, data: f.frame.data })),
    });
    this.decodeTime90k += part.duration90k;
    seg.parts.push({ id: this.nextPartId++, duration90k: part.duration90k, independent: part.frames[0]!.frame.isKey, data });
    seg.duration90k += part.duration90k;
    this.maxPart90k = Math.max(this.maxPart90k, part.duration90k);
    return true;
  }

  private closeSegment(): boolean {
    const closed = this.closePart();
    const seg = this.openSegment;
    if (!seg) return closed;
    seg.complete = true;
    this.maxSegment90k = Math.max(this.maxSegment90k, seg.duration90k);
    this.trimWindow();
    return true;
  }

  private trimWindow(): void {
    while (this.segments.filter((s) => s.complete).length > this.windowSegments) {
      const gone = this.segments.shift()!;
      const next = this.segments[0];
      if (next && next.initId !== gone.initId) this.discontinuitiesDropped++;
    }
    for (const id of this.inits.keys()) if (id !== this.initId && !this.segments.some((x) => x.initId === id)) this.inits.delete(id);
  }

  segment(msn: number): HlsSegment | undefined {
    return this.segments.find((s) => s.msn === msn);
  }

  part(id: number): HlsPart | undefined {
    for (const s of this.segments) for (const p of s.parts) if (p.id === id) return p;
    return undefined;
  }

  /** Whether the playlist already shows segment `msn` (complete) or its part `part` (0-based within it). */
  has(msn: number, part?: number): boolean {
    const last = this.segments.at(-1);
    if (!last) return false;
    if (msn < last.msn) return true;
    if (msn > last.msn) return false;
    return part === undefined ? last.complete : last.parts.length > part;
  }
}
