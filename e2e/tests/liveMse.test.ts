/**
 * Live view as the clients do it: getLiveStream, then the page opens webSocketUrl and feeds the
 * fMP4 into Media Source Extensions in real Chromium. Also: a token never opens another camera.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, launchChromium, openPage, pageState, screenshotPath } from '../harness/browser';
import { E2eSite } from '../harness/e2eSite';
import type { E2eCamera } from '../harness/e2eSite';
import type { LiveStreamBody } from '@nightjar/vms-core';


describe.skipIf(browserMissing)('live fMP4 over a WebSocket into MSE (Chromium)', () => {
  let site: E2eSite;
  let browser: Browser;
  let camera: E2eCamera;
  let other: E2eCamera;

  beforeAll(async () => {
    [site, browser] = await Promise.all([E2eSite.open(), launchChromium()]);
    [camera, other] = await Promise.all([
      site.addCamera({ codec: 'h264', width: 320, height: 240 }),
      site.addCamera({ codec: 'h264', width: 320, height: 240 }),
    ]);
    await site.waitForFramesWritten(camera.id, 1);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('plays: the picture has the camera size and currentTime advances by 1 s', async () => {
    const live = await site.request<LiveStreamBody>('GET', `/api/cameras/${camera.id}/live?width=320&height=240`);
    expect(live.recommended).toBe('mse');
    const { page, log } = await openPage(browser);
    try {
      await page.goto(site.pageUrl('mse-live.html', { ws: live.webSocketUrl }));
      // Playing: enough data to move on, and not stopped by an error or a closed socket.
      await page.waitForFunction(() => {
        const v = document.querySelector('video')!;
        return window.e2e.error !== undefined || window.e2e.closeCode !== undefined || (v.readyState >= 3 && !v.paused && v.currentTime > 0);
      }, undefined, { timeout: 15_000 });
      const start = await page.evaluate(() => document.querySelector('video')!.currentTime);
      await page.waitForFunction((t0) => {
        const v = document.querySelector('video')!;
        return window.e2e.error !== undefined || window.e2e.closeCode !== undefined || v.currentTime >= t0 + 1;
      }, start, { timeout: 10_000 });

      const state = await pageState(page);
      expect(state.error, log.join('\n')).toBeUndefined();
      expect(state.closeCode).toBeUndefined();
      expect(state.mimeType).toMatch(/^video\/mp4; codecs="avc1\./);
      const video = await page.evaluate(() => {
        const v = document.querySelector('video')!;
        return { width: v.videoWidth, height: v.videoHeight, time: v.currentTime };
      });
      expect(video).toMatchObject({ width: camera.width, height: camera.height });
      expect(video.time - start).toBeGreaterThanOrEqual(1);
      await page.screenshot({ path: screenshotPath('mse-live') });
    } finally {
      await page.close();
    }
  });

  it("closes the socket with 4403 when the token is for another camera", async () => {
    const live = await site.request<LiveStreamBody>('GET', `/api/cameras/${camera.id}/live`);
    const foreign = live.webSocketUrl.replace(`/cameras/${camera.id}/`, `/cameras/${other.id}/`);
    expect(foreign).not.toBe(live.webSocketUrl);
    const { page } = await openPage(browser);
    try {
      await page.goto(site.pageUrl('mse-live.html', { ws: foreign }));
      await page.waitForFunction(() => window.e2e.closeCode !== undefined, undefined, { timeout: 10_000 });
      const state = await pageState(page);
      expect(state.closeCode).toBe(4403);
      expect(state.mimeType, 'no init message before the refusal').toBeUndefined();
      expect(state.frames).toBe(0);
    } finally {
      await page.close();
    }
  });
});
