import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { RENDERER_DIR, buildIsStale, buildSmartClient } from '../../apps/smart-client/scripts/build';

/**
 * Driving the real Smart Client (the renderer the site serves at `/`) from the benchmarks:
 * building it, signing in through its form, and what an init script records inside the page
 * (performance.now() of the form's submit and of each tile's first presented frame, and each
 * video's playback quality). Controls are found by their accessible names, as an operator
 * (or a screen reader) finds them.
 */

/** The window size the issue asks the client to read well at. */
export const CLIENT_VIEWPORT = { width: 1920, height: 1080 } as const;

/** Builds apps/smart-client/dist/renderer unless it is current; returns that folder. */
export async function ensureSmartClientBuilt(log: (m: string) => void): Promise<string> {
  const stale = buildIsStale();
  if (stale) {
    const report = await buildSmartClient({ production: true });
    if ('skipped' in report.renderer) throw new Error(`the Smart Client renderer was not built: ${report.renderer.skipped}`);
    log(`built the Smart Client (${stale}) in ${report.ms} ms`);
  }
  return RENDERER_DIR;
}

/** One video element of the page, as the probe saw it (ids are the probe's own, per element). */
export interface ProbedVideo {
  id: number;
  /** data-tile of the view tile holding it, or -1 outside a view tile */
  tile: number;
  /** performance.now() when it was added to the document */
  addedAt: number;
  /** performance.now() of its first presented frame (requestVideoFrameCallback), if any */
  firstFrameAt?: number;
  width: number;
  height: number;
}

export interface ProbeState {
  /** performance.now() of the sign-in form's submit event */
  submitAt?: number;
  /** performance.now() when the first stored view appeared in the Views panel */
  viewRowAt?: number;
  /** performance.now() of the click on a stored view */
  viewClickAt?: number;
  videos: ProbedVideo[];
}

export interface VideoQuality {
  id: number;
  tile: number;
  total: number;
  dropped: number;
  width: number;
  height: number;
  /** CSS pixels of the element */
  cssWidth: number;
  cssHeight: number;
}

/**
 * Runs in the page before the app (addInitScript; CDP ignores the page's CSP for it). Plain
 * JavaScript: it is not compiled. Videos are found with a MutationObserver, so the app needs
 * no hook of its own.
 */
const PROBE = String.raw`(() => {
  const state = { videos: [] };
  const ids = new WeakMap();
  let next = 1;
  const watch = (video) => {
    if (ids.has(video)) return;
    const entry = { id: next++, tile: -1, addedAt: performance.now(), width: 0, height: 0 };
    ids.set(video, entry);
    state.videos.push(entry);
    video.requestVideoFrameCallback((now, md) => {
      entry.firstFrameAt = now;
      entry.width = md.width;
      entry.height = md.height;
      const tile = video.closest('[data-tile]');
      entry.tile = tile ? Number(tile.getAttribute('data-tile')) : -1;
    });
  };
  const scan = (node) => {
    if (node.nodeName === 'VIDEO') watch(node);
    else if (node.querySelectorAll) node.querySelectorAll('video').forEach(watch);
    if (state.viewRowAt === undefined && node.querySelector && (node.matches?.('[data-testid="view-row"]') || node.querySelector('[data-testid="view-row"]'))) {
      state.viewRowAt = performance.now();
    }
  };
  new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach(scan))).observe(document, { childList: true, subtree: true });
  document.addEventListener('submit', () => { state.submitAt ??= performance.now(); }, true);
  document.addEventListener('click', (e) => {
    if (e.target instanceof Element && e.target.closest('[data-testid="view-row"]')) state.viewClickAt ??= performance.now();
  }, true);
  window.__benchProbe = {
    state: () => state,
    quality: () => Array.from(document.querySelectorAll('video')).map((v) => {
      const entry = ids.get(v);
      const q = v.getVideoPlaybackQuality();
      const tile = v.closest('[data-tile]');
      return { id: entry ? entry.id : 0, tile: tile ? Number(tile.getAttribute('data-tile')) : -1,
        total: q.totalVideoFrames, dropped: q.droppedVideoFrames, width: v.videoWidth, height: v.videoHeight,
        cssWidth: v.clientWidth, cssHeight: v.clientHeight };
    }),
  };
})();`;

interface ProbeWindow {
  __benchProbe: { state(): ProbeState; quality(): VideoQuality[] };
}

/** A fresh context (no cache, no remembered sites) with the probe, on the site's sign-in page. */
export async function openClient(browser: Browser, siteUrl: string, o: { timezoneId?: string } = {}): Promise<{ context: BrowserContext; page: Page; formShownMs: number }> {
  const context = await browser.newContext({ viewport: CLIENT_VIEWPORT, ...(o.timezoneId ? { timezoneId: o.timezoneId } : {}) });
  // Generous: on a loaded two-core machine a cold load of the app can take tens of seconds; the times are measured anyway.
  context.setDefaultTimeout(120_000);
  await context.addInitScript({ content: PROBE });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`client page error: ${e.message}`));
  await page.goto(`${siteUrl}/`);
  await page.getByRole('button', { name: 'Sign in' }).waitFor();
  // Navigation start → the form on screen: the app's own load, cold (a new context has no cache).
  const formShownMs = await page.evaluate(() => performance.now());
  return { context, page, formShownMs };
}

/** Types the credentials into the sign-in form and submits it (the site address is pre-filled with the page's origin). */
export async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Clicks the stored view `name` in the Views panel. */
export async function openView(page: Page, name: string): Promise<void> {
  await page.getByRole('region', { name: 'Views' }).getByTestId('view-row').filter({ hasText: name }).click();
}

export function probeState(page: Page): Promise<ProbeState> {
  return page.evaluate(() => (window as unknown as ProbeWindow).__benchProbe.state());
}

export function videoQuality(page: Page): Promise<VideoQuality[]> {
  return page.evaluate(() => (window as unknown as ProbeWindow).__benchProbe.quality());
}

/** CPU seconds used so far by Chromium's processes, summed by type (browser, renderer, GPU…). */
export async function chromiumCpu(session: CDPSession): Promise<Record<string, number>> {
  const info = (await session.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; cpuTime: number }[] };
  const out: Record<string, number> = {};
  for (const p of info.processInfo) out[p.type] = (out[p.type] ?? 0) + p.cpuTime;
  return out;
}

/** Differences of two chromiumCpu readings, per type. */
export function cpuDelta(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(after)) out[k] = v - (before[k] ?? 0);
  return out;
}

/** The page's main-thread busy time so far (CDP Performance.getMetrics TaskDuration), seconds. */
export async function mainThreadSeconds(session: CDPSession): Promise<number> {
  const { metrics } = (await session.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  return metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN;
}
