import type { VideoFrame } from '../../media/common/types';

/**
 * Whether no other frame references this one, read from the first NAL header after the 4-byte
 * length: H.264 nal_ref_idc == 0, H.265 sub-layer non-reference types (even types below 16).
 */
export function isDisposable(frame: VideoFrame): boolean {
  const b = frame.data[4];
  if (b === undefined) return false;
  if (frame.params.codec === 'h264') return (b & 0x60) === 0;
  const type = (b >> 1) & 0x3f;
  return type < 16 && type % 2 === 0;
}

/**
 * Keyframes-only recording and the recording frame-rate limit, without decoding. A dropped
 * frame that others reference breaks the pictures after it, so once one is dropped the rest of
 * its group of pictures goes too; disposable frames can be dropped alone.
 */
export class FrameFilter {
  private lastKept90k = -Infinity;
  private brokenUntilKey = false;

  constructor(private readonly options: { keyFramesOnly: boolean; maxFps?: number }) {}

  accept(frame: VideoFrame): boolean {
    if (frame.isKey) {
      this.brokenUntilKey = false;
      if (!this.rateAllows(frame)) return false;
      this.lastKept90k = frame.time90k;
      return true;
    }
    if (this.options.keyFramesOnly || this.brokenUntilKey) return false;
    if (this.rateAllows(frame)) {
      this.lastKept90k = frame.time90k;
      return true;
    }
    if (!isDisposable(frame)) this.brokenUntilKey = true;
    return false;
  }

  private rateAllows(frame: VideoFrame): boolean {
    const fps = this.options.maxFps;
    if (!fps) return true;
    // Small slack so a 25 fps stream with jitter is not thinned by a 25 fps limit.
    return frame.time90k - this.lastKept90k >= (90_000 / fps) * 0.9;
  }
}
