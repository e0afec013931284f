import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../base/common/clock';
import { concatBytes } from '../../common/mp4/boxes';
import type { PlaybackMessage, PlaybackSink } from '../../common/playback/playbackProtocol';
import type { RecordedFixture } from '../recordedFixture';
import { createRecordedFixture, SECOND, START } from '../recordedFixture';
import { FRAME_90K, probe } from '../testClips';
import { PlaybackSession } from './playbackSession';

/** What a WebSocket would carry: JSON messages and fMP4 per camera. */
class RecordingSink implements PlaybackSink {
  json: PlaybackMessage[] = [];
  binary: { camera: number; bytes: Uint8Array }[] = [];
  bufferedAmount = 0;
  onJson: ((m: PlaybackMessage) => void) | undefined;
  sendJson(m: PlaybackMessage): void {
    this.json.push(m);
    this.onJson?.(m);
  }
  sendBinary(camera: number, parts: readonly Uint8Array[]): void {
    this.binary.push({ camera, bytes: concatBytes(parts) });
  }
  /** Media segments of a camera as [tfdt, sample duration, is key]. */
  samples(camera = 0): [number, number, boolean][] {
    return this.binary.filter((b) => b.camera === camera && fourccAt(b.bytes, 4) === 'moof').map((b) => {
      const tfdt = find(b.bytes, 'tfdt');
      const trun = find(b.bytes, 'trun');
      const v = new DataView(b.bytes.buffer, b.bytes.byteOffset);
      const time = v.getUint32(tfdt + 8) * 2 ** 32 + v.getUint32(tfdt + 12);
      return [time, v.getUint32(trun + 16), v.getUint32(trun + 24) === 0x02000000];
    });
  }
}
const fourccAt = (b: Uint8Array, at: number) => String.fromCharCode(...b.subarray(at, at + 4));
const find = (b: Uint8Array, type: string) => {
  for (let i = 0; i + 4 <= b.length; i++) if (fourccAt(b, i) === type) return i;
  throw new Error(`no ${type}`);
};

