import type { Time90k } from '../../../media/common/types';
import type { Gap, PlannedFrame, PlannedRecording } from '../../common/rangePlan';
import type { RangePlan, ReadItem, RecordedFrame, RecordingReader } from '../recordingReader';

export type CursorItem = { kind: 'frame'; frame: RecordedFrame; duration90k: number } | Gap;

/** Media is planned this far ahead at a time: one index query a minute of video. */
const WINDOW_90K = 60 * 90_000;

/**
 * Reads one camera forward from an instant, window by window, for as long as a session plays.
 * Starts at the key frame at or before `from` (minus frames at or before `after`), merges gaps
 * that windows split, and cuts the frame before a gap to end where the gap starts, so a
 * client's timeline never silently stretches over missing video. In key-frame-only mode it
 * reads only key frames' bytes, each lasting until the next key frame.
 */
export class FrameCursor {
  private readonly items: AsyncGenerator<ReadItem>;
  private peeked: ReadItem | undefined;
  private done = false;

  constructor(
    private readonly reader: RecordingReader,
    private readonly cameraId: string,
    private readonly o: { from90k: Time90k; after90k?: Time90k; until90k: Time90k; keyFramesOnly?: boolean },
  ) {
    this.items = this.generate();
  }

  get keyFramesOnly(): boolean {
    return this.o.keyFramesOnly ?? false;
  }

  async next(): Promise<CursorItem | undefined> {
    const item = await this.pull();
    if (!item) return undefined;
    if (item.kind === 'gap') {
      const gap = { ...item };
      for (let p = await this.peek(); p?.kind === 'gap' && p.start90k <= gap.end90k; p = await this.peek()) {
        gap.end90k = Math.max(gap.end90k, p.end90k);
        this.peeked = undefined;
      }
      return gap;
    }
    const after = await this.peek();
    const limit = after?.kind === 'gap' ? after.start90k - item.time90k : Infinity;
    return { kind: 'frame', frame: item, duration90k: Math.max(1, Math.min(item.duration90k, limit)) };
  }

  /** Releases the open frame file, if any. */
  async close(): Promise<void> {
    this.done = true;
    await this.items.return(undefined);
  }

  private async pull(): Promise<ReadItem | undefined> {
    const p = await this.peek();
    this.peeked = undefined;
    return p;
  }

  private async peek(): Promise<ReadItem | undefined> {
    if (this.peeked || this.done) return this.peeked;
    const r = await this.items.next();
    if (r.done) this.done = true;
    else this.peeked = r.value;
    return this.peeked;
  }

  private async *generate(): AsyncGenerator<ReadItem> {
    let last = this.o.after90k ?? -Infinity;
    let window = WINDOW_90K;
    for (let t = this.o.from90k; t < this.o.until90k;) {
      const end = Math.min(t + window, this.o.until90k);
      const plan = await this.reader.plan(this.cameraId, t, end);
      const fresh = (f: PlannedFrame) => f.time90k > last && (!this.keyFramesOnly || f.isKey);
      for await (const item of this.reader.read(narrow(plan, fresh, this.keyFramesOnly))) {
        if (item.kind === 'frame') last = item.time90k;
        yield item;
      }
      // Across a long stretch without video (a night, a stopped camera) the window grows, so
      // finding the next recording costs a few index queries, not one per minute.
      window = plan.frames === 0 ? window * 4 : WINDOW_90K;
      t = end;
    }
  }
}

/** The plan without frames already sent (windows overlap by a GOP) and, in key-frame mode, inter frames. */
function narrow(plan: RangePlan, keep: (f: PlannedFrame) => boolean, keyFramesOnly: boolean): RangePlan {
  const items: (PlannedRecording | Gap)[] = [];
  for (const item of plan.items) {
    if (item.kind === 'gap') {
      items.push(item);
      continue;
    }
    const frames: PlannedFrame[] = [];
    item.frames.forEach((f, i) => {
      if (!keep(f)) return;
      // A kept key frame lasts until the next kept one (or its recording's last frame ends).
      let duration90k = f.duration90k;
      if (keyFramesOnly) {
        const nextKey = item.frames.slice(i + 1).find((g) => g.isKey);
        const end = item.frames.at(-1)!;
        duration90k = (nextKey ? nextKey.time90k : end.time90k + end.duration90k) - f.time90k;
      }
      frames.push({ ...f, duration90k });
    });
    if (frames.length > 0) items.push({ ...item, frames });
  }
  return { ...plan, items };
}
