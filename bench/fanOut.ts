/**
 * Live fan-out: one 1080p25 RTSP camera (~4 Mbit/s, recorded as usual) watched by 0, 1, 10 and
 * 50 fMP4 WebSocket viewers against a `vms site` child process. The viewers are `ws` clients in
 * this process that read and discard as fast as they can. Per case: RTSP sessions open on the
 * camera (must stay 1), the site's CPU above the 0-viewer baseline of the same run, bytes and
 * frames each viewer got, and frames it missed (the server skips a viewer that falls behind).
 */
import { readFileSync } from 'node:fs';
import { makeTestClip, startTestCamera } from '../packages/vms-core/test/harness/testCamera';
import type { BenchContext } from './lib/context';
import { machineInfo } from './lib/machineInfo';
import { cpuSeconds, measureWindow, sleep } from './lib/procStats';
import type { MeasureResult } from './lib/procStats';
import { fixed, formatTable, machineNote, mib, tempDir, writeResult } from './lib/report';
import { SiteApi } from './lib/siteApi';
import { ADMIN_PASSWORD, startSite } from './lib/siteProcess';
import { StreamingApi } from './lib/streamingApi';
import { closeWebSocket, openWebSocket } from './lib/wsClient';
import type { BenchSocket } from './lib/wsClient';

const FPS = 25;
const SETTLE_MS = 3000;

interface Viewer {
  socket: BenchSocket;
  bytes: number;
  /** Binary messages that are media segments (each carries one frame). */
  frames: number;
  closedEarly: boolean;
}

interface FanOutCase {
  viewers: number;
  measure: MeasureResult;
  /** CPU of the site process, % of one core */
  siteCpuPercent: number;
  /** (site CPU − baseline) / viewers, % of one core */
  cpuPerViewerPercent: number;
  /** CPU of this process (the viewers' clients), % of one core */
  clientsCpuPercent: number;
  rtspSessions: number;
  connectionAttempts: number;
  cameraFrames: number;
  framesPerViewer: { min: number; mean: number; max: number };
  /** camera frames in the window − frames a viewer got, worst and mean over viewers (±1 for window edges) */
  framesMissed: { mean: number; max: number };
  mbitPerViewer: number;
  bytesPerViewerMiB: number;
  closedEarly: number;
}

/** Established TCP connections whose local port is `port`: the server side of each RTSP session. */
function establishedOnPort(port: number): number {
  let n = 0;
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const f = line.trim().split(/\s+/);
      if (f.length < 4) continue;
      const localPort = parseInt(f[1]!.split(':')[1] ?? '', 16);
      if (localPort === port && f[3] === '01') n++;
    }
  }
  return n;
}

