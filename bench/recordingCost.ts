/**
 * Recording cost: CPU and memory per camera of a `vms site` recording N real RTSP cameras
 * (1080p25 H.264, ~4 Mbit/s), against one `ffmpeg -c copy -f segment` per camera (how Frigate,
 * Shinobi and Viseron record), measured in the same run on the same sources.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { MediaDb } from '../packages/vms-core/src/media-db/node/mediaDb';
import { decodeFrameIndex } from '../packages/vms-core/src/media-db/common/frameIndex';
import { siteLayout } from '../packages/vms-core/src/site/node/site';
import { startCameraFarm } from './lib/cameraFarm';
import type { BenchContext } from './lib/context';
import { measureWindow, sleep } from './lib/procStats';
import type { MeasureResult } from './lib/procStats';
import { fixed, formatTable, mib, tempDir, writeResult } from './lib/report';
import { SiteApi } from './lib/siteApi';
import { ADMIN_PASSWORD, startSite, terminate } from './lib/siteProcess';

const FPS = 25;
/** After every camera records: let connections, buffers and the JIT settle before measuring. */
const SETTLE_MS = 5_000;
/** The site with no camera, measured before adding them: its fixed cost. */
const IDLE_SECONDS = 10;

interface OursResult {
  measure: MeasureResult;
  idle: MeasureResult;
  /** CPU seconds per camera-minute of the whole process (idle cost included). */
  cpuPerCameraMinute: number;
  /** The same with the idle process's CPU rate subtracted. */
  cpuPerCameraMinuteAboveIdle: number;
  /** (mean RSS − RSS with no camera) / N */
  rssPerCameraBytes: number;
  pssPerCameraBytes: number;
  framesExpected: number;
  framesStored: number;
  /** Frames missing from the index in the window, summed over cameras (expected − stored, ≥ 0 per camera). */
  framesLostIndex: number;
  /** Growth of the status endpoint's framesLost over the window, summed over cameras. */
  framesLostStatus: number;
  framesReceived: number;
}

interface BaselineResult {
  measure: MeasureResult;
  cpuPerCameraMinute: number;
  rssPerCameraBytes: number;
  pssPerCameraBytes: number;
}

