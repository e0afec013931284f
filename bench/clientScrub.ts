/**
 * Scrubbing in the Smart Client: a day of one camera's recordings (made fast: a 60 s 640×360
 * clip written through the real RecordingWriter minute after minute with shifted timestamps,
 * bench/lib/recordedData.ts), served by a `vms site` child together with the built client.
 * In Chromium the client opens a 1×1 view of the camera, switches to Playback, goes to the
 * middle of the day and zooms the timeline to one day; then 50 drags of the playhead to random
 * instants of the day. For each, the time from the drag's end (pointer-up) until the tile shows
 * the picture of the cursor's instant.
 *
 * Whether a picture is the cursor's: the clip carries its own time in a band of cells
 * (bench/lib/bandClip.ts), and every recorded minute starts at the clip's first frame, so the
 * band of any shown picture says where inside its minute it is. Each presented frame's band is
 * sampled in the page (requestVideoFrameCallback + canvas) and decoded here. A drag counts as
 * matched at the first frame of the last run of frames whose band is within one GOP (1 s) of
 * the cursor's position inside its minute (the cursor read from the playback time readout);
 * the run must last until the picture settles, so a frame from the drag's earlier positions
 * that happens to match does not count. Minutes look alike, so the band cannot tell them apart;
 * the player drops every byte of an older seek before the newest one's data, which is what
 * makes a picture after the last seek that position's.
 *
 * Baseline, same run: the same instants through one raw playback WebSocket and one MSE buffer
 * in a bare page (bench/lib/scrubPages.ts), from the seek message to the matching picture by
 * the same rule: the floor any client has to stand on.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { Site } from '../packages/vms-core/src/site/node/site';
import { bandSamples, encodeBandClip, readBand } from './lib/bandClip';
import { browserVersion, launchChromium, openSitePage } from './lib/browser';
import type { BenchContext } from './lib/context';
import { createGridView } from './lib/dualStreamCameras';
import { machineInfo } from './lib/machineInfo';
import { machineMeter, sleep } from './lib/procStats';
import { fillRecordings, loadClipFrames } from './lib/recordedData';
import { fixed, formatTable, machineNote, percentile, tempDir, writeResult } from './lib/report';
import { DRAG_MARKS, frameRecorder, rawSeekPage } from './lib/scrubPages';
import type { FrameLog } from './lib/scrubPages';
import { ADMIN_PASSWORD, startSite } from './lib/siteProcess';
import { ensureSmartClientBuilt, openClient, openView, signIn } from './lib/smartClient';
import { StreamingApi } from './lib/streamingApi';

const FPS = 25;
const CLIP = { seconds: 60, width: 640, height: 360, fps: FPS, bitrateKbps: 400 };
const VIEW_NAME = 'Scrub 1x1';
const DAY = 86_400_000;
const MINUTE = 60_000;
/** One GOP: the clip has a key frame every second. */
const MATCH_MS = 1000;
/** The picture has settled when no new frame came for this long. */
const QUIET_MS = 1500;
const GIVE_UP_MS = 10_000;

interface Outcome {
  targetMs: number;
  /** start (pointer-up / seek sent) → first frame of the final matching run; 0 when it already showed */
  latencyMs?: number;
  /** the app: pointer's last move → match */
  fromLastMoveMs?: number;
  /** band of the settled picture − cursor, inside the minute (ms) */
  errorMs?: number;
  framesAfterStart: number;
  failure?: string;
}

const bandOf = (luma: number[]) => readBand(luma);
/** a − b on a one-minute circle, in −30 s..30 s */
const minuteDiff = (a: number, b: number) => ((((a - b) % MINUTE) + MINUTE + MINUTE / 2) % MINUTE) - MINUTE / 2;

function frameLog(page: Page): Promise<FrameLog & { now: number }> {
  return page.evaluate(() => ({ ...(window as unknown as { frameLog: FrameLog }).frameLog, now: performance.now() }));
}

