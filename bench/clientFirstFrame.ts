/**
 * Login to first live frame in the Smart Client: a `vms site` child serving the built renderer
 * at `/`, four recorded GStreamer cameras (720p main + 360p second stream) in a shared 2×2 view,
 * and Chromium opening the client in a new context each time (no cache, no remembered site):
 * fill the sign-in form, submit, open the view in the Views panel as soon as it is listed, and
 * wait for the tiles' first presented frames (requestVideoFrameCallback). All times are the
 * page's performance.now(), taken by an init script (bench/lib/smartClient.ts).
 *
 * Baseline, same run: the same camera and stream in a bare MSE page (bench/lib/livePages.ts)
 * that signs in, calls getLiveStream and plays, timed from its login request; the difference
 * is what the app adds (loading views and cameras, React, the tile's stream choice).
 */
import type { Page } from 'playwright-core';
import type { LiveStreamBody } from '../packages/vms-core/src/api/common/mediaSchemas';
import { browserVersion, launchChromium, openSitePage } from './lib/browser';
import type { BenchContext } from './lib/context';
import { addDualStreamCameras, createGridView, MAIN, SUB } from './lib/dualStreamCameras';
import { firstFramePage } from './lib/livePages';
import { machineInfo } from './lib/machineInfo';
import { machineMeter, sleep } from './lib/procStats';
import { fixed, formatTable, machineNote, percentile, tempDir, writeResult } from './lib/report';
import { SiteApi } from './lib/siteApi';
import { ADMIN_PASSWORD, startSite } from './lib/siteProcess';
import { ensureSmartClientBuilt, openClient, openView, probeState, signIn, videoQuality } from './lib/smartClient';
import { StreamingApi } from './lib/streamingApi';

const VIEW_NAME = 'First frame 2x2';
const FRAME_TIMEOUT_MS = 20_000;

interface ClientTrial {
  /** navigation → sign-in form shown (the app's cold load; not part of the headline) */
  formShown: number;
  /** submit → first frame in any tile (headline) */
  firstFrame: number;
  /** submit → every tile has shown a frame */
  allTiles: number;
  /** submit → the stored view listed in the Views panel (signed in, views loaded) */
  viewListed: number;
  /** view listed → the bench's click on it (Playwright's reaction, not the app's) */
  reaction: number;
  /** click → first frame */
  clickToFrame: number;
  /** streams the tiles were given, by camera */
  streams: Record<string, string>;
  /** CSS size of the first tile's video */
  tileCss: { width: number; height: number };
}

interface BaselineTrial {
  /** login request → first frame */
  firstFrame: number;
  signedIn: number;
  live: number;
  /** navigation start → first frame */
  fromNavigation: number;
}

async function clientTrial(page: Page, tiles: number): Promise<Omit<ClientTrial, 'formShown' | 'streams'>> {
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await openView(page, VIEW_NAME);
  await page.waitForFunction((n) => {
    const s = (window as unknown as { __benchProbe: { state(): { videos: { tile: number; firstFrameAt?: number }[] } } }).__benchProbe.state();
    return new Set(s.videos.filter((v) => v.firstFrameAt !== undefined && v.tile >= 0).map((v) => v.tile)).size >= n;
  }, tiles, { timeout: FRAME_TIMEOUT_MS, polling: 50 });
  const s = await probeState(page);
  if (s.submitAt === undefined || s.viewRowAt === undefined || s.viewClickAt === undefined) throw new Error(`probe missed a step: ${JSON.stringify(s)}`);
  const firsts = s.videos.filter((v) => v.firstFrameAt !== undefined && v.tile >= 0).map((v) => v.firstFrameAt!);
  const first = Math.min(...firsts);
  const tile0 = (await videoQuality(page)).find((v) => v.tile === 0);
  return {
    tileCss: { width: tile0?.cssWidth ?? 0, height: tile0?.cssHeight ?? 0 },
    firstFrame: first - s.submitAt,
    allTiles: Math.max(...firsts) - s.submitAt,
    viewListed: s.viewRowAt - s.submitAt,
    reaction: s.viewClickAt - s.viewRowAt,
    clickToFrame: first - s.viewClickAt,
  };
}