export async function recordingCost(ctx: BenchContext): Promise<void> {
  const counts = process.env.BENCH_CAMERAS ? process.env.BENCH_CAMERAS.split(',').map(Number) : ctx.quick ? [1, 8] : [1, 8, 32, 64];
  const seconds = ctx.quick ? 15 : 60;
  const farm = await startCameraFarm(ctx.cleanup, Math.max(...counts));
  ctx.log(`recordingCost: ${farm.urls.length} RTSP mounts serving ${path.basename(farm.clip)}; window ${seconds} s`);

  const cases: { cameras: number; ours: OursResult; baseline: BaselineResult }[] = [];
  for (const n of counts) {
    const urls = farm.urls.slice(0, n);
    ctx.log(`  ${n} cameras: vms site`);
    const ours = await measureOurs(ctx, urls, seconds);
    ctx.log(`  ${n} cameras: ffmpeg baseline`);
    const baseline = await measureBaseline(ctx, urls, seconds);
    cases.push({ cameras: n, ours, baseline });
    ctx.log(`  ${n} cameras: ours ${fixed(ours.cpuPerCameraMinute, 3)} vs ffmpeg ${fixed(baseline.cpuPerCameraMinute, 3)} CPU s/cam-min; ` +
      `${fixed(mib(ours.rssPerCameraBytes))} vs ${fixed(mib(baseline.rssPerCameraBytes))} MiB/cam; ${ours.framesLostIndex} frames lost`);
  }

  const table = formatTable(
    ['N', 'ours CPU s/cam-min', 'ffmpeg CPU s/cam-min', 'CPU ratio', 'ours RSS MiB/cam', 'ffmpeg RSS MiB/cam', 'RSS ratio',
      'ours RSS total MiB (mean/max)', 'frames lost (ours, index / status)'],
    cases.map(({ cameras, ours, baseline }) => [
      cameras,
      fixed(ours.cpuPerCameraMinute, 3),
      fixed(baseline.cpuPerCameraMinute, 3),
      fixed(ours.cpuPerCameraMinute / baseline.cpuPerCameraMinute),
      fixed(mib(ours.rssPerCameraBytes), 1),
      fixed(mib(baseline.rssPerCameraBytes), 1),
      fixed(ours.rssPerCameraBytes / baseline.rssPerCameraBytes),
      `${fixed(mib(ours.measure.rssMeanBytes), 0)} / ${fixed(mib(ours.measure.rssMaxBytes), 0)}`,
      `${ours.framesLostIndex} of ${ours.framesExpected} / ${ours.framesLostStatus}`,
    ]),
  );
  const detail = formatTable(
    ['N', 'ours CPU above idle s/cam-min', 'ours idle CPU %', 'ours idle RSS MiB', 'ours PSS MiB/cam', 'ffmpeg PSS MiB/cam', 'PSS ratio',
      'frames received / stored (ours)'],
    cases.map(({ cameras, ours, baseline }) => [
      cameras,
      fixed(ours.cpuPerCameraMinuteAboveIdle, 3),
      fixed((100 * ours.idle.cpuSeconds) / ours.idle.seconds, 1),
      fixed(mib(ours.idle.rssMeanBytes), 0),
      fixed(mib(ours.pssPerCameraBytes), 1),
      fixed(mib(baseline.pssPerCameraBytes), 1),
      fixed(ours.pssPerCameraBytes / baseline.pssPerCameraBytes),
      `${ours.framesReceived} / ${ours.framesStored}`,
    ]),
  );
  // The idle figure is taken right after start-up, when the heap still holds start-up garbage
  // that a later GC may return; the slope between the smallest and each larger N does not
  // depend on it.
  const first = cases[0]!;
  const marginal = formatTable(
    ['N', `ours RSS MiB/cam above N=${first.cameras}`, `ours PSS MiB/cam above N=${first.cameras}`, `ours CPU s/cam-min above N=${first.cameras}`],
    cases.slice(1).map(({ cameras, ours }) => {
      const k = cameras - first.cameras;
      return [
        cameras,
        fixed(mib((ours.measure.rssMeanBytes - first.ours.measure.rssMeanBytes) / k), 1),
        fixed(mib((ours.measure.pssMeanBytes - first.ours.measure.pssMeanBytes) / k), 1),
        fixed((ours.measure.cpuSeconds / ours.measure.seconds - first.ours.measure.cpuSeconds / first.ours.measure.seconds) * 60 / k, 3),
      ];
    }),
  );
  const machine = formatTable(
    ['N', 'ours: machine busy', 'load', 'ffmpeg: machine busy', 'load'],
    cases.map(({ cameras, ours, baseline }) => [
      cameras, `${Math.round(ours.measure.machineBusy * 100)}%`, fixed(ours.measure.loadAverage),
      `${Math.round(baseline.measure.machineBusy * 100)}%`, fixed(baseline.measure.loadAverage),
    ]),
  );
  console.log(`\nRecording cost (${seconds} s window per case; targets: CPU ratio ≤ 0.5, RSS ratio ≤ 0.25, 0 frames lost at 64)\n`);
  console.log(table);
  console.log('\nDetail: fixed cost of the site, and memory as PSS (shared library pages divided among the processes that map them)\n');
  console.log(detail);
  console.log('\nMarginal cost of ours (the slope from the smallest N; independent of the idle figure)\n');
  console.log(marginal);
  console.log('\nMachine load during each window (all processes, both cores):\n');
  console.log(machine);
  const file = writeResult('recordingCost', {
    date: new Date().toISOString(), quick: ctx.quick, windowSeconds: seconds, fps: FPS, clip: path.basename(farm.clip), cases,
  });
  ctx.log(`wrote ${file}`);
}

async function measureOurs(ctx: BenchContext, urls: string[], seconds: number): Promise<OursResult> {
  const data = tempDir(ctx.cleanup, 'rec');
  const site = await startSite(ctx.cleanup, data.dir);
  try {
    const api = await SiteApi.login(site.url, 'admin', ADMIN_PASSWORD);
    await sleep(2000);
    const idle = await measureWindow(() => [site.pid], IDLE_SECONDS);
    const ids: string[] = [];
    for (const [i, url] of urls.entries()) ids.push(...(await api.addRtspCamera(url, `bench ${i + 1}`)));
    await api.waitRecording(ids, 60_000 + urls.length * 1000);
    await sleep(SETTLE_MS);

    const before = await Promise.all(ids.map((id) => api.status(id)));
    const from = Date.now();
    const measure = await measureWindow(() => [site.pid], seconds);
    const to = Date.now();
    const after = await Promise.all(ids.map((id) => api.status(id)));
    // Frames of the window still in flight or in the writer's buffer are written on close.
    await sleep(2000);
    await site.stop();

    const counted = countFrames(siteLayout(data.dir).mediaDb, ids, from, to);
    const framesLostStatus = after.reduce((sum, s, i) => sum + s.framesLost - before[i]!.framesLost, 0);
    const framesReceived = after.reduce((sum, s, i) => sum + (s.connection?.framesReceived ?? 0) - (before[i]!.connection?.framesReceived ?? 0), 0);
    const n = urls.length;
    return {
      measure,
      idle,
      cpuPerCameraMinute: measure.cpuSeconds / (n * (measure.seconds / 60)),
      cpuPerCameraMinuteAboveIdle: (measure.cpuSeconds - (idle.cpuSeconds / idle.seconds) * measure.seconds) / (n * (measure.seconds / 60)),
      rssPerCameraBytes: (measure.rssMeanBytes - idle.rssMeanBytes) / n,
      pssPerCameraBytes: (measure.pssMeanBytes - idle.pssMeanBytes) / n,
      framesExpected: counted.expected,
      framesStored: counted.stored,
      framesLostIndex: counted.lost,
      framesLostStatus,
      framesReceived,
    };
  } finally {
    await site.stop();
    await data.remove();
  }
}

