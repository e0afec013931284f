/**
 * The transcoded fallback: Chromium has no HEVC, so getLiveStream recommends jsmpeg for an
 * H.265 camera, and the page plays the MPEG-1 transcode with @cycjimmy/jsmpeg-player on a canvas.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, launchChromium, openPage, pageState, screenshotPath } from '../harness/browser';
import { E2eSite } from '../harness/e2eSite';
import type { LiveStreamBody } from '@nightjar/vms-core';


describe.skipIf(browserMissing)('jsmpeg live view of an H.265 camera (Chromium)', () => {
  let site: E2eSite;
  let browser: Browser;

  beforeAll(async () => {
    [site, browser] = await Promise.all([E2eSite.open(), launchChromium()]);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('decodes frames onto a 320x240 canvas, and the picture changes', async () => {
    const camera = await site.addCamera({ codec: 'h265', width: 320, height: 240 });
    await site.waitForFramesWritten(camera.id, 1);
    const live = await site.request<LiveStreamBody>('GET', `/api/cameras/${camera.id}/live`);
    expect(live).toMatchObject({ codec: 'h265', recommended: 'jsmpeg' });

    const { page, log } = await openPage(browser);
    try {
      const src = `${live.jsmpegUrl}&width=${camera.width}&height=${camera.height}`;
      await page.goto(site.pageUrl('jsmpeg-live.html', { src }));
      // 25 decoded frames is a second of the 25 fps transcode.
      await page.waitForFunction(() => (window.e2e.frames ?? 0) >= 25, undefined, { timeout: 15_000 });
      const canvas = await page.evaluate(() => {
        const c = document.querySelector('canvas')!;
        return { width: c.width, height: c.height, levels: window.canvasLevels!(), hash: window.canvasHash!() };
      });
      expect(canvas).toMatchObject({ width: camera.width, height: camera.height });
      // Colour bars, not a blank canvas.
      expect(canvas.levels).toBeGreaterThan(4);
      // A later frame draws different pixels (the camera burns in a clock and noise).
      await page.waitForFunction((first) => window.canvasHash!() !== first, canvas.hash, { timeout: 5_000, polling: 100 });
      const state = await pageState(page);
      expect(state.error, log.join('\n')).toBeUndefined();
      await page.screenshot({ path: screenshotPath('jsmpeg-h265') });
    } finally {
      await page.close();
    }
  });
});