describe('PlaybackSession', () => {
  let fx: RecordedFixture;
  let clock: ManualClock;
  let sink: RecordingSink;
  let session: PlaybackSession | undefined;
  beforeAll(async () => {
    fx = await createRecordedFixture();
  });
  afterAll(() => fx.dispose());
  afterEach(async () => {
    await session?.dispose();
    session = undefined;
  });
  const open = (cameraIds: string[]) => {
    clock = new ManualClock(Date.UTC(2026, 5, 2));
    sink = new RecordingSink();
    session = new PlaybackSession({ reader: fx.reader, cameraIds, clock, sink });
    return session;
  };
  /** Advances the clock once the session waits for it, and returns when it waits again. */
  const tick = async (s: PlaybackSession, ms: number) => {
    const waiting = new Promise<void>((resolve) => { const d = s.onDidWait(() => { d.dispose(); resolve(); }); });
    clock.advance(ms);
    await waiting;
  };
  const nextWait = (s: PlaybackSession) => new Promise<void>((resolve) => { const d = s.onDidWait(() => { d.dispose(); resolve(); }); });
  const frameTime = (i: number) => START + Math.round(i * FRAME_90K);

  it('seeks frame-accurately: sends from the key frame before t and names the picture to show', async () => {
    const s = open(['cam-h264']);
    await s.seek(START + 1.5 * SECOND);
    expect(sink.json).toEqual([{ type: 'seeked', camera: 'cam-h264', decodeFrom90k: frameTime(25), showFrom90k: frameTime(37), mediaTime90k: 12 * FRAME_90K }]);
    expect(sink.samples().map(([, , key]) => key)).toEqual([true, ...Array<boolean>(12).fill(false)]);
    const file = join(fx.dir, 'seek.mp4');
    writeFileSync(file, concatBytes(sink.binary.map((b) => b.bytes)));
    expect((await probe(file)).frames).toBe(13);
  });

  it('plays at 1× paced by the clock, announces a gap and skips it', async () => {
    const s = open(['cam-h264']);
    await s.seek(frameTime(47));
    const waiting = nextWait(s);
    await s.play(1);
    await waiting;
    const sent = () => sink.samples().length;
    expect(sent()).toBe(23); // frames 25..47
    clock.advance(39);
    expect(sent()).toBe(23);
    await tick(s, 1);
    // Frame 49, then the next picture (7 s) at once, not after the 5 s gap.
    await tick(s, 40);
    // Frame 49 is the last before the gap: it lasts one frame, not five seconds.
    expect(sink.samples()[24]![1]).toBe(FRAME_90K);
    expect(sink.json.filter((m) => m.type === 'gap')).toEqual([
      { type: 'gap', camera: 'cam-h264', start90k: START + 2 * SECOND, end90k: START + 7 * SECOND, mediaTime90k: 25 * FRAME_90K },
    ]);
    expect(sent()).toBe(26);
    expect(s.position90k).toBe(START + 7 * SECOND);
  });

  it('plays at 8× with key frames only, durations scaled', async () => {
    const s = open(['cam-h265']);
    await s.seek(START);
    const waiting = nextWait(s);
    await s.play(8);
    await waiting;
    expect(sink.json.at(-1)).toMatchObject({ type: 'state', state: 'playing', speed: 8 });
    const ended = new Promise<void>((resolve) => {
      sink.onJson = (m) => m.type === 'state' && m.state === 'paused' && resolve();
    });
    clock.advance(125); // the key frame 1 s later is due after 1/8 s; then the gap is skipped
    await ended;
    // Frame 0 (sent by the seek at 1×), then key frames 1 s apart, each lasting 1/8 s.
    expect(sink.samples().map(([, d, key]) => [d, key])).toEqual([[FRAME_90K, true], [SECOND / 8, true], [SECOND / 8, true]]);
  });

  it('steps one frame forward and back', async () => {
    const s = open(['cam-h264']);
    await s.seek(frameTime(30));
    await s.step(1);
    expect(sink.json.at(-1)).toMatchObject({ type: 'stepped', showFrom90k: frameTime(31) });
    await s.step(-1);
    expect(sink.json.at(-1)).toMatchObject({ type: 'seeked', decodeFrom90k: frameTime(25), showFrom90k: frameTime(30) });
    expect(s.position90k).toBe(frameTime(30));
    await s.step(-1);
    expect(sink.json.at(-1)).toMatchObject({ type: 'seeked', showFrom90k: frameTime(29) });
  });

  it('keeps several cameras on one clock', async () => {
    const s = open(['cam-h264', 'cam-h265']);
    await s.seek(START + 0.5 * SECOND);
    const waiting = nextWait(s);
    await s.play(2);
    await waiting;
    for (let i = 0; i < 5; i++) await tick(s, 20);
    const a = sink.samples(0);
    const b = sink.samples(1);
    expect(a).toHaveLength(13 + 5);
    expect(b.map(([t]) => t)).toEqual(a.map(([t]) => t));
    expect(a.at(-1)![1]).toBe(FRAME_90K / 2);
  });

  it('drops frames up to the next key frame when the client falls behind', async () => {
    const s = open(['cam-h264']);
    await s.seek(START);
    const waiting = nextWait(s);
    await s.play(1);
    await waiting;
    sink.bufferedAmount = 100 << 20;
    await tick(s, 40);
    sink.bufferedAmount = 0;
    for (let i = 0; i < 24; i++) await tick(s, 40);
    expect(sink.samples()).toHaveLength(2); // frame 0, then the key frame 25
    expect(sink.json.at(-1)).toEqual({ type: 'dropped', camera: 'cam-h264', frames: 24 });
  });

  it('ends after the last recording and refuses commands once disposed', async () => {
    const s = open(['cam-h264']);
    await s.seek(frameTime(74) + 5 * SECOND); // the last frame (the second recording follows the 5 s gap)
    const ended = new Promise<void>((resolve) => {
      sink.onJson = (m) => m.type === 'state' && m.state === 'paused' && resolve();
    });
    await s.play(1);
    await ended;
    expect(sink.json.map((m) => m.type)).toEqual(['seeked', 'state', 'gap', 'ended', 'state']);
    await s.dispose();
    await expect(s.play(1)).rejects.toThrow('closed');
  });
});
