/**
 * The real client path: Chromium's MSE plays the fMP4 a LiveFmp4Viewer sends. The bytes go over
 * a streaming HTTP response (the WebSocket route does the same with one message per chunk).
 * Skipped when playwright-core or Chromium is not installed.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VideoParameters } from '../../../media/common/types';
import { LiveFmp4Viewer } from './liveFmp4Viewer';
import { realCameraHub } from './liveTestUtil';

const CHROMIUM = '/usr/bin/chromium';
const playwright = await import('playwright-core').catch(() => undefined);

const PAGE = `<!doctype html><video id="v" muted autoplay playsinline></video><script>
(async () => {
  const mime = await (await fetch('/mime')).text();
  const ms = new MediaSource();
  const v = document.getElementById('v');
  v.src = URL.createObjectURL(ms);
  await new Promise((r) => ms.addEventListener('sourceopen', r, { once: true }));
  const sb = ms.addSourceBuffer(mime);
  const reader = (await fetch('/live')).body.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    if (sb.updating) await new Promise((r) => sb.addEventListener('updateend', r, { once: true }));
    sb.appendBuffer(value);
  }
})().catch((e) => (window.playerError = String(e)));
</script>`;

describe.skipIf(!playwright || !existsSync(CHROMIUM))('live fMP4 in Chromium (MSE)', () => {
  let env: Awaited<ReturnType<typeof realCameraHub>>;
  beforeAll(async () => {
    env = await realCameraHub({ codec: 'h264', width: 320, height: 240 });
  });
  afterAll(async () => {
    await env.dispose();
  });

  it('plays: currentTime advances and the picture has the camera size', async () => {
    const viewers = new Set<LiveFmp4Viewer>();
    let params: VideoParameters | undefined;
    // Learn the MIME type (codec string) from the stream itself.
    await new Promise<void>((resolve) => {
      const sub = env.hub.subscribe('cam', 'main', (f) => {
        params = f.params;
        sub.dispose();
        resolve();
      });
    });
    const server = createServer((req, res) => {
      if (req.url === '/') return res.end(PAGE);
      if (req.url === '/mime') return res.end(`video/mp4; codecs="${params!.rfc6381}"`);
      if (req.url !== '/live') return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'video/mp4' });
      const viewer = new LiveFmp4Viewer(env.hub, 'cam', 'main', {
        send: (parts) => void res.write(Buffer.concat(parts)),
        get bufferedAmount() {
          return res.writableLength;
        },
      });
      viewers.add(viewer);
      res.on('close', () => {
        viewer.dispose();
        viewers.delete(viewer);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const browser = await playwright!.chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--headless', '--autoplay-policy=no-user-gesture-required'],
    });
    try {
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForFunction(() => {
        const v = document.querySelector('video')!;
        return (window as unknown as { playerError?: string }).playerError !== undefined || v.currentTime > 1.5;
      }, undefined, { timeout: 20_000 });
      const state = await page.evaluate(() => {
        const v = document.querySelector('video')!;
        return { error: (window as unknown as { playerError?: string }).playerError, t: v.currentTime, w: v.videoWidth, h: v.videoHeight };
      });
      expect(state.error).toBeUndefined();
      expect(state).toMatchObject({ w: 320, h: 240 });
      expect(state.t).toBeGreaterThan(1.5);
    } finally {
      await browser.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    expect(viewers.size).toBe(0);
  });
});
