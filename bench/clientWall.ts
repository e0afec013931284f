/**
 * A 4×4 wall in the Smart Client: sixteen recorded GStreamer cameras (720p main stream,
 * 360p second stream), a shared 4×4 view made through createView and opened in the client's
 * Views panel at 1920×1080. Each tile asks getLiveStream for its size, so the adaptive rule
 * (chooseStream, "quality") gives it the 360p stream. Over the window: frames and dropped
 * frames from every tile's getVideoPlaybackQuality(), Chromium's CPU by process type (CDP
 * SystemInfo.getProcessInfo: the renderer decodes and runs the app, the GPU process composites
 * in software here), the page's main-thread busy time (CDP Performance.getMetrics
 * TaskDuration), and the site process's CPU from /proc.
 *
 * Baseline, same run: the same sixteen streams in a bare page of sixteen MSE players of the
 * same size (bench/lib/livePages.ts), so what the React app adds shows.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, CDPSession, Page } from 'playwright-core';
import type { LiveStreamBody } from '../packages/vms-core/src/api/common/mediaSchemas';
import { browserVersion, launchChromium, openSitePage } from './lib/browser';
import type { BenchContext } from './lib/context';
import { addDualStreamCameras, createGridView, FPS, MAIN, SUB } from './lib/dualStreamCameras';
import { wallPage } from './lib/livePages';
import { machineInfo } from './lib/machineInfo';
import { cpuSeconds, machineMeter, sleep } from './lib/procStats';
import { fixed, formatTable, machineNote, tempDir, writeResult } from './lib/report';
import { request, SiteApi } from './lib/siteApi';
import { ADMIN_PASSWORD, startSite } from './lib/siteProcess';
import type { SiteProcess } from './lib/siteProcess';
import { CLIENT_VIEWPORT, chromiumCpu, cpuDelta, ensureSmartClientBuilt, mainThreadSeconds, openClient, openView, signIn, videoQuality } from './lib/smartClient';
import type { VideoQuality } from './lib/smartClient';
import { StreamingApi } from './lib/streamingApi';

const VIEW_NAME = 'Wall 4x4';
const CAMERAS = 16;
const START_TIMEOUT_MS = 120_000;
const TARGET_DROPPED = 0.02;

interface WallWindow {
  seconds: number;
  /** frames decoded or dropped over the window, summed over tiles (getVideoPlaybackQuality) */
  frames: number;
  dropped: number;
  /** frames the cameras sent in the window: tiles × fps × seconds */
  expectedFrames: number;
  /** tiles whose video element was replaced during the window (their counts restart; left out) */
  replaced: number;
  perTile: { tile: number; frames: number; dropped: number; size: string }[];
  /** % of one core */
  chromiumCpu: Record<string, number>;
  mainThreadPercent: number;
  siteCpuPercent: number;
  machine: { machineBusy: number; loadAverage: number };
}

type QualityReader = () => Promise<VideoQuality[]>;

