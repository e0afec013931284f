/**
 * Test helpers for the live layer: a fake camera whose sessions the test feeds by hand (to
 * count connections and drive frames exactly), and a real GStreamer RTSP camera behind a hub.
 * Test-only.
 */
import { Emitter } from '../../../base/common/event';
import type { StreamOpener, StreamSession } from '../../../devices/node/frameSource';
import { openRtspStream } from '../../../devices/node/rtsp/openRtspStream';
import { systemClock } from '../../../base/node/systemClock';
import type { VideoFrame } from '../../../media/common/types';
import { startTestCamera } from '../../../../test/harness/testCamera';
import type { TestCamera } from '../../../../test/harness/testCamera';
import { LiveHub } from './liveHub';

export class FakeSession implements StreamSession {
  readonly frames = new Emitter<VideoFrame>();
  readonly onFrame = this.frames.event;
  private end!: (e: Error | undefined) => void;
  readonly closed = new Promise<Error | undefined>((resolve) => (this.end = resolve));
  disposed = false;

  constructor(readonly url: string) {}

  /** The camera drops the session (StreamConnection will reconnect). */
  fail(message = 'camera went away'): void {
    this.end(new Error(message));
  }

  dispose(): void {
    this.disposed = true;
    this.end(undefined);
    this.frames.dispose();
  }
}

/** A camera with any number of stream URLs; counts every connection opened to it. */
export class FakeCamera {
  opens = 0;
  readonly sessions: FakeSession[] = [];
  private readonly onDidOpen = new Emitter<FakeSession>();

  readonly opener: StreamOpener = async (o) => {
    this.opens++;
    const s = new FakeSession(o.url);
    this.sessions.push(s);
    // StreamConnection subscribes right after this promise settles; announce after that.
    queueMicrotask(() => queueMicrotask(() => this.onDidOpen.fire(s)));
    return s;
  };

  get live(): FakeSession[] {
    return this.sessions.filter((s) => !s.disposed);
  }

  /** Resolves with the next session that opens (and is subscribed to). */
  nextOpen(): Promise<FakeSession> {
    return new Promise((resolve) => {
      const d = this.onDidOpen.event((s) => {
        d.dispose();
        resolve(s);
      });
    });
  }

  /** Sends frames on every live session of `url` (all sessions when omitted). */
  emit(frames: VideoFrame | VideoFrame[], url?: string): void {
    for (const f of Array.isArray(frames) ? frames : [frames]) {
      for (const s of this.live) if (!url || s.url === url) s.frames.fire(f);
    }
  }
}

/** A hub whose every camera id maps `streamKey` to fake://cam/<streamKey>. */
export function fakeHub(camera: FakeCamera): LiveHub {
  return new LiveHub({
    openers: { 'fake:': camera.opener },
    clock: systemClock,
    resolve: (cameraId, streamKey) => ({ url: `fake://${cameraId}/${streamKey}`, credentials: {}, transport: 'tcp' }),
  });
}

/** A real RTSP test camera (small, 25 fps) and a hub that opens it as camera "cam", stream "main". */
export async function realCameraHub(o: { codec?: 'h264' | 'h265'; width?: number; height?: number } = {}): Promise<{
  camera: TestCamera;
  hub: LiveHub;
  dispose(): Promise<void>;
}> {
  const camera = await startTestCamera({ codec: o.codec ?? 'h264', width: o.width ?? 320, height: o.height ?? 240, fps: 25 });
  const hub = new LiveHub({
    openers: { 'rtsp:': openRtspStream },
    clock: systemClock,
    resolve: () => ({ url: camera.url, credentials: {}, transport: 'tcp' }),
  });
  return {
    camera,
    hub,
    async dispose() {
      await hub.close();
      await camera.stop();
    },
  };
}

/** Resolves with the first `count` frames the hub delivers for cam/main (a subscription of its own). */
export function collectFrames(hub: LiveHub, count: number, streamKey = 'main'): Promise<VideoFrame[]> {
  return new Promise((resolve) => {
    const frames: VideoFrame[] = [];
    const sub = hub.subscribe('cam', streamKey, (f) => {
      if (frames.length === 0 && !f.isKey) return;
      frames.push(f);
      if (frames.length === count) {
        sub.dispose();
        resolve(frames);
      }
    });
  });
}