/** Waits for the picture after a seek to settle and judges it against `target()` (read once it has). */
async function judge(page: Page, target: () => Promise<number>): Promise<Outcome> {
  const began = Date.now();
  let targetMs = NaN;
  for (;;) {
    await sleep(100);
    const log = await frameLog(page);
    const start = log.startAt;
    if (start === undefined) throw new Error('the page did not see the seek start');
    const last = log.frames.at(-1);
    const quiet = log.now - Math.max(start, last?.now ?? start) >= QUIET_MS;
    if (!quiet && Date.now() - began < GIVE_UP_MS) continue;
    targetMs = await target();
    const inMinute = ((targetMs % MINUTE) + MINUTE) % MINUTE;
    const matches = (f: { luma: number[] }) => {
      const band = bandOf(f.luma);
      return band !== null && Math.abs(minuteDiff(band, inMinute)) <= MATCH_MS;
    };
    const after = log.frames.filter((f) => f.now >= start).length;
    let i = log.frames.length;
    while (i > 0 && matches(log.frames[i - 1]!)) i--;
    if (i === log.frames.length) {
      // The newest picture is not the cursor's: wait for more unless we have waited long enough.
      if (Date.now() - began < GIVE_UP_MS) continue;
      const band = last ? bandOf(last.luma) : null;
      return { targetMs, framesAfterStart: after, failure: last ? `settled on band ${band} ms, cursor at ${inMinute} ms in its minute` : 'no picture' };
    }
    const first = log.frames[i]!;
    const settled = bandOf(log.frames.at(-1)!.luma)!;
    return {
      targetMs,
      latencyMs: Math.max(0, first.now - start),
      ...(log.lastMoveAt !== undefined ? { fromLastMoveMs: Math.max(0, first.now - log.lastMoveAt) } : {}),
      errorMs: minuteDiff(settled, inMinute),
      framesAfterStart: after,
    };
  }
}

/** The playback readout's instant (the context runs in UTC, so the text is UTC). */
async function readoutMs(page: Page): Promise<number> {
  const readout = page.getByTestId('playback-time');
  const date = await readout.locator('.pb-readout-date').textContent();
  const time = await readout.locator('.pb-readout-time').textContent();
  const ms = Date.parse(`${date}T${time}Z`);
  if (!Number.isFinite(ms)) throw new Error(`cannot read the playback time "${date} ${time}"`);
  return ms;
}

