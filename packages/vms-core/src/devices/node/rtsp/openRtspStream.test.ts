import { afterEach, describe, expect, it } from 'vitest';
import { isVmsError } from '../../../base/common/errors';
import type { VideoFrame } from '../../../media/common/types';
import { makeTestClip, startTestCamera } from '../../../../test/harness/testCamera';
import type { TestCamera, TestCameraOptions } from '../../../../test/harness/testCamera';
import type { StreamSession } from '../frameSource';
import { openRtspSession } from './openRtspStream';
import type { OpenRtspOptions } from './openRtspStream';
import { probeRtsp } from './probeRtsp';

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function camera(opts: TestCameraOptions = {}): Promise<TestCamera> {
  const cam = await startTestCamera(opts);
  cleanup.push(() => cam.stop());
  return cam;
}

async function open(options: Partial<OpenRtspOptions> & { url: string }): Promise<StreamSession> {
  const session = await openRtspSession({ credentials: {}, transport: 'tcp', signal: new AbortController().signal, ...options });
  cleanup.push(() => session.dispose());
  return session;
}

/** Collects frames until `count` have arrived (or the session closes). */
function collect(session: StreamSession, count: number): Promise<VideoFrame[]> {
  return new Promise((resolve, reject) => {
    const frames: VideoFrame[] = [];
    const sub = session.onFrame((f) => {
      frames.push(f);
      if (frames.length === count) {
        sub.dispose();
        resolve(frames);
      }
    });
    void session.closed.then((e) => reject(e ?? new Error('closed')));
  });
}

function checkTiming(frames: VideoFrame[], fps: number): void {
  for (let i = 1; i < frames.length; i++) expect(frames[i]!.time90k).toBeGreaterThan(frames[i - 1]!.time90k);
  const span = (frames.at(-1)!.time90k - frames[0]!.time90k) / 90000;
  expect((frames.length - 1) / span).toBeCloseTo(fps, 0);
  // Wall-clock anchored: within a few seconds of now.
  expect(Math.abs(frames[0]!.time90k / 90 - Date.now())).toBeLessThan(5000);
}

describe('openRtspSession against a GStreamer camera', () => {
  it('plays H.264 over TCP with key frames, stable params and 25 fps timing', async () => {
    const cam = await camera({ width: 640, height: 360 });
    const session = await open({ url: cam.url });
    const frames = await collect(session, 60);
    expect(frames[0]!.isKey).toBe(true);
    expect(frames[0]!.params).toMatchObject({ codec: 'h264', width: 640, height: 360 });
    expect(frames[0]!.params.rfc6381).toMatch(/^avc1\.[0-9A-F]{6}$/);
    expect(new Set(frames.map((f) => f.params)).size).toBe(1);
    expect(frames.filter((f) => f.isKey).length).toBeGreaterThanOrEqual(2);
    checkTiming(frames, 25);
    session.dispose();
    expect(await session.closed).toBeUndefined();
  });

  it('plays H.264 over UDP', async () => {
    const cam = await camera({ width: 320, height: 240 });
    const session = await open({ url: cam.url, transport: 'udp' });
    const frames = await collect(session, 30);
    expect(frames[0]!.isKey).toBe(true);
    expect(frames[0]!.params).toMatchObject({ width: 320, height: 240 });
    checkTiming(frames, 25);
  });

  it('plays H.265', async () => {
    const cam = await camera({ codec: 'h265', width: 320, height: 240 });
    const session = await open({ url: cam.url });
    const frames = await collect(session, 30);
    expect(frames[0]!.isKey).toBe(true);
    expect(frames[0]!.params).toMatchObject({ codec: 'h265', width: 320, height: 240 });
    expect(frames[0]!.params.vps?.length).toBe(1);
    expect(frames[0]!.params.rfc6381).toMatch(/^hvc1\./);
  });

  it.each(['basic', 'digest'] as const)('authenticates with %s and rejects a wrong password', async (auth) => {
    const cam = await camera({ width: 320, height: 240, user: 'admin', password: 'sécret', auth });
    const url = cam.url.replace('rtsp://', 'rtsp://admin:s%C3%A9cret@');
    const session = await open({ url });
    await collect(session, 1);
    const wrong = open({ url: cam.url, credentials: { username: 'admin', password: 'nope' } });
    await expect(wrong).rejects.toSatisfy((e) => isVmsError(e, 'VMS_ERR_DEVICE_AUTH'));
    const none = open({ url: cam.url });
    await expect(none).rejects.toSatisfy((e) => isVmsError(e, 'VMS_ERR_DEVICE_AUTH'));
  });

  it('reports an unreachable port', async () => {
    const cam = await camera();
    await cam.stop();
    await expect(open({ url: cam.url })).rejects.toSatisfy((e) => isVmsError(e, 'VMS_ERR_DEVICE_UNREACHABLE'));
  });

  it('reports an unknown mount as a protocol error', async () => {
    const cam = await camera();
    await expect(open({ url: cam.url + 'nope' })).rejects.toSatisfy((e) => isVmsError(e, 'VMS_ERR_DEVICE_PROTOCOL'));
  });

  it.each(['tcp', 'udp'] as const)('closes promptly with an error when the camera stops (%s)', async (transport) => {
    const cam = await camera({ width: 320, height: 240 });
    const session = await open({ url: cam.url, transport, dataTimeoutMs: 2000 });
    await collect(session, 5);
    const stoppedAt = Date.now();
    await cam.stop();
    const error = await session.closed;
    expect(isVmsError(error, 'VMS_ERR_DEVICE_UNREACHABLE')).toBe(true);
    expect(Date.now() - stoppedAt).toBeLessThan(4000);
  });

  it('reconnects after a camera restart with a fresh session', async () => {
    const cam = await camera({ width: 320, height: 240 });
    const first = await open({ url: cam.url });
    await collect(first, 3);
    await cam.restart();
    await first.closed;
    const second = await open({ url: cam.url });
    expect((await collect(second, 3))[0]!.isKey).toBe(true);
  });

  it('aborts while connecting', async () => {
    const cam = await camera();
    const controller = new AbortController();
    const pending = open({ url: cam.url, signal: controller.signal });
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
  });

  it('serves a pre-encoded clip in real time', async () => {
    const file = await makeTestClip({ seconds: 2, width: 320, height: 240 });
    const cam = await camera({ file });
    const session = await open({ url: cam.url });
    const frames = await collect(session, 40);
    expect(frames[0]!.params).toMatchObject({ width: 320, height: 240 });
    expect(frames.filter((f) => f.isKey).length).toBe(2);
    checkTiming(frames, 25);
  });

  it('probes codec and size from DESCRIBE', async () => {
    const cam = await camera({ width: 320, height: 240 });
    await expect(probeRtsp({ url: cam.url })).resolves.toMatchObject({ codec: 'h264', width: 320, height: 240 });
  });
});
