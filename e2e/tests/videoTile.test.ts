/**
 * The UI's <VideoTile> in real Chromium against a real site: an H.264 camera plays through MSE,
 * an H.265 camera through the jsmpeg transcode, a token for another camera shows "No access",
 * and unmounting closes every socket and revokes every object URL. The page is a tiny React
 * entry (e2e/pages/video-tile.tsx) bundled with esbuild when the test starts.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, launchChromium, openPage, screenshotPath } from '../harness/browser';
import { E2eSite, until } from '../harness/e2eSite';
import type { E2eCamera } from '../harness/e2eSite';
import type { LiveStreamBody } from '@nightjar/vms-core';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const UI_MODULES = join(ROOT, 'packages/ui/node_modules');

/** The part of esbuild's JS API used here; esbuild is a dependency of packages/ui, not of e2e. */
interface Esbuild {
  build(options: Record<string, unknown>): Promise<{ errors: unknown[] }>;
}


/** Bundles the React entry into `dir` as video-tile.js, with a page that loads it. */
async function buildPage(dir: string): Promise<void> {
  const esbuild = createRequire(join(UI_MODULES, '../package.json'))('esbuild') as Esbuild;
  await esbuild.build({
    entryPoints: [join(ROOT, 'e2e/pages/video-tile.tsx')],
    outfile: join(dir, 'video-tile.js'),
    bundle: true, format: 'iife', jsx: 'automatic', target: 'chrome120', logLevel: 'silent',
    // The entry sits outside packages/ui; React must resolve to the ui package's single copy.
    nodePaths: [UI_MODULES],
    define: { 'process.env.NODE_ENV': '"development"' },
  });
  writeFileSync(join(dir, 'video-tile.html'), '<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">'
    + '<title>Nightjar e2e: VideoTile</title><body style="margin:0;background:#16181c">'
    + '<div id="root"></div><script src="/e2e/video-tile.js"></script></body>');
}

declare global {
  // What e2e/pages/video-tile.tsx puts on window (typed loosely: that file is bundled, not typechecked here).
  interface Window {
    renderTiles: (tiles: unknown[]) => void;
    unmountTiles: () => void;
    leaks: () => { sockets: number; objectUrls: number };
    socketsOpened: () => number;
    playHls: (url: string) => void;
    stopHls: () => void;
    hlsStates: string[];
  }
}

const tile = (page: Page, label: string) => page.locator(`[data-testid="video-tile"]:has(.nj-name[title="${label}"])`);