export async function clientFirstFrame(ctx: BenchContext): Promise<void> {
  const reps = ctx.quick ? 3 : 10;
  const clientDir = await ensureSmartClientBuilt(ctx.log);
  const data = tempDir(ctx.cleanup, 'client-first-frame');
  const site = await startSite(ctx.cleanup, data.dir, { clientDir });
  const api = await StreamingApi.login(site.url, 'admin', ADMIN_PASSWORD);
  const admin = await SiteApi.login(site.url, 'admin', ADMIN_PASSWORD);
  const cameras = await addDualStreamCameras(ctx.cleanup, api, 4);
  await admin.waitRecording(cameras.map((c) => c.id), 60_000);
  await createGridView(api, VIEW_NAME, 2, 2, cameras.map((c) => c.id));
  ctx.log(`clientFirstFrame: ${cameras.length} cameras (${MAIN.width}x${MAIN.height} recorded + ${SUB.width}x${SUB.height}), 2x2 view, ${reps} sign-ins`);
  const browser = await launchChromium(ctx.cleanup);
  // Chromium's first media pipeline of the process costs extra: one unmeasured sign-in first.
  const runClient = async (): Promise<ClientTrial> => {
    const { context, page, formShownMs } = await openClient(browser, site.url);
    const streams: Record<string, string> = {};
    page.on('response', (r) => {
      if (!/\/api\/cameras\/[^/]+\/live\?/.test(r.url()) || !r.ok()) return;
      void r.json().then((b: LiveStreamBody) => (streams[b.cameraId] = `${b.streamKey} ${b.width}x${b.height}`), () => undefined);
    });
    try {
      return { formShown: formShownMs, ...(await clientTrial(page, cameras.length)), streams };
    } finally {
      await context.close();
    }
  };
  await runClient();
  const meter = machineMeter();
  const client: ClientTrial[] = [];
  for (let i = 0; i < reps; i++) {
    client.push(await runClient());
    ctx.log(`  client ${i + 1}/${reps}: ${fixed(client.at(-1)!.firstFrame, 0)} ms`);
  }
  const clientLoad = meter();

  // The baseline plays the camera of the first tile, the stream the client chose for it, at the tile's size.
  const camera = cameras[0]!;
  const chosen = client[0]!.streams[camera.id]?.split(' ')[0] ?? 'main';
  const tileBox = client[0]!.tileCss;
  const runBaseline = async (): Promise<BaselineTrial> => {
    const page = await openSitePage(browser, site.url, firstFramePage({ username: 'admin', password: ADMIN_PASSWORD, cameraId: camera.id, streamKey: chosen, ...tileBox }));
    try {
      await page.waitForFunction(() => {
        const r = (window as unknown as { bench: { firstFrame?: number; error?: string } }).bench;
        return r.firstFrame !== undefined || r.error !== undefined;
      }, undefined, { timeout: FRAME_TIMEOUT_MS, polling: 50 });
      const r = await page.evaluate(() => (window as unknown as { bench: Record<string, number | string | undefined> }).bench);
      if (typeof r.error === 'string') throw new Error(`baseline page: ${r.error}`);
      const n = (k: string) => r[k] as number;
      return { firstFrame: n('firstFrame') - n('start'), signedIn: n('signedIn') - n('start'), live: n('live') - n('start'), fromNavigation: n('firstFrame') };
    } finally {
      await page.context().close();
    }
  };
  await runBaseline();
  const baseMeter = machineMeter();
  const baseline: BaselineTrial[] = [];
  for (let i = 0; i < reps; i++) {
    baseline.push(await runBaseline());
    await sleep(200);
  }
  const baseLoad = baseMeter();

  const stat = (v: number[]) => {
    const s = [...v].sort((a, b) => a - b);
    return { p50: percentile(s, 50), p95: percentile(s, 95), max: s.at(-1)! };
  };
  const c = (k: keyof Omit<ClientTrial, 'streams' | 'tileCss'>) => stat(client.map((t) => t[k]));
  const b = (k: keyof BaselineTrial) => stat(baseline.map((t) => t[k]));
  const row = (name: string, s: { p50: number; p95: number; max: number }, note = '') => [name, fixed(s.p50, 0), fixed(s.p95, 0), fixed(s.max, 0), note];
  const headline = c('firstFrame');
  console.log(`\nLogin to first live frame, Smart Client in Chromium (${reps} sign-ins, new context each; client: ${machineNote(clientLoad.machineBusy, clientLoad.loadAverage)}; baseline: ${machineNote(baseLoad.machineBusy, baseLoad.loadAverage)})\n`);
  console.log(formatTable(['ms', 'p50', 'p95', 'max', ''], [
    row('client: submit → first frame in a tile (headline)', headline, `target ≤ 2000: ${headline.p95 <= 2000 ? 'met at p95' : headline.p50 <= 2000 ? 'met at p50 only' : 'missed'}`),
    row('  submit → view listed (signed in, views loaded)', c('viewListed')),
    row('  view listed → click (the bench, not the app)', c('reaction')),
    row('  click → first frame', c('clickToFrame')),
    row('client: submit → all 4 tiles', c('allTiles')),
    row('client: navigation → sign-in form (cold load)', c('formShown')),
    row('baseline: login request → first frame (bare MSE page)', b('firstFrame')),
    row('  login request → signed in', b('signedIn')),
    row('  login request → getLiveStream answered', b('live')),
    row('baseline: navigation → first frame', b('fromNavigation')),
  ]));
  const overhead = headline.p50 - b('firstFrame').p50;
  console.log(`\nthe app adds ${fixed(overhead, 0)} ms at p50 over the bare page (${fixed(overhead - c('reaction').p50, 0)} ms without the bench's click reaction); ` +
    `streams: ${Object.values(client[0]!.streams).join(', ')}; baseline played ${chosen} at ${tileBox.width}x${tileBox.height} CSS px`);
  const file = writeResult('clientFirstFrame', {
    date: new Date().toISOString(), quick: ctx.quick, machine: machineInfo(browserVersion(browser)),
    cameras: { count: cameras.length, main: MAIN, sub: SUB }, reps, targetMs: 2000,
    machineLoad: { client: clientLoad, baseline: baseLoad },
    client: { stats: { firstFrame: headline, allTiles: c('allTiles'), viewListed: c('viewListed'), reaction: c('reaction'), clickToFrame: c('clickToFrame'), formShown: c('formShown') }, trials: client },
    baseline: { streamKey: chosen, stats: { firstFrame: b('firstFrame'), signedIn: b('signedIn'), live: b('live'), fromNavigation: b('fromNavigation') }, trials: baseline },
  });
  ctx.log(`wrote ${file}`);
}
