/**
 * Live latency, glass to glass minus the glass: a site with the simulated demo camera, a
 * Chromium page playing getLiveStream's fMP4 WebSocket through MSE, and for every frame the
 * page presents, the wall time it is expected on screen minus the frame's capture stamp.
 *
 * How a presented frame is tied to its capture time without changing what the server sends:
 * LiveFmp4Muxer gives each viewer its own timeline (tfdt starts at 0 and grows by the previous
 * frame step), so media time says nothing about wall time by itself. The page hashes each
 * segment's mdat payload (the frame's bytes) and records its tfdt; this process subscribes to
 * the same LiveHub stream and records each frame's time90k and arrival time under the same
 * hash. rVFC's metadata.mediaTime (= tfdt / 90 000: no composition offsets) → tfdt → hash →
 * time90k. Page times are mapped to wall time by performance.timeOrigin plus a measured
 * Date.now() offset.
 */
import type { Browser, Page } from 'playwright-core';
import { Site } from '../packages/vms-core/src/site/node/site';
import type { LiveSubscription } from '../packages/vms-core/src/streaming/node/live/liveHub';
import { browserVersion, launchChromium, openSitePage } from './lib/browser';
import type { BenchContext } from './lib/context';
import { machineInfo } from './lib/machineInfo';
import { fnv1aKey, PAGE_HELPERS } from './lib/pageScripts';
import { measureWindow, sleep } from './lib/procStats';
import { fixed, formatTable, machineNote, percentile, tempDir, writeResult } from './lib/report';
import { StreamingApi } from './lib/streamingApi';

const PASSWORD = 'bench-admin-password';
/**
 * The page's live-edge policy (there is no web live player in the repository yet to reuse):
 * start this far behind the newest buffered frame, and jump back there whenever playback is
 * more than MAX_BEHIND behind it. Chromium plays smoothly with ~0.1 s buffered ahead; with a
 * 0.5 s threshold the player settles ~0.3–0.4 s behind instead (measured while writing this).
 */
const START_BEHIND_S = 0.05;
const MAX_BEHIND_S = 0.2;

interface PageReceived { tfdt: number; key: string; at: number }
interface PageShown { mediaTime: number; expected: number; presented: number; now: number; ahead: number }
interface PageState { received: PageReceived[]; shown: PageShown[]; jumps: number; waiting: number; errors: string[]; timeOrigin: number; offset: number; size: string }

const PAGE = (wsUrl: string) => `<!doctype html><video id="v" muted autoplay playsinline></video><script>
${PAGE_HELPERS}
const state = window.bench = { received: [], shown: [], jumps: 0, waiting: 0, errors: [] };
const video = document.getElementById('v');
video.addEventListener('waiting', () => state.waiting++);
const ms = new MediaSource();
video.src = URL.createObjectURL(ms);
const opened = new Promise((r) => ms.addEventListener('sourceopen', r, { once: true }));
let sb;
let started = false;
const queue = [];
const pump = () => {
  if (!sb || sb.updating || queue.length === 0) return;
  try { sb.appendBuffer(queue.shift()); } catch (e) { state.errors.push(String(e)); }
};
const onUpdateEnd = () => {
  const b = video.buffered;
  if (b.length) {
    const end = b.end(b.length - 1);
    // A live player: start at the newest frames (the cached GOP arrives at once) and never drift behind.
    if (!started) {
      started = true;
      video.currentTime = Math.max(b.start(b.length - 1), end - ${START_BEHIND_S});
      video.play().catch((e) => state.errors.push(String(e)));
    } else if (end - video.currentTime > ${MAX_BEHIND_S}) {
      video.currentTime = end - ${START_BEHIND_S};
      state.jumps++;
    }
  }
  pump();
};
const ws = new WebSocket(${JSON.stringify(wsUrl)});
ws.binaryType = 'arraybuffer';
ws.onclose = (e) => state.errors.push('socket closed ' + e.code + ' ' + e.reason);
ws.onmessage = async (ev) => {
  if (typeof ev.data === 'string') {
    const m = JSON.parse(ev.data);
    if (m.type !== 'init') return;
    await opened;
    if (!sb) {
      sb = ms.addSourceBuffer(m.mimeType);
      sb.addEventListener('updateend', onUpdateEnd);
    } else sb.changeType(m.mimeType);
    pump();
    return;
  }
  const at = performance.now();
  const u8 = new Uint8Array(ev.data);
  const seg = parseFmp4(u8);
  if (seg.tfdt !== undefined && seg.payload) state.received.push({ tfdt: seg.tfdt, key: fnvKey(seg.payload), at });
  queue.push(u8);
  pump();
};
video.requestVideoFrameCallback(function onFrame(now, md) {
  const b = video.buffered;
  state.shown.push({ mediaTime: md.mediaTime, expected: md.expectedDisplayTime, presented: md.presentedFrames, now, ahead: b.length ? b.end(b.length - 1) - video.currentTime : 0 });
  video.requestVideoFrameCallback(onFrame);
});
window.collect = () => {
  const sorted = [...clockOffsets].sort((a, b) => a - b);
  return { ...state, timeOrigin: performance.timeOrigin, offset: sorted[Math.floor(sorted.length / 2)] ?? 0, size: video.videoWidth + 'x' + video.videoHeight };
};
</script>`;

