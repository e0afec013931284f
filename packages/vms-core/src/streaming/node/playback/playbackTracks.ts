import type { Time90k } from '../../../media/common/types';
import { buildInitSegment } from '../../common/mp4/initSegment';
import { buildMediaSegment } from '../../common/mp4/mediaSegment';
import type { PlaybackSink } from '../../common/playback/playbackProtocol';
import { scaledDuration } from '../../common/playback/playbackProtocol';
import type { RecordingReader } from '../recordingReader';
import type { CursorItem, FrameCursor } from './frameCursor';

type FrameItem = Extract<CursorItem, { kind: 'frame' }>;

/**
 * One camera of a playback session: its cursor, the item it will send next, and its fMP4
 * stream (init segment in force, media timeline). The session decides when; the track sends.
 */
export class Track {
  cursor: FrameCursor | undefined;
  /** The camera is between a gap's announcement and the first frame after it. */
  inGap = false;
  private peeked: CursorItem | undefined;
  private paramsId: number | undefined;
  private mediaTime90k = 0;
  private sequence = 1;
  private endAnnounced = false;
  private dropUntilKey = false;
  private dropped = 0;

  constructor(readonly index: number, readonly cameraId: string, private readonly sink: PlaybackSink) {}

  get nextFrameTime(): Time90k | undefined {
    return this.peeked?.kind === 'frame' ? this.peeked.frame.time90k : undefined;
  }

  async reopen(cursor: FrameCursor | undefined): Promise<void> {
    await this.cursor?.close();
    this.cursor = cursor;
    this.endAnnounced = false;
    this.peeked = await cursor?.next();
  }

  /**
   * Sends the key frame before t through the frame shown at t, at once, and says which picture
   * to show. A new init segment goes first: the client resets its decoder on a seek.
   */
  async seek(cursor: FrameCursor, t90k: Time90k): Promise<void> {
    await this.reopen(cursor);
    this.paramsId = undefined;
    this.inGap = false;
    const frames: FrameItem[] = [];
    while (this.peeked?.kind === 'frame' && this.peeked.frame.time90k <= t90k) {
      frames.push(this.peeked);
      this.peeked = await cursor.next();
    }
    const first = frames[0];
    const last = frames.at(-1);
    if (!first || !last) {
      await this.skipGaps();
      return;
    }
    let showAt = this.mediaTime90k;
    for (const f of frames) {
      showAt = this.mediaTime90k;
      this.sendFrame(f, 1);
    }
    this.sink.sendJson({ type: 'seeked', camera: this.cameraId, decodeFrom90k: first.frame.time90k, showFrom90k: last.frame.time90k, mediaTime90k: showAt });
  }

  /** Announces gaps up to the next frame (and the end, once). */
  async skipGaps(): Promise<void> {
    while (this.peeked?.kind === 'gap') {
      const gap = this.peeked;
      this.sink.sendJson({ type: 'gap', camera: this.cameraId, start90k: gap.start90k, end90k: gap.end90k, mediaTime90k: this.mediaTime90k });
      this.inGap = true;
      this.peeked = await this.cursor?.next();
    }
    if (!this.peeked && !this.endAnnounced) {
      this.endAnnounced = true;
      this.sink.sendJson({ type: 'ended', camera: this.cameraId });
    }
  }

  /**
   * Sends the next frame. When the client has fallen behind, frames are dropped up to the next
   * key frame rather than queued: a viewer wants the present picture, not a growing delay.
   */
  async sendNext(speed: number, announce?: 'stepped', maxBufferedBytes = Infinity): Promise<void> {
    const item = this.peeked;
    if (item?.kind !== 'frame') return;
    this.peeked = await this.cursor?.next();
    this.inGap = false;
    if (this.sink.bufferedAmount > maxBufferedBytes) this.dropUntilKey = true;
    if (this.dropUntilKey && (!item.frame.isKey || this.sink.bufferedAmount > maxBufferedBytes)) {
      this.dropped++;
      return;
    }
    if (this.dropUntilKey) {
      this.sink.sendJson({ type: 'dropped', camera: this.cameraId, frames: this.dropped });
      this.dropUntilKey = false;
      this.dropped = 0;
    }
    const showAt = this.mediaTime90k;
    this.sendFrame(item, speed);
    if (announce) this.sink.sendJson({ type: 'stepped', camera: this.cameraId, showFrom90k: item.frame.time90k, mediaTime90k: showAt });
  }

  private sendFrame(item: FrameItem, speed: number): void {
    const f = item.frame;
    if (f.videoParamsId !== this.paramsId) {
      this.paramsId = f.videoParamsId;
      this.sink.sendBinary(this.index, [buildInitSegment(f.params)]);
    }
    const duration90k = scaledDuration(item.duration90k, speed);
    this.sink.sendBinary(this.index, buildMediaSegment({
      sequenceNumber: this.sequence++,
      baseMediaDecodeTime90k: this.mediaTime90k,
      samples: [{ duration90k, isKey: f.isKey, data: f.data }],
    }));
    this.mediaTime90k += duration90k;
  }
}

/** Time of the last frame of a camera before t, from the index alone (no frame is read). */
export async function previousFrameTime(reader: RecordingReader, cameraId: string, t90k: Time90k): Promise<Time90k | undefined> {
  for (const back of [90_000, 3600 * 90_000]) {
    const plan = await reader.plan(cameraId, t90k - back, t90k);
    for (let i = plan.items.length - 1; i >= 0; i--) {
      const item = plan.items[i]!;
      if (item.kind === 'recording' && item.frames.length > 0) return item.frames.at(-1)!.time90k;
    }
  }
  return undefined;
}