async function measure(o: { seconds: number; read: QualityReader; browserCdp: CDPSession; pageCdp: CDPSession; site: SiteProcess; profile?: string }): Promise<WallWindow> {
  // BENCH_CLIENT_PROFILE=DIR: a V8 CPU profile of the page's main thread over the window (a
  // diagnostic run: the profiler itself costs the renderer a few percent).
  if (o.profile) {
    await o.pageCdp.send('Profiler.enable');
    await o.pageCdp.send('Profiler.start');
  }
  const q0 = await o.read();
  const cpu0 = await chromiumCpu(o.browserCdp);
  const main0 = await mainThreadSeconds(o.pageCdp);
  const site0 = cpuSeconds([o.site.pid]);
  const meter = machineMeter();
  const t0 = performance.now();
  await sleep(o.seconds * 1000);
  const q1 = await o.read();
  const cpu1 = await chromiumCpu(o.browserCdp);
  const main1 = await mainThreadSeconds(o.pageCdp);
  const site1 = cpuSeconds([o.site.pid]);
  const seconds = (performance.now() - t0) / 1000;
  if (o.profile) {
    const { profile } = (await o.pageCdp.send('Profiler.stop')) as { profile: unknown };
    mkdirSync(path.dirname(o.profile), { recursive: true });
    writeFileSync(o.profile, JSON.stringify(profile));
  }
  const machine = meter();
  const before = new Map(q0.map((q) => [q.id, q]));
  const perTile: WallWindow['perTile'] = [];
  let replaced = 0;
  for (const q of q1.filter((v) => v.tile >= 0)) {
    const b = before.get(q.id);
    if (!b) {
      replaced++;
      continue;
    }
    perTile.push({ tile: q.tile, frames: q.total - b.total, dropped: q.dropped - b.dropped, size: `${q.width}x${q.height}` });
  }
  const pct = (s: number) => (100 * s) / seconds;
  const cpu = cpuDelta(cpu0, cpu1);
  return {
    seconds,
    frames: perTile.reduce((a, t) => a + t.frames, 0),
    dropped: perTile.reduce((a, t) => a + t.dropped, 0),
    expectedFrames: Math.round(perTile.length * FPS * seconds),
    replaced,
    perTile: perTile.sort((a, b) => a.tile - b.tile),
    chromiumCpu: Object.fromEntries(Object.entries(cpu).map(([k, v]) => [k, pct(v)])),
    mainThreadPercent: pct(main1 - main0),
    siteCpuPercent: pct(site1 - site0),
    machine,
  };
}

async function pageCdp(page: Page): Promise<CDPSession> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  return session;
}

/** Waits until `count` tiles show video, or throws with what the tiles have. */
async function waitPlaying(read: QualityReader, count: number): Promise<VideoQuality[]> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const q = (await read()).filter((v) => v.tile >= 0);
    if (q.filter((v) => v.total > 0).length >= count) return q;
    if (Date.now() > deadline) throw new Error(`only ${q.filter((v) => v.total > 0).length} of ${count} tiles play after ${START_TIMEOUT_MS / 1000} s: ${JSON.stringify(q)}`);
    await sleep(250);
  }
}

