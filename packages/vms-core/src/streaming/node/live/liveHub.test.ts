import { afterEach, describe, expect, it, vi } from 'vitest';
import { VmsError } from '../../../base/common/errors';
import type { VideoFrame } from '../../../media/common/types';
import { syntheticFrames } from '../../../../test/util/syntheticMedia';
import { LiveHub } from './liveHub';
import { FakeCamera, fakeHub } from './liveTestUtil';
import { systemClock } from '../../../base/node/systemClock';

const frames = syntheticFrames({ count: 60, start90k: 0, gop: 25 });

describe('LiveHub', () => {
  let hub: LiveHub | undefined;
  afterEach(async () => {
    await hub?.close();
    hub = undefined;
  });

  it('opens one connection for many subscribers and closes it with the last', async () => {
    const cam = new FakeCamera();
    hub = fakeHub(cam);
    const got: VideoFrame[][] = [[], [], []];
    const opened = cam.nextOpen();
    const subs = got.map((g) => hub!.subscribe('c1', 'main', (f) => g.push(f)));
    await opened;
    expect(cam.opens).toBe(1);
    cam.emit(frames.slice(0, 5));
    expect(got.map((g) => g.length)).toEqual([5, 5, 5]);
    expect(hub.openStreams()).toMatchObject([{ cameraId: 'c1', streamKey: 'main', subscribers: 3, status: { state: 'streaming' } }]);

    await subs[0]!.close();
    await subs[1]!.close();
    expect(cam.live).toHaveLength(1);
    await subs[2]!.close();
    expect(cam.live).toHaveLength(0);
    expect(hub.openStreams()).toEqual([]);
    expect(cam.opens).toBe(1);
  });

  it('keeps streams apart by camera and stream key', async () => {
    const cam = new FakeCamera();
    hub = fakeHub(cam);
    const a = hub.subscribe('c1', 'main', () => {});
    const b = hub.subscribe('c1', 'sub', () => {});
    const c = hub.subscribe('c2', 'main', () => {});
    expect(cam.opens).toBe(3);
    await vi.waitFor(() => expect(cam.live).toHaveLength(3));
    a.dispose();
    b.dispose();
    c.dispose();
  });

  it('replays the cached GOP from the latest key frame to a late subscriber', async () => {
    const cam = new FakeCamera();
    hub = fakeHub(cam);
    const opened = cam.nextOpen();
    const first = hub.subscribe('c1', 'main', () => {});
    await opened;
    cam.emit(frames.slice(0, 30)); // key frames at 0 and 25
    const late: VideoFrame[] = [];
    const sub = hub.subscribe('c1', 'main', (f) => late.push(f), { fromLatestKeyFrame: true });
    expect(late).toEqual(frames.slice(25, 30));
    expect(hub.gop('c1', 'main')).toEqual(frames.slice(25, 30));
    // Without the option a subscriber sees only what comes next.
    const plain: VideoFrame[] = [];
    const sub2 = hub.subscribe('c1', 'main', (f) => plain.push(f));
    cam.emit(frames[30]!);
    expect(plain).toEqual([frames[30]]);
    expect(late.at(-1)).toBe(frames[30]);
    first.dispose();
    sub.dispose();
    sub2.dispose();
  });

  it('clears the GOP cache when the connection is lost and reports loss and restore', async () => {
    const cam = new FakeCamera();
    hub = new LiveHub({
      openers: { 'fake:': cam.opener },
      clock: { ...systemClock, sleep: () => Promise.resolve() }, // reconnect at once
      resolve: (id, key) => ({ url: `fake://${id}/${key}`, credentials: {}, transport: 'tcp' }),
    });
    const opened = cam.nextOpen();
    const sub = hub.subscribe('c1', 'main', () => {});
    const session = await opened;
    cam.emit(frames.slice(0, 3));
    const lost = new Promise((r) => sub.onDidLoseConnection(r));
    const restored = new Promise((r) => sub.onDidRestoreConnection(r));
    const reopened = cam.nextOpen();
    session.fail();
    await lost;
    expect(hub.gop('c1', 'main')).toEqual([]);
    await reopened;
    await restored;
    expect(sub.status.state).toBe('streaming');
    sub.dispose();
  });

  it('reconnects on refresh when the source changed, and ends subscribers when it no longer resolves', async () => {
    const cam = new FakeCamera();
    let url = 'fake://cam/a';
    let enabled = true;
    hub = new LiveHub({
      openers: { 'fake:': cam.opener },
      clock: systemClock,
      resolve: () => {
        if (!enabled) throw new VmsError('VMS_ERR_CONFLICT', 'disabled');
        return { url, credentials: {}, transport: 'tcp' };
      },
    });
    const ended: VmsError[] = [];
    let opened = cam.nextOpen();
    const sub = hub.subscribe('c1', 'main', () => {}, { onEnd: (e) => ended.push(e) });
    await opened;
    hub.refresh('c1');
    expect(cam.opens).toBe(1); // unchanged source: nothing happens
    url = 'fake://cam/b';
    opened = cam.nextOpen();
    hub.refresh('c1');
    expect((await opened).url).toBe('fake://cam/b');
    await vi.waitFor(() => expect(cam.live.map((s) => s.url)).toEqual(['fake://cam/b']));
    enabled = false;
    hub.refresh('c1');
    expect(ended.map((e) => e.code)).toEqual(['VMS_ERR_CONFLICT']);
    await vi.waitFor(() => expect(cam.live).toHaveLength(0));
    await sub.close(); // after the end: harmless
  });

  it('cuts off a consumer that throws without disturbing the others', async () => {
    const cam = new FakeCamera();
    hub = fakeHub(cam);
    const opened = cam.nextOpen();
    const ended: string[] = [];
    const good: VideoFrame[] = [];
    hub.subscribe('c1', 'main', () => {
      throw new Error('boom');
    }, { onEnd: (e) => ended.push(e.message) });
    const sub = hub.subscribe('c1', 'main', (f) => good.push(f));
    await opened;
    cam.emit(frames.slice(0, 2));
    expect(good).toHaveLength(2);
    expect(ended).toEqual(['live consumer failed: boom']);
    expect(hub.openStreams()[0]?.subscribers).toBe(1);
    sub.dispose();
  });

  it('close() ends every subscriber and every connection', async () => {
    const cam = new FakeCamera();
    hub = fakeHub(cam);
    const ended: string[] = [];
    const opened = cam.nextOpen();
    hub.subscribe('c1', 'main', () => {}, { onEnd: (e) => ended.push(e.code) });
    await opened;
    await hub.close();
    expect(ended).toEqual(['VMS_ERR_CONFLICT']);
    expect(cam.live).toHaveLength(0);
    expect(() => hub!.subscribe('c1', 'main', () => {})).toThrow(/closed/);
  });
});
