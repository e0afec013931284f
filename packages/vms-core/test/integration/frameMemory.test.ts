import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openRtspSession } from '../../src/devices/node/rtsp/openRtspStream';
import { splitLengthPrefixed } from '../../src/media/common/annexBWriter';
import type { VideoFrame } from '../../src/media/common/types';
import { makeTestClip } from '../harness/testCamera';
import { TestSite, cleanup, testCamera, until } from './siteFixture';

const digest = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * Frame memory is recycled on the recording path (media/common/framePool.ts), and the suite runs
 * with NIGHTJAR_POISON_FRAMES=1, so a recycled block is overwritten at once. A frame kept without
 * a hold would then reach the file or a viewer as 0xA5 bytes. Every frame is checked against a
 * second connection to the same camera whose frames are plain memory.
 */
describe('recycled frame memory on a recording camera', () => {
  it('reuses frame blocks while recording, and neither the recording nor a viewer keeping frames sees a recycled byte', async () => {
    expect(process.env.NIGHTJAR_POISON_FRAMES).toBe('1');
    // 4 Mbit/s: a 512 KiB block fills in about a second, so blocks come round within the test.
    const clip = await makeTestClip({ seconds: 30, width: 640, height: 360, bitrateKbps: 4000 });
    const cam = await testCamera({ file: clip });

    // The reference connects first: the camera's stream is shared, so it sees every frame the site will.
    const abort = new AbortController();
    const reference = await openRtspSession({ url: cam.url, credentials: {}, transport: 'tcp', signal: abort.signal });
    cleanup(() => reference.dispose());
    const sent = new Set<string>();
    reference.onFrame((f) => sent.add(digest(f.data)));

    const ts = await TestSite.open();
    const camera = await ts.addRtspCamera(cam.url);
    await ts.waitForFramesWritten(camera.id, 50, 20_000);

    // A viewer that keeps every frame and never retains one: the hub escapes them for it.
    const hub = ts.site.recording.liveHub;
    const kept: { frame: VideoFrame; digest: string }[] = [];
    const viewer = hub.subscribe(camera.id, 'main', (frame) => kept.push({ frame, digest: digest(frame.data) }));
    await until(() => kept.length >= 50, () => `viewer got ${kept.length} frames`);
    await viewer.close();

    const reusedBefore = hub.framePool.stats.reused;
    const written = (await ts.status(camera.id)).framesWritten;
    await ts.waitForFramesWritten(camera.id, written + 100, 20_000);
    expect(hub.framePool.stats.reused, 'blocks recycled while recording').toBeGreaterThan(reusedBefore);
    for (const k of kept) expect(digest(k.frame.data), 'a kept frame changed under its viewer').toBe(k.digest);

    // Open recordings read too: what is indexed so far.
    const reader = ts.site.mediaServices.reader;
    let frames = 0;
    for await (const item of reader.readRange(camera.id, 0, Number.MAX_SAFE_INTEGER)) {
      if (item.kind !== 'frame') continue;
      frames++;
      expect(() => splitLengthPrefixed(item.data), `recorded frame at ${item.time90k}`).not.toThrow();
      expect(sent.has(digest(item.data)), `recorded frame at ${item.time90k} is one the camera sent`).toBe(true);
    }
    expect(frames).toBeGreaterThanOrEqual(150);
  }, 60_000);
});