/** A small deterministic PRNG (mulberry32), so runs drag to the same places. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function clientScrub(ctx: BenchContext): Promise<void> {
  const hours = ctx.quick ? 4 : 24;
  const drags = ctx.quick ? 10 : 50;
  const clientDir = await ensureSmartClientBuilt(ctx.log);
  const tmp = tempDir(ctx.cleanup, 'client-scrub');
  const dataDir = path.join(tmp.dir, 'site');

  // The day of recordings, written in this process before the site starts.
  const endMs = Math.floor((Date.now() - 10 * MINUTE) / MINUTE) * MINUTE;
  const startMs = endMs - hours * 3_600_000;
  let cameraId: string;
  {
    const writer = await Site.open({ dataDir, adminPassword: ADMIN_PASSWORD, demoCamera: false });
    const closeWriter = ctx.cleanup.add('site (writing the recordings)', () => writer.close());
    try {
      const storage = writer.recording.storageHandle('live');
      if (!storage) throw new Error('the site has no live storage');
      // A camera that exists but never connects: only its recordings matter.
      const url = 'rtsp://127.0.0.1:9/not-connected';
      const { cameras } = writer.config.addHardware({
        driver: 'rtsp', address: url, cameras: [{ key: 'cam', name: 'Scrub camera', streams: [{ key: 'main', name: 'main', url, codec: 'h264', width: CLIP.width, height: CLIP.height, fps: FPS }] }],
      }, {}, 'Scrub camera', storage.id);
      cameraId = cameras[0]!.id;
      writer.config.updateCamera(cameraId, { enabled: false });
      const mp4 = path.join(tmp.dir, 'band.mp4');
      await encodeBandClip(mp4, CLIP);
      const clip = await loadClipFrames(mp4, tmp.dir, FPS);
      const t = performance.now();
      const fill = await fillRecordings({ db: writer.media, keys: writer.keys, storage }, {
        cameraId, streamKey: 'main', clip, fps: FPS, start90k: startMs * 90, minutes: hours * 60,
      });
      ctx.log(`clientScrub: ${hours} h of ${CLIP.width}x${CLIP.height} (${fill.recordings} recordings, ${fixed(fill.bytes / 2 ** 30)} GiB) written in ${fixed((performance.now() - t) / 1000, 0)} s`);
    } finally {
      await closeWriter();
    }
  }
  const site = await startSite(ctx.cleanup, dataDir, { clientDir });
  const api = await StreamingApi.login(site.url, 'admin', ADMIN_PASSWORD);
  await createGridView(api, VIEW_NAME, 1, 1, [cameraId]);
  const browser = await launchChromium(ctx.cleanup);
  const { xs, y: sampleY } = bandSamples(CLIP.width);
  const recorder = frameRecorder(xs, CLIP.width, sampleY);

  // The client: playback of the view, the timeline showing one day centred on the middle of the recordings.
  const { context, page } = await openClient(browser, site.url, { timezoneId: 'UTC' });
  await signIn(page, 'admin', ADMIN_PASSWORD);
  await openView(page, VIEW_NAME);
  await page.getByRole('tab', { name: /Playback/ }).click();
  const middle = Math.round((startMs + endMs) / 2 / 1000) * 1000;
  const goTo = page.getByLabel('Go to date and time');
  await goTo.fill(new Date(middle).toISOString().slice(0, 19));
  await goTo.press('Enter');
  await page.getByRole('group', { name: 'Timeline zoom' }).getByRole('button', { name: '1 day' }).click();
  await page.evaluate(`${recorder}\n${DRAG_MARKS}\nwindow.recordFrames(document.querySelector('[data-testid="playback-tile"] video'));`);
  const box = await page.getByTestId('playback-timeline').locator('canvas').boundingBox();
  if (!box) throw new Error('the playback timeline is not on screen');
  const visible = { startMs: middle - DAY / 2, spanMs: DAY };
  const xOf = (t: number) => box.x + ((t - visible.startMs) / visible.spanMs) * box.width;
  // Instants inside the recordings, away from the window's right edge (where the timeline turns a page).
  const lo = Math.max(startMs + MINUTE, visible.startMs + 0.03 * DAY);
  const hi = Math.min(endMs - MINUTE, visible.startMs + 0.9 * DAY);
  const rnd = random(4242);
  const y = box.y + box.height / 2;

  let playhead = middle;
  const drag = async (to: number): Promise<Outcome> => {
    await page.evaluate(() => {
      const log = (window as unknown as { frameLog: FrameLog }).frameLog;
      log.frames = [];
      log.startAt = undefined;
    });
    await page.mouse.move(xOf(playhead), y);
    await page.mouse.down();
    await page.mouse.move(xOf(to), y, { steps: 10 });
    await page.mouse.up();
    const outcome = await judge(page, () => readoutMs(page));
    // Off the strip, so its hover preview does not fetch thumbnails between drags.
    await page.mouse.move(box.x + box.width / 2, box.y - 200);
    if (Math.abs(outcome.targetMs - to) > 3 * (DAY / box.width)) {
      throw new Error(`the drag to ${new Date(to).toISOString()} left the cursor at ${new Date(outcome.targetMs).toISOString()}: the playhead was not grabbed`);
    }
    playhead = outcome.targetMs;
    return outcome;
  };
  await drag(lo + rnd() * (hi - lo)); // unmeasured: the first seek sets up the decoder
  const clientMeter = machineMeter();
  const client: Outcome[] = [];
  for (let i = 0; i < drags; i++) client.push(await drag(lo + rnd() * (hi - lo)));
  const clientLoad = clientMeter();
  const canvasWidth = box.width;
  await context.close();
  ctx.log(`  client: ${client.filter((o) => o.latencyMs !== undefined).length}/${drags} drags matched`);

  // The baseline: the same instants, raw.
  const playback = await api.playback(cameraId, startMs, endMs);
  const bare = await openSitePage(browser, site.url, rawSeekPage(playback.webSocketUrl, recorder));
  await bare.waitForFunction(() => (window as unknown as { bench: { ready?: boolean } }).bench.ready === true);
  const seekRaw = async (at: number) => {
    await bare.evaluate((iso) => (window as unknown as { bench: { seek(at: string): void } }).bench.seek(iso), new Date(at).toISOString());
    return judge(bare, () => Promise.resolve(at));
  };
  await seekRaw(client[0]!.targetMs);
  const baseMeter = machineMeter();
  const baseline: Outcome[] = [];
  for (const o of client) baseline.push(await seekRaw(o.targetMs));
  const baseLoad = baseMeter();
  const bareErrors = await bare.evaluate(() => (window as unknown as { bench: { errors: string[] } }).bench.errors);
  await bare.context().close();

  const stats = (outcomes: Outcome[], k: 'latencyMs' | 'fromLastMoveMs' | 'errorMs') => {
    const v = outcomes.map((o) => o[k]).filter((x): x is number => x !== undefined).sort((a, b) => a - b);
    return { n: v.length, p50: percentile(v, 50), p95: percentile(v, 95), max: v.at(-1) ?? NaN };
  };
  const app = stats(client, 'latencyMs');
  const raw = stats(baseline, 'latencyMs');
  const row = (name: string, s: ReturnType<typeof stats>, of: number) => [name, `${s.n}/${of}`, fixed(s.p50, 0), fixed(s.p95, 0), fixed(s.max, 0)];
  console.log(`\nScrub: ${drags} drags across ${hours} h on the playback timeline (1 day on ${fixed(canvasWidth, 0)} px: ${fixed(DAY / canvasWidth / 1000, 0)} s per pixel; ` +
    `client: ${machineNote(clientLoad.machineBusy, clientLoad.loadAverage)}; baseline: ${machineNote(baseLoad.machineBusy, baseLoad.loadAverage)})\n`);
  console.log(formatTable(['ms', 'matched', 'p50', 'p95', 'max'], [
    row('client: pointer-up → picture of the cursor (headline)', app, drags),
    row('client: last pointer move → picture', stats(client, 'fromLastMoveMs'), drags),
    row('baseline: raw WebSocket seek → picture', raw, drags),
  ]));
  const err = stats(client, 'errorMs');
  const failures = [...client.map((o) => ['client', o] as const), ...baseline.map((o) => ['baseline', o] as const)].filter(([, o]) => o.failure);
  console.log(`\nsettled picture − cursor inside the minute (client): p50 ${fixed(err.p50, 0)} ms, max ${fixed(err.max, 0)} ms; ` +
    `the app adds ${fixed(app.p50 - raw.p50, 0)} ms at p50; bare page errors: ${bareErrors.length ? bareErrors.join('; ') : 'none'}`);
  for (const [who, o] of failures) console.log(`  ${who} @ ${new Date(o.targetMs).toISOString()}: ${o.failure}`);
  const file = writeResult('clientScrub', {
    date: new Date().toISOString(), quick: ctx.quick, machine: machineInfo(browserVersion(browser)), hours, drags, clip: CLIP,
    matchWithinMs: MATCH_MS, quietMs: QUIET_MS, timelinePx: canvasWidth,
    machineLoad: { client: clientLoad, baseline: baseLoad },
    client: { latency: app, fromLastMove: stats(client, 'fromLastMoveMs'), error: err, outcomes: client },
    baseline: { latency: raw, outcomes: baseline, errors: bareErrors },
  });
  ctx.log(`wrote ${file}`);
}
