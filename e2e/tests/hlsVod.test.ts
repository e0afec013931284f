/**
 * Playback as a client without the fMP4 session would do it: record a few seconds, seal the
 * recording, ask getPlayback for the range, and play its HLS VOD playlist with hls.js in real
 * Chromium; the range's thumbnail URL loads as an image.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, launchChromium, openPage, pageState, screenshotPath } from '../harness/browser';
import { E2eSite } from '../harness/e2eSite';
import type { PlaybackBody } from '@nightjar/vms-core';


const iso = (ms: number) => new Date(ms).toISOString();

describe.skipIf(browserMissing)('HLS VOD playback with hls.js (Chromium)', () => {
  let site: E2eSite;
  let browser: Browser;

  beforeAll(async () => {
    [site, browser] = await Promise.all([E2eSite.open(), launchChromium()]);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('plays 2 s of a sealed recording at the camera size, without a fatal hls.js error', async () => {
    const camera = await site.addCamera({ codec: 'h264', width: 320, height: 240 });
    const from = Date.now();
    // About 4 s at 25 fps, then stop recording so the recording is sealed and indexed.
    await site.waitForFramesWritten(camera.id, 100);
    await site.request('PATCH', `/api/cameras/${camera.id}`, { policy: { mode: 'never' } });
    await site.waitForSealed();
    const playback = await site.request<PlaybackBody>('GET', `/api/cameras/${camera.id}/playback?from=${iso(from - 5000)}&to=${iso(Date.now())}`);

    const { page, log } = await openPage(browser);
    try {
      await page.goto(site.pageUrl('hls-vod.html', { src: playback.hlsUrl }));
      await page.waitForFunction(() => window.e2e.error !== undefined || document.querySelector('video')!.currentTime >= 2, undefined, { timeout: 15_000 });
      const state = await pageState(page);
      expect(state.error, [...log, ...(state.warnings ?? [])].join('\n')).toBeUndefined();
      const video = await page.evaluate(() => {
        const v = document.querySelector('video')!;
        return { width: v.videoWidth, height: v.videoHeight, time: v.currentTime, duration: v.duration };
      });
      expect(video).toMatchObject({ width: camera.width, height: camera.height });
      expect(video.time).toBeGreaterThanOrEqual(2);
      // The playlist covers what was recorded: about 4 s (100 frames at 25 fps), not more than the asked range.
      expect(video.duration).toBeGreaterThanOrEqual(3.5);
      expect(video.duration).toBeLessThan((Date.parse(playback.to) - Date.parse(playback.from)) / 1000);
      await page.screenshot({ path: screenshotPath('hls-vod') });

      // The range's thumbnail URL works as a plain <img> (the token is in the URL, no header).
      const thumbnail = await page.evaluate(async (src) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        return { width: img.naturalWidth, height: img.naturalHeight };
      }, `${playback.thumbnailUrl}&at=${encodeURIComponent(iso(from + 2000))}&width=160`);
      expect(thumbnail).toEqual({ width: 160, height: 120 });
    } finally {
      await page.close();
    }
  }, 45_000);
});