export async function clientWall(ctx: BenchContext): Promise<void> {
  const seconds = ctx.quick ? 15 : 60;
  const warmupMs = ctx.quick ? 5000 : 10_000;
  const clientDir = await ensureSmartClientBuilt(ctx.log);
  const data = tempDir(ctx.cleanup, 'client-wall');
  const site = await startSite(ctx.cleanup, data.dir, { clientDir });
  const api = await StreamingApi.login(site.url, 'admin', ADMIN_PASSWORD);
  const admin = await SiteApi.login(site.url, 'admin', ADMIN_PASSWORD);
  const cameras = await addDualStreamCameras(ctx.cleanup, api, CAMERAS);
  await admin.waitRecording(cameras.map((c) => c.id), 90_000);
  await createGridView(api, VIEW_NAME, 4, 4, cameras.map((c) => c.id));
  ctx.log(`clientWall: ${CAMERAS} cameras (${MAIN.width}x${MAIN.height} recorded + ${SUB.width}x${SUB.height}), 4x4 view, ${seconds} s windows after ${warmupMs / 1000} s warm-up`);

  const browser: Browser = await launchChromium(ctx.cleanup);
  const browserCdp = await browser.newBrowserCDPSession();

  // The app.
  const { context, page } = await openClient(browser, site.url);
  const streams = new Map<string, LiveStreamBody>();
  page.on('response', (r) => {
    if (!/\/api\/cameras\/[^/]+\/live\?/.test(r.url()) || !r.ok()) return;
    void r.json().then((b: LiveStreamBody) => streams.set(b.cameraId, b), () => undefined);
  });
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await openView(page, VIEW_NAME);
  const readApp: QualityReader = () => videoQuality(page);
  const started = await waitPlaying(readApp, CAMERAS);
  await sleep(warmupMs);
  const profileDir = process.env.BENCH_CLIENT_PROFILE;
  const app = await measure({ seconds, read: readApp, browserCdp, pageCdp: await pageCdp(page), site,
    profile: profileDir ? path.join(profileDir, 'smart-client.cpuprofile') : undefined });
  const tile = started.find((v) => v.tile === 0)!;
  await context.close();
  ctx.log(`  app: ${app.frames} frames, ${app.dropped} dropped`);

  // The baseline: the streams the app's tiles were given, in videos of the same size.
  const bodies = await Promise.all(cameras.map(async (c) => {
    const key = streams.get(c.id)?.streamKey ?? 'main';
    return request<LiveStreamBody>(site.url, 'GET', `/api/cameras/${encodeURIComponent(c.id)}/live?stream=${encodeURIComponent(key)}`, api.token);
  }));
  const bare = await openSitePage(browser, site.url,
    wallPage({ webSocketUrls: bodies.map((b) => b.webSocketUrl), columns: 4, tileWidth: tile.cssWidth, tileHeight: tile.cssHeight }), CLIENT_VIEWPORT);
  const readBare: QualityReader = () => bare.evaluate(() => (window as unknown as { bench: { quality(): VideoQuality[] } }).bench.quality());
  await waitPlaying(readBare, CAMERAS);
  await sleep(warmupMs);
  const baseline = await measure({ seconds, read: readBare, browserCdp, pageCdp: await pageCdp(bare), site,
    profile: profileDir ? path.join(profileDir, 'bare-page.cpuprofile') : undefined });
  const bareErrors = await bare.evaluate(() => (window as unknown as { bench: { errors: string[] } }).bench.errors);
  await bare.context().close();

  const chosen = [...new Set([...streams.values()].map((b) => `${b.streamKey} ${b.width}x${b.height}`))];
  const droppedShare = (w: WallWindow) => w.dropped / Math.max(1, w.frames);
  const row = (name: string, w: WallWindow) => [
    name, w.frames, `${fixed((100 * w.frames) / Math.max(1, w.expectedFrames), 1)}%`, w.dropped, `${fixed(100 * droppedShare(w), 2)}%`,
    fixed(w.chromiumCpu.renderer ?? 0, 0), fixed(w.mainThreadPercent, 0), fixed(w.chromiumCpu.GPU ?? 0, 0), fixed(w.chromiumCpu.browser ?? 0, 0),
    fixed(Object.values(w.chromiumCpu).reduce((a, b) => a + b, 0), 0), fixed(w.siteCpuPercent, 0), machineNote(w.machine.machineBusy, w.machine.loadAverage),
  ];
  console.log(`\n4x4 wall of ${CAMERAS} live cameras in Chromium, ${fixed(app.seconds, 0)} s window (CPU in % of one core; tiles ${tile.cssWidth}x${tile.cssHeight} CSS px; streams chosen: ${chosen.join(', ')})\n`);
  console.log(formatTable(
    ['', 'frames', 'of camera frames', 'dropped', 'dropped % (target ≤ 2)', 'renderer', 'main thread busy (wall)', 'GPU proc', 'browser proc', 'Chromium total', 'site', 'machine'],
    [row('Smart Client', app), row('bare MSE page', baseline)],
  ));
  const met = droppedShare(app) <= TARGET_DROPPED;
  console.log(`\ndropped frames ${fixed(100 * droppedShare(app), 2)}% — target ≤ 2%: ${met ? 'met' : 'missed'}; ` +
    `the app's renderer costs ${fixed((app.chromiumCpu.renderer ?? 0) - (baseline.chromiumCpu.renderer ?? 0), 0)} points of a core over the bare page; ` +
    `tiles replaced during the window: app ${app.replaced}, bare ${baseline.replaced}; bare page errors: ${bareErrors.length ? bareErrors.join('; ') : 'none'}`);
  const file = writeResult('clientWall', {
    date: new Date().toISOString(), quick: ctx.quick, machine: machineInfo(browserVersion(browser)), windowSeconds: seconds,
    cameras: { count: CAMERAS, main: MAIN, sub: SUB, fps: FPS }, streamsChosen: chosen, tileCss: { width: tile.cssWidth, height: tile.cssHeight },
    targetDroppedShare: TARGET_DROPPED, met, app, baseline, bareErrors,
  });
  ctx.log(`wrote ${file}`);
}