export async function fanOut(ctx: BenchContext): Promise<void> {
  const counts = ctx.quick ? [1, 10] : [1, 10, 50];
  const seconds = ctx.quick ? 6 : 20;
  // The RTSP mount plays the file once per session; 180 s outlasts the whole run (~110 s).
  const clip = await makeTestClip({ seconds: 180 });
  const camera = await startTestCamera({ file: clip, mounts: ['/cam1'] });
  ctx.cleanup.add(`RTSP server :${camera.port}`, () => camera.stop());
  const data = tempDir(ctx.cleanup, 'fanout');
  const site = await startSite(ctx.cleanup, data.dir);
  const admin = await SiteApi.login(site.url, 'admin', ADMIN_PASSWORD);
  const api = await StreamingApi.login(site.url, 'admin', ADMIN_PASSWORD);
  const [cameraId] = await admin.addRtspCamera(camera.url, 'fan-out camera');
  if (!cameraId) throw new Error('the camera was not added');
  await admin.waitRecording([cameraId], 60_000);
  ctx.log(`fanOut: 1080p25 ~4 Mbit/s RTSP camera ${camera.url}, recorded; window ${seconds} s; viewers ${counts.join(', ')}`);
  await sleep(SETTLE_MS);

  const runCase = async (n: number): Promise<FanOutCase> => {
    const viewers: Viewer[] = [];
    for (let i = 0; i < n; i++) {
      const live = await api.live(cameraId);
      const v: Viewer = { socket: undefined as unknown as BenchSocket, bytes: 0, frames: 0, closedEarly: false };
      v.socket = await openWebSocket(api.webSocket(live.webSocketUrl), (d, isBinary) => {
        if (!isBinary) return;
        v.bytes += d.length;
        // 'moof' at offset 4: a media segment (one frame); init segments start with 'ftyp'.
        if (d.length > 8 && d.toString('latin1', 4, 8) === 'moof') v.frames++;
      });
      v.socket.on('close', () => (v.closedEarly = true));
      viewers.push(v);
    }
    await sleep(SETTLE_MS);
    const before = await admin.status(cameraId);
    const start = viewers.map((v) => ({ bytes: v.bytes, frames: v.frames }));
    const self0 = cpuSeconds([process.pid]);
    const measure = await measureWindow(() => [site.pid], seconds);
    const self1 = cpuSeconds([process.pid]);
    const after = await admin.status(cameraId);
    const got = viewers.map((v, i) => ({ bytes: v.bytes - start[i]!.bytes, frames: v.frames - start[i]!.frames }));
    const closedEarly = viewers.filter((v) => v.closedEarly).length;
    const rtspSessions = establishedOnPort(camera.port);
    await Promise.all(viewers.map((v) => closeWebSocket(v.socket)));
    const cameraFrames = (after.connection?.framesReceived ?? 0) - (before.connection?.framesReceived ?? 0);
    const frames = got.map((g) => g.frames);
    const missed = frames.map((f) => Math.max(0, cameraFrames - f));
    const bytes = got.reduce((a, g) => a + g.bytes, 0) / Math.max(1, n);
    return {
      viewers: n, measure,
      siteCpuPercent: (100 * measure.cpuSeconds) / measure.seconds,
      cpuPerViewerPercent: NaN,
      clientsCpuPercent: (100 * (self1 - self0)) / measure.seconds,
      rtspSessions,
      connectionAttempts: after.connection?.attempts ?? -1,
      cameraFrames,
      framesPerViewer: n ? { min: Math.min(...frames), mean: frames.reduce((a, b) => a + b, 0) / n, max: Math.max(...frames) } : { min: 0, mean: 0, max: 0 },
      framesMissed: n ? { mean: missed.reduce((a, b) => a + b, 0) / n, max: Math.max(...missed) } : { mean: 0, max: 0 },
      mbitPerViewer: (bytes * 8) / measure.seconds / 1e6,
      bytesPerViewerMiB: mib(bytes),
      closedEarly,
    };
  };

  ctx.log('  0 viewers (baseline: the site recording the camera)');
  const baseline = await runCase(0);
  const cases: FanOutCase[] = [];
  for (const n of counts) {
    ctx.log(`  ${n} viewers`);
    const c = await runCase(n);
    c.cpuPerViewerPercent = (c.siteCpuPercent - baseline.siteCpuPercent) / n;
    cases.push(c);
    await sleep(1000);
  }

  console.log(`\nLive fan-out: one 1080p25 camera (~4 Mbit/s) to N WebSocket fMP4 viewers (${seconds} s window per case)\n`);
  console.log(formatTable(
    ['viewers', 'RTSP sessions', 'camera connection attempts', 'site CPU % of a core', 'CPU % per viewer (above 0 viewers)',
      'Mbit/s per viewer', 'MiB per viewer', 'frames per viewer (min/mean/max)', 'camera frames', 'frames missed per viewer (mean/max)', 'machine'],
    [baseline, ...cases].map((c) => [
      c.viewers, c.rtspSessions, c.connectionAttempts, fixed(c.siteCpuPercent, 1), c.viewers ? fixed(c.cpuPerViewerPercent, 2) : '–',
      c.viewers ? fixed(c.mbitPerViewer, 2) : '–', c.viewers ? fixed(c.bytesPerViewerMiB, 1) : '–',
      c.viewers ? `${c.framesPerViewer.min} / ${fixed(c.framesPerViewer.mean, 1)} / ${c.framesPerViewer.max}` : '–',
      c.cameraFrames, c.viewers ? `${fixed(c.framesMissed.mean, 1)} / ${c.framesMissed.max}` : '–',
      machineNote(c.measure.machineBusy, c.measure.loadAverage),
    ]),
  ));
  console.log(`\nviewer clients (this process) used ${cases.map((c) => `${fixed(c.clientsCpuPercent, 0)}%`).join(' / ')} of a core; ` +
    `sockets closed by the server during a window: ${cases.map((c) => c.closedEarly).join(' / ')}`);
  const file = writeResult('fanOut', {
    date: new Date().toISOString(), quick: ctx.quick, machine: machineInfo(), windowSeconds: seconds, fps: FPS, clip, baseline, cases,
  });
  ctx.log(`wrote ${file}`);
}
