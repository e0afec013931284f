import type { Event } from '../../base/common/event';
import { Emitter } from '../../base/common/event';
import { releaseFrame, retainFrame } from '../../media/common/framePool';
import type { VideoFrame } from '../../media/common/types';

/** Frames kept for a listener that has not subscribed yet; more than this is not "early". */
const MAX_EARLY_FRAMES = 100;

/**
 * A frame emitter that holds the frames fired before anyone listens and replays them to the
 * first listener. A session resolves its open promise when PLAY is answered, and the first
 * media can arrive in the same read, before the caller had a chance to subscribe.
 */
export class EarlyFrameEmitter {
  private readonly emitter = new Emitter<VideoFrame>();
  private early: VideoFrame[] | undefined = [];

  readonly event: Event<VideoFrame> = (listener) => {
    const sub = this.emitter.event(listener);
    const early = this.early;
    if (early) {
      this.early = undefined;
      queueMicrotask(() => {
        for (const f of early) {
          try {
            this.emitter.fire(f);
          } finally {
            releaseFrame(f);
          }
        }
      });
    }
    return sub;
  };

  fire(frame: VideoFrame): void {
    if (!this.early) this.emitter.fire(frame);
    else if (this.early.length < MAX_EARLY_FRAMES) {
      retainFrame(frame);
      this.early.push(frame);
    }
  }

  dispose(): void {
    this.early?.forEach(releaseFrame);
    this.early = undefined;
    this.emitter.dispose();
  }
}
