import { afterEach, describe, expect, it } from 'vitest';
import type { VideoParameters } from '../../../media/common/types';
import { H264_PPS, H264_VECTORS, hex } from '../../../media/common/testVectors';
import { syntheticFrames as rawFrames } from '../../../../test/util/syntheticMedia';
import type { LiveHub } from './liveHub';
import { LiveFmp4Viewer } from './liveFmp4Viewer';
import type { LiveSink } from './liveFmp4Viewer';
import { FakeCamera, fakeHub } from './liveTestUtil';

/** Records messages; the test sets bufferedAmount to play a slow network. */
class FakeSink implements LiveSink {
  readonly messages: Uint8Array[] = [];
  bufferedAmount = 0;
  send(parts: Uint8Array[]): void {
    this.messages.push(Buffer.concat(parts));
  }
}

/** Real parameter sets: the init segment parses the SPS. */
function realParams(i: number): VideoParameters {
  const v = H264_VECTORS[i]!;
  return { codec: 'h264', width: v.width, height: v.height, rfc6381: v.rfc6381, sps: [hex(v.sps)], pps: [hex(H264_PPS)] };
}
const params0 = realParams(0);
const syntheticFrames = (o: Parameters<typeof rawFrames>[0]) => rawFrames({ params: params0, ...o });

const boxType = (m: Uint8Array) => Buffer.from(m.subarray(4, 8)).toString('latin1');

/** Reads tfdt, the first sample's duration and flags of a one-sample moof. */
function mediaInfo(m: Uint8Array): { decodeTime: number; duration: number; isKey: boolean; seq: number } {
  const b = Buffer.from(m);
  const tfdt = b.indexOf('tfdt');
  const trun = b.indexOf('trun');
  const mfhd = b.indexOf('mfhd');
  return {
    seq: b.readUInt32BE(mfhd + 8),
    decodeTime: Number(b.readBigUInt64BE(tfdt + 8)),
    duration: b.readUInt32BE(trun + 16),
    isKey: b.readUInt32BE(trun + 24) === 0x02000000,
  };
}

