import { releaseFrame, retainFrame } from '../../media/common/framePool';
import type { VideoFrame } from '../../media/common/types';

/**
 * Frames held in memory while not recording, grouped by key frame and covering at least
 * `seconds` before the newest frame (so a recording starts decodable and early enough).
 */
export class PreBuffer {
  private gops: VideoFrame[][] = [];

  constructor(private seconds: number) {}

  setSeconds(seconds: number): void {
    this.seconds = seconds;
  }

  push(frame: VideoFrame): void {
    if (frame.isKey) this.gops.push([frame]);
    else if (this.gops.length > 0) this.gops.at(-1)!.push(frame);
    else return;
    retainFrame(frame);
    const horizon = frame.time90k - this.seconds * 90_000;
    // Drop the oldest group while the next one still starts at or before the horizon.
    while (this.gops.length > 1 && this.gops[1]![0]!.time90k <= horizon) this.gops.shift()!.forEach(releaseFrame);
  }

  /**
   * Takes everything buffered (oldest first) and empties the buffer. The holds on the frames
   * go to the caller, who releases each frame (releaseFrame) when done with it.
   */
  drain(): VideoFrame[] {
    const out = this.gops.flat();
    this.gops = [];
    return out;
  }

  clear(): void {
    for (const gop of this.gops) gop.forEach(releaseFrame);
    this.gops = [];
  }

  get length(): number {
    return this.gops.reduce((n, g) => n + g.length, 0);
  }
}