describe.skipIf(browserMissing)('<VideoTile> against a real site (Chromium)', () => {
  let site: E2eSite;
  let browser: Browser;
  let h264: E2eCamera;
  let h265: E2eCamera;
  let other: E2eCamera;
  const bundleDir = mkdtempSync(join(tmpdir(), 'nightjar-video-tile-'));

  beforeAll(async () => {
    [site, browser] = await Promise.all([E2eSite.open(), launchChromium(), buildPage(bundleDir)]);
    site.pages.serveDirectory(bundleDir);
    [h264, h265, other] = await Promise.all([
      site.addCamera({ codec: 'h264', width: 320, height: 240 }),
      site.addCamera({ codec: 'h265', width: 320, height: 240 }),
      site.addCamera({ codec: 'h264', width: 320, height: 240 }),
    ]);
    await Promise.all([site.waitForFramesWritten(h264.id, 1), site.waitForFramesWritten(h265.id, 1)]);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
    rmSync(bundleDir, { recursive: true, force: true });
  });

  it('plays H.264 with MSE and H.265 with jsmpeg, refuses a foreign token, and releases everything on unmount', async () => {
    const [live264, live265] = await Promise.all([
      site.request<LiveStreamBody>('GET', `/api/cameras/${h264.id}/live?width=320&height=240`),
      site.request<LiveStreamBody>('GET', `/api/cameras/${h265.id}/live?width=320&height=240`),
    ]);
    expect(live264.recommended).toBe('mse');
    expect(live265.recommended).toBe('jsmpeg');
    // The H.264 camera's token on the other camera's URLs: the server must refuse with 4403.
    const swap = (url: string) => url.replace(`/cameras/${h264.id}/`, `/cameras/${other.id}/`);
    const foreign = { ...live264, cameraId: other.id, webSocketUrl: swap(live264.webSocketUrl), jsmpegUrl: swap(live264.jsmpegUrl) };
    expect(foreign.webSocketUrl).not.toBe(live264.webSocketUrl);

    const { page, log } = await openPage(browser, { width: 968, height: 240 });
    try {
      await page.goto(site.pageUrl('video-tile.html', {}));
      await page.evaluate((tiles) => window.renderTiles(tiles), [
        { stream: live264, label: 'Front entrance', recording: true, overlayTime: '2026-11-21 15:04:12' },
        { stream: live265, label: 'Loading dock (H.265)', recording: true, motion: true, overlayTime: '2026-11-21 15:04:12' },
        { stream: foreign, label: 'Server room', overlayTime: '2026-11-21 15:04:12' },
      ]);

      const mse = tile(page, 'Front entrance');
      const jsmpeg = tile(page, 'Loading dock (H.265)');
      const refused = tile(page, 'Server room');
      expect(await mse.getAttribute('data-player')).toBe('mse');
      expect(await jsmpeg.getAttribute('data-player')).toBe('jsmpeg');

      // MSE: playing, and the playhead moves on by a second of real video at the camera's size.
      await mse.and(page.locator('[data-state="playing"]')).waitFor({ timeout: 15_000 });
      const video = mse.locator('video');
      const t0 = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
      await video.evaluate((v: HTMLVideoElement, start: number) => new Promise<void>((resolve, reject) => {
        const deadline = setTimeout(() => reject(new Error(`currentTime stuck at ${v.currentTime}`)), 10_000);
        const check = () => v.currentTime >= start + 1 && (clearTimeout(deadline), resolve());
        v.addEventListener('timeupdate', check);
        check();
      }), t0);
      expect(await video.evaluate((v: HTMLVideoElement) => [v.videoWidth, v.videoHeight])).toEqual([h264.width, h264.height]);

      // jsmpeg: playing, a picture of the transcode's size, and the pixels change over time.
      await jsmpeg.and(page.locator('[data-state="playing"]')).waitFor({ timeout: 15_000 });
      const canvas = jsmpeg.locator('canvas');
      expect(await canvas.evaluate((c: HTMLCanvasElement) => [c.width, c.height])).toEqual([h265.width, h265.height]);
      // Three changes in a row: decoding goes on (a player that drew one frame and stopped fails).
      let previous = await canvas.screenshot();
      for (let change = 1; change <= 3; change++) {
        await until(async () => {
          const next = await canvas.screenshot();
          const changed = !next.equals(previous);
          previous = next;
          return changed;
        }, () => `the jsmpeg canvas stopped changing after ${change - 1} changes`, 5_000);
      }

      // The foreign token: closed with 4403 and a clear message, and no reconnect attempts.
      await refused.and(page.locator('[data-state="closed"]')).waitFor({ timeout: 10_000 });
      expect(await refused.getByTestId('tile-status').innerText()).toContain('No access');
      expect(await mse.getByTestId('tile-status').count()).toBe(0);

      expect([await mse.getAttribute('data-state'), await jsmpeg.getAttribute('data-state')]).toEqual(['playing', 'playing']);
      await page.screenshot({ path: screenshotPath('video-tile') });

      // Unmounting disposes the players: no open socket, no object URL left behind.
      await page.evaluate(() => window.unmountTiles());
      await page.waitForFunction(() => window.leaks().sockets === 0 && window.leaks().objectUrls === 0, undefined, { timeout: 5_000 })
        .catch(async (e: unknown) => {
          throw new Error(`leaked after unmount: ${JSON.stringify(await page.evaluate(() => window.leaks()))}\n${log.join('\n')}`, { cause: e });
        });
      expect(log.filter((line) => line.startsWith('pageerror')), log.join('\n')).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('HlsPlayer plays the live HLS playlist and releases its MediaSource on dispose', async () => {
    const live = await site.request<LiveStreamBody>('GET', `/api/cameras/${h264.id}/live`);
    const { page, log } = await openPage(browser);
    try {
      await page.goto(site.pageUrl('video-tile.html', {}));
      await page.evaluate((url) => window.playHls(url), live.hlsUrl);
      await page.waitForFunction(() => window.hlsStates.includes('playing') || window.hlsStates.includes('closed'), undefined, { timeout: 20_000 });
      expect(await page.evaluate(() => window.hlsStates), log.join('\n')).toContain('playing');
      const t0 = await page.evaluate(() => document.querySelector('video')!.currentTime);
      await page.waitForFunction((start) => document.querySelector('video')!.currentTime >= start + 1, t0, { timeout: 10_000 });
      expect(await page.evaluate(() => [document.querySelector('video')!.videoWidth, window.leaks().objectUrls])).toEqual([h264.width, 1]);

      await page.evaluate(() => window.stopHls());
      expect(await page.evaluate(() => window.hlsStates.at(-1))).toBe('closed');
      await page.waitForFunction(() => window.leaks().objectUrls === 0, undefined, { timeout: 5_000 });
    } finally {
      await page.close();
    }
  });

  it('reconnects after a network failure and plays again', async () => {
    const live = await site.request<LiveStreamBody>('GET', `/api/cameras/${h264.id}/live`);
    const { page, log } = await openPage(browser);
    try {
      await page.goto(site.pageUrl('video-tile.html', {}));
      await page.evaluate((stream) => window.renderTiles([{ stream, label: 'Front entrance' }]), live);
      const mse = tile(page, 'Front entrance');
      await mse.and(page.locator('[data-state="playing"]')).waitFor({ timeout: 15_000 });
      expect(await page.evaluate(() => window.socketsOpened())).toBe(1);

      site.pages.dropWebSockets();
      // A second socket, the picture back, and time moving again after the reconnect.
      await page.waitForFunction(() => window.socketsOpened() >= 2, undefined, { timeout: 10_000 });
      await mse.and(page.locator('[data-state="playing"]')).waitFor({ timeout: 15_000 });
      const t0 = await mse.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime);
      await page.waitForFunction((start) => document.querySelector('video')!.currentTime >= start + 0.5, t0, { timeout: 10_000 });
      expect(await page.evaluate(() => window.leaks()), log.join('\n')).toEqual({ sockets: 1, objectUrls: 1 });

      await page.evaluate(() => window.unmountTiles());
      await page.waitForFunction(() => window.leaks().sockets === 0 && window.leaks().objectUrls === 0, undefined, { timeout: 5_000 });
    } finally {
      await page.close();
    }
  });
});