describe('LiveFmp4Viewer', () => {
  let hub: LiveHub | undefined;
  afterEach(async () => {
    await hub?.close();
    hub = undefined;
  });

  async function setup(): Promise<{ cam: FakeCamera; hub: LiveHub; keepAlive: { dispose(): void } }> {
    const cam = new FakeCamera();
    hub = fakeHub(cam);
    const opened = cam.nextOpen();
    const keepAlive = hub.subscribe('c1', 'main', () => {});
    await opened;
    return { cam, hub, keepAlive };
  }

  it('starts with the init segment and the cached GOP, with a continuous timeline', async () => {
    const { cam, hub, keepAlive } = await setup();
    const frames = syntheticFrames({ count: 40, start90k: 1e12, gop: 25 });
    cam.emit(frames.slice(0, 30));
    const sink = new FakeSink();
    const inits: string[] = [];
    const viewer = new LiveFmp4Viewer(hub, 'c1', 'main', sink, { onInit: (i) => inits.push(i.mimeType) });
    expect(inits).toEqual(['video/mp4; codecs="avc1.64001F"']);
    expect(sink.messages.map(boxType)).toEqual(['ftyp', ...Array(5).fill('moof')]);
    cam.emit(frames.slice(30, 40));
    const media = sink.messages.slice(1).map(mediaInfo);
    expect(media).toHaveLength(15);
    expect(media[0]).toMatchObject({ isKey: true, decodeTime: 0, seq: 1 });
    expect(media.slice(1).every((m) => !m.isKey)).toBe(true);
    for (let i = 1; i < media.length; i++) {
      expect(media[i]!.decodeTime).toBe(media[i - 1]!.decodeTime + media[i - 1]!.duration);
      expect(media[i]!.seq).toBe(i + 1);
    }
    expect(media.every((m) => m.duration === 3600)).toBe(true);
    expect(viewer.stats).toMatchObject({ framesSent: 15, framesDropped: 0, initSegments: 1, skips: 0 });
    viewer.dispose();
    keepAlive.dispose();
  });

  it('waits for a key frame when nothing is cached, and sends a new init segment when parameters change', async () => {
    const { cam, hub, keepAlive } = await setup();
    const sink = new FakeSink();
    const viewer = new LiveFmp4Viewer(hub, 'c1', 'main', sink);
    const a = syntheticFrames({ count: 30, start90k: 0, gop: 25 });
    cam.emit(a.slice(20)); // 5 frames before a key frame: cannot be decoded
    expect(sink.messages.map(boxType)).toEqual(['ftyp', ...Array(5).fill('moof')]);
    const b = syntheticFrames({ count: 3, start90k: a.at(-1)!.time90k + 3600, gop: 25, params: realParams(1) });
    cam.emit(b);
    expect(sink.messages.slice(6).map(boxType)).toEqual(['ftyp', 'moof', 'moof', 'moof']);
    expect(viewer.stats).toMatchObject({ framesSent: 8, framesDropped: 5, initSegments: 2 });
    viewer.dispose();
    keepAlive.dispose();
  });

  it('a slow viewer drops frames and resumes at the next key frame, never queueing without bound', async () => {
    const { cam, hub, keepAlive } = await setup();
    const sink = new FakeSink();
    const viewer = new LiveFmp4Viewer(hub, 'c1', 'main', sink, { minLagBytes: 10_000, maxLagSeconds: 1 });
    const frames = syntheticFrames({ count: 100, start90k: 0, gop: 25, size: 1000 });
    cam.emit(frames.slice(0, 10));
    expect(viewer.stats.framesSent).toBe(10);
    sink.bufferedAmount = 50_000; // ~2 s of this 25 kB/s stream stuck in the socket
    cam.emit(frames.slice(10, 20));
    expect(viewer.stats).toMatchObject({ framesSent: 10, framesDropped: 10, skips: 1 });
    sink.bufferedAmount = 0; // drained mid-GOP: still waits for the key frame at 25
    cam.emit(frames.slice(20, 25));
    expect(viewer.stats.framesSent).toBe(10);
    const before = sink.messages.length;
    cam.emit(frames.slice(25, 30));
    expect(viewer.stats).toMatchObject({ framesSent: 15, framesDropped: 15, skips: 1 });
    const resumed = sink.messages.slice(before).map(mediaInfo);
    expect(resumed[0]!.isKey).toBe(true);
    // The timeline goes on without a hole where frames were dropped.
    const last = mediaInfo(sink.messages[before - 1]!);
    expect(resumed[0]!.decodeTime).toBe(last.decodeTime + last.duration);
    viewer.dispose();
    keepAlive.dispose();
  });

  it('the replayed GOP does not count as lag, but live frames behind it do', async () => {
    const { cam, hub, keepAlive } = await setup();
    const frames = syntheticFrames({ count: 60, start90k: 0, gop: 50, size: 20_000 });
    cam.emit(frames.slice(0, 40)); // 800 kB cached
    const sink = new FakeSink();
    const send = sink.send.bind(sink);
    let queued = 0;
    sink.send = (parts) => {
      queued += parts.reduce((n, p) => n + p.length, 0);
      sink.bufferedAmount = queued; // nothing drains
      send(parts);
    };
    const viewer = new LiveFmp4Viewer(hub, 'c1', 'main', sink, { minLagBytes: 100_000, maxLagSeconds: 0.2 });
    expect(viewer.stats.framesSent).toBe(40);
    cam.emit(frames.slice(40, 60)); // within the credit of the replay until it runs out
    expect(viewer.stats.framesSent).toBeLessThan(60);
    expect(viewer.stats.skips).toBe(1);
    expect(queued).toBeLessThan(800_000 + 200_000 + 10_000);
    viewer.dispose();
    keepAlive.dispose();
  });

  it('reports the end of the stream and stops on dispose', async () => {
    const { cam, hub, keepAlive } = await setup();
    const ended: string[] = [];
    const sink = new FakeSink();
    const viewer = new LiveFmp4Viewer(hub, 'c1', 'main', sink, { onEnd: (e) => ended.push(e.code) });
    viewer.dispose();
    cam.emit(syntheticFrames({ count: 1, start90k: 0 }));
    expect(sink.messages).toHaveLength(0);
    const viewer2 = new LiveFmp4Viewer(hub, 'c1', 'main', sink, { onEnd: (e) => ended.push(e.code) });
    await hub.close();
    expect(ended).toEqual(['VMS_ERR_CONFLICT']);
    viewer2.dispose();
    keepAlive.dispose();
  });
});
