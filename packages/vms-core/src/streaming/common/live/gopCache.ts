import { releaseFrame, retainFrame } from '../../../media/common/framePool';
import type { VideoFrame } from '../../../media/common/types';

export interface GopCacheLimits {
  /** A GOP longer than this many frames is dropped (a camera with a very long or no key frame interval). */
  maxFrames: number;
  /** Same, in payload bytes. */
  maxBytes: number;
}

/** About 10 s at 30 fps, or a 4K GOP of a few seconds: enough for any sane camera setting. */
export const defaultGopCacheLimits: GopCacheLimits = { maxFrames: 300, maxBytes: 32 * 1024 * 1024 };

/**
 * The frames of one stream since its latest key frame (retained while cached), so a new viewer (or a snapshot) can start
 * decoding at once instead of waiting up to a key-frame interval. The same idea as
 * recording's PreBuffer(0), but bounded: a GOP that outgrows the limits is dropped whole (a
 * partial GOP is useless to a decoder) and the cache stays empty until the next key frame.
 */
export class GopCache {
  private frames: VideoFrame[] = [];
  private bytes = 0;

  constructor(private readonly limits: GopCacheLimits = defaultGopCacheLimits) {}

  push(frame: VideoFrame): void {
    if (frame.isKey) {
      this.clear();
      retainFrame(frame);
      this.frames = [frame];
      this.bytes = frame.data.length;
      return;
    }
    if (this.frames.length === 0) return;
    // A picture that needs other parameter sets cannot follow this key frame.
    if (frame.params !== this.frames[0]!.params) return this.clear();
    retainFrame(frame);
    this.frames.push(frame);
    this.bytes += frame.data.length;
    if (this.frames.length > this.limits.maxFrames || this.bytes > this.limits.maxBytes) this.clear();
  }

  /**
   * The cached frames, key frame first, in a new array. Recycled frames (VideoFrame.memory) stay
   * valid while they are cached; a caller that keeps them retains or escapes them.
   */
  snapshot(): VideoFrame[] {
    return [...this.frames];
  }

  /** The newest frame, if a decodable GOP is cached. */
  get latest(): VideoFrame | undefined {
    return this.frames.at(-1);
  }

  get length(): number {
    return this.frames.length;
  }

  /** Releases the frames it holds. */
  clear(): void {
    this.frames.forEach(releaseFrame);
    this.frames = [];
    this.bytes = 0;
  }
}