/**
 * Frames in the index whose timestamp falls in [fromMs, toMs), per camera, against 25 fps.
 * Timestamps follow the camera's RTP clock from the first packet on, so a late or bursty
 * delivery does not count as loss; a frame that never reached the index does.
 */
function countFrames(dbPath: string, cameraIds: string[], fromMs: number, toMs: number): { expected: number; stored: number; lost: number } {
  const db = new MediaDb(dbPath);
  try {
    const from90k = fromMs * 90;
    const to90k = toMs * 90;
    const expectedPerCamera = Math.floor(((toMs - fromMs) / 1000) * FPS);
    let stored = 0;
    let lost = 0;
    for (const id of cameraIds) {
      let n = 0;
      for (const r of db.listRecordings(id, from90k, to90k)) {
        const blob = db.frameIndex(r.id);
        if (!blob) throw new Error(`recording ${r.id} has no frame index: was the site stopped cleanly?`);
        for (const f of decodeFrameIndex(blob)) {
          const t = r.start90k + f.ptsOffset;
          if (t >= from90k && t < to90k) n++;
        }
      }
      stored += n;
      lost += Math.max(0, expectedPerCamera - n);
    }
    return { expected: expectedPerCamera * cameraIds.length, stored, lost };
  } finally {
    db.close();
  }
}

async function measureBaseline(ctx: BenchContext, urls: string[], seconds: number): Promise<BaselineResult> {
  const out = tempDir(ctx.cleanup, 'ffmpeg');
  const children: ChildProcess[] = [];
  const stopAll = ctx.cleanup.add('baseline ffmpeg processes', () =>
    Promise.all(children.map((c) => terminate(c, c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : once(c, 'exit'), 10_000))).then(() => undefined));
  try {
    for (const [i, url] of urls.entries()) {
      const dir = path.join(out.dir, `cam${i + 1}`);
      mkdirSync(dir);
      const child = spawn('ffmpeg', [
        '-hide_banner', '-loglevel', 'error', '-rtsp_transport', 'tcp', '-i', url, '-c', 'copy', '-f', 'segment',
        '-segment_time', '60', '-reset_timestamps', '1', path.join(dir, 'OUT%03d.mp4'),
      ], { stdio: ['ignore', 'ignore', 'pipe'] });
      child.stderr!.on('data', (d: Buffer) => ctx.log(`    ffmpeg cam${i + 1}: ${d.toString().trim()}`));
      children.push(child);
    }
    await waitUntil(() => children.every((c, i) => writing(path.join(out.dir, `cam${i + 1}`))), 60_000 + urls.length * 1000,
      'ffmpeg did not start writing for every camera');
    await sleep(SETTLE_MS);
    const pids = children.map((c) => c.pid!);
    const measure = await measureWindow(() => pids, seconds);
    if (children.some((c) => c.exitCode !== null || c.signalCode !== null)) throw new Error('an ffmpeg process exited during the window');
    const n = urls.length;
    return {
      measure,
      cpuPerCameraMinute: measure.cpuSeconds / (n * (measure.seconds / 60)),
      // Each ffmpeg is a whole process per camera: its full RSS is the per-camera cost.
      rssPerCameraBytes: measure.rssMeanBytes / n,
      pssPerCameraBytes: measure.pssMeanBytes / n,
    };
  } finally {
    await stopAll();
    await out.remove();
  }
}

function writing(dir: string): boolean {
  return readdirSync(dir).some((f) => statSync(path.join(dir, f)).size > 0);
}

async function waitUntil(test: () => boolean, timeoutMs: number, message: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(message);
    await sleep(500);
  }
}