interface FrameLatency {
  /** presented (expectedDisplayTime, wall) − capture stamp (time90k) */
  total: number;
  /** arrival at the site's LiveHub − capture stamp: the camera's encoder and pipe (here ffmpeg) */
  camera: number;
  /** presented − arrival at the hub: everything the VMS and the browser add */
  ours: number;
  /** message received by the page − arrival at the hub: muxing, WebSocket, loopback */
  wire: number;
  /** presented − received by the page: MSE append, decode, compositor */
  player: number;
}

export async function liveLatency(ctx: BenchContext): Promise<void> {
  const seconds = ctx.quick ? 8 : 30;
  const warmupMs = ctx.quick ? 3000 : 5000;
  const data = tempDir(ctx.cleanup, 'live');
  const site = await Site.open({ dataDir: data.dir, adminPassword: PASSWORD, demoCamera: true });
  ctx.cleanup.add('site (live latency)', () => site.close());
  const url = await site.listen(0, '127.0.0.1');
  const api = await StreamingApi.login(url, 'admin', PASSWORD);
  const [cameraId] = await api.cameraIds();
  if (!cameraId) throw new Error('the demo camera is missing');
  const live = await api.live(cameraId);
  const camera = site.config.getCamera(cameraId);
  const stream = camera.streams.find((s) => s.key === live.streamKey);
  ctx.log(`liveLatency: demo camera ${stream?.url} (${stream?.width}x${stream?.height}), window ${seconds} s after ${warmupMs / 1000} s warm-up`);

  // Capture stamp and arrival time of every frame, by payload hash (the hub is shared: no new camera connection).
  const arrivals = new Map<string, { time90k: number; arrivedMs: number }>();
  const subscription: LiveSubscription = site.recording.liveHub.subscribe(cameraId, live.streamKey, (f) => {
    arrivals.set(fnv1aKey(f.data), { time90k: f.time90k, arrivedMs: Date.now() });
  });
  ctx.cleanup.add('hub subscription', () => subscription.close());

  const browser: Browser = await launchChromium(ctx.cleanup);
  const page: Page = await openSitePage(browser, url, PAGE(api.webSocket(live.webSocketUrl)));
  await sleep(warmupMs);
  const t0 = await page.evaluate(() => performance.now());
  const machine = await measureWindow(() => [process.pid], seconds);
  const t1 = await page.evaluate(() => performance.now());
  const state = await page.evaluate(() => (window as unknown as { collect(): PageState }).collect());
  await page.close();

  const byTfdt = new Map(state.received.map((r) => [r.tfdt, r]));
  const latencies: FrameLatency[] = [];
  let unmatched = 0;
  const wall = (pageMs: number) => state.timeOrigin + pageMs + state.offset;
  for (const s of state.shown) {
    if (s.now < t0 || s.now > t1) continue;
    const received = byTfdt.get(Math.round(s.mediaTime * 90_000));
    const arrival = received && arrivals.get(received.key);
    if (!received || !arrival) {
      unmatched++;
      continue;
    }
    const shownAt = wall(s.expected);
    const capturedAt = arrival.time90k / 90;
    latencies.push({
      total: shownAt - capturedAt,
      camera: arrival.arrivedMs - capturedAt,
      ours: shownAt - arrival.arrivedMs,
      wire: wall(received.at) - arrival.arrivedMs,
      player: shownAt - wall(received.at),
    });
  }
  if (latencies.length === 0) throw new Error(`no presented frame matched (errors: ${state.errors.join('; ')}; shown ${state.shown.length}, received ${state.received.length})`);
  const presentedInWindow = state.shown.filter((s) => s.now >= t0 && s.now <= t1);
  const frameGaps = presentedInWindow.slice(1).reduce((n, s, i) => n + Math.max(0, s.presented - presentedInWindow[i]!.presented - 1), 0);

  const stat = (k: keyof FrameLatency) => {
    const v = latencies.map((l) => l[k]).sort((a, b) => a - b);
    return { p50: percentile(v, 50), p95: percentile(v, 95), min: v[0]!, max: v.at(-1)! };
  };
  const parts = { total: stat('total'), ours: stat('ours'), camera: stat('camera'), wire: stat('wire'), player: stat('player') };
  const rows: [string, keyof FrameLatency, string][] = [
    ['capture stamp → presented (headline)', 'total', 'target p50 ≤ 300'],
    ['  hub arrival → presented (VMS + browser)', 'ours', ''],
    ['  capture stamp → hub arrival (ffmpeg encode + pipe + start offset)', 'camera', ''],
    ['  hub arrival → page receives (mux + WebSocket)', 'wire', ''],
    ['  page receives → presented (MSE + decode + compositor)', 'player', ''],
  ];
  console.log(`\nLive latency in Chromium over MSE (${latencies.length} presented frames over ${fixed((t1 - t0) / 1000, 1)} s; ${machineNote(machine.machineBusy, machine.loadAverage)})\n`);
  console.log(formatTable(['ms', 'p50', 'p95', 'min', 'max', ''], rows.map(([name, k, note]) => [
    name, fixed(parts[k].p50, 0), fixed(parts[k].p95, 0), fixed(parts[k].min, 0), fixed(parts[k].max, 0), note,
  ])));
  const ahead = presentedInWindowAhead(state.shown, t0, t1);
  console.log(`\nbuffered ahead of currentTime at presentation: p50 ${fixed(ahead.p50 * 1000, 0)} ms, p95 ${fixed(ahead.p95 * 1000, 0)} ms`);
  console.log(`video ${state.size}; ${unmatched} presented frames unmatched; ${frameGaps} frames not presented (rVFC presentedFrames gaps); ` +
    `player jumps to the live edge ${state.jumps}; waiting events ${state.waiting}; page errors ${state.errors.length}`);
  const browserName = browserVersion(browser);
  const file = writeResult('liveLatency', {
    date: new Date().toISOString(), quick: ctx.quick, machine: machineInfo(browserName), windowSeconds: (t1 - t0) / 1000,
    camera: { url: stream?.url, width: stream?.width, height: stream?.height },
    player: { startBehindSeconds: START_BEHIND_S, maxBehindSeconds: MAX_BEHIND_S },
    framesMeasured: latencies.length, unmatched, framesNotPresented: frameGaps, jumps: state.jumps, waiting: state.waiting, errors: state.errors,
    clockOffsetMs: state.offset, latencyMs: parts, machineBusy: machine.machineBusy, loadAverage: machine.loadAverage,
  });
  ctx.log(`wrote ${file}`);
}

function presentedInWindowAhead(shown: PageShown[], t0: number, t1: number): { p50: number; p95: number } {
  const v = shown.filter((s) => s.now >= t0 && s.now <= t1).map((s) => s.ahead).sort((a, b) => a - b);
  return { p50: percentile(v, 50), p95: percentile(v, 95) };
}
