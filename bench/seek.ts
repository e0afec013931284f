/**
 * Seek to first picture: a site over 24 h of one-minute recordings of one camera, and Chromium
 * asking for random instants the way a client does: getPlayback → open the playback WebSocket
 * → {type:'seek'} → MSE → the first frame presented (requestVideoFrameCallback). The data is
 * made fast: a real 60 s H.264 clip written through the real RecordingWriter again and again
 * with shifted timestamps. A second camera holds 1 h of 1080p (~4 Mbit/s) the same way, since
 * decoding a 1080p GOP in the browser costs more than a 360p one. The server-side part (seek →
 * first fMP4 bytes handed to the socket) is measured in this process with a PlaybackSession
 * over the site's own RecordingReader.
 */
import path from 'node:path';
import { makeTestClip } from '../packages/vms-core/test/harness/testCamera';
import { Site } from '../packages/vms-core/src/site/node/site';
import { PlaybackSession } from '../packages/vms-core/src/streaming/node/playback/playbackSession';
import { systemClock } from '../packages/vms-core/src/base/node/systemClock';
import { browserVersion, launchChromium, openSitePage } from './lib/browser';
import type { BenchContext } from './lib/context';
import { machineInfo } from './lib/machineInfo';
import { PAGE_HELPERS } from './lib/pageScripts';
import { loadClipFrames, encodeClip, fillRecordings } from './lib/recordedData';
import type { FillResult } from './lib/recordedData';
import { fixed, formatTable, percentile, tempDir, writeResult } from './lib/report';
import { StreamingApi } from './lib/streamingApi';
import { machineNote } from './lib/report';
import { measureWindow } from './lib/procStats';

const PASSWORD = 'bench-admin-password';
const FPS = 25;
const SMALL = { width: 640, height: 360, bitrateKbps: 500 };

interface Trial {
  atMs: number;
  /** all from the start of the request, ms */
  api: number;
  open: number;
  firstByte: number;
  seeked: number;
  shown: number;
  /** seek sent → first binary message received, as the page sees it */
  seekToFirstByte: number;
  error?: string;
}

const TRIAL_TIMEOUT_MS = 10_000;
const PAGE = `<!doctype html><body></body><script>
${PAGE_HELPERS}
window.trial = async (cameraId, token, atMs) => {
  const t0 = performance.now();
  const r = { atMs };
  const video = document.createElement('video');
  video.muted = true;
  document.body.replaceChildren(video);
  const ms = new MediaSource();
  video.src = URL.createObjectURL(ms);
  const opened = new Promise((res) => ms.addEventListener('sourceopen', res, { once: true }));
  const range = 'from=' + encodeURIComponent(new Date(atMs - 60000).toISOString()) + '&to=' + encodeURIComponent(new Date(atMs + 600000).toISOString());
  const res = await fetch('/api/cameras/' + cameraId + '/playback?' + range, { headers: { authorization: 'Bearer ' + token } });
  if (!res.ok) throw new Error('getPlayback ' + res.status + ' ' + await res.text());
  const pb = await res.json();
  r.api = performance.now() - t0;
  const ws = new WebSocket(location.origin.replace(/^http/, 'ws') + pb.webSocketUrl);
  ws.binaryType = 'arraybuffer';
  let sb;
  const queue = [];
  let seekSentAt;
  const pump = () => { if (sb && !sb.updating && queue.length) sb.appendBuffer(queue.shift()); };
  try {
    await new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const b = video.buffered;
        const ranges = Array.from({ length: b.length }, (_, i) => b.start(i).toFixed(3) + '-' + b.end(i).toFixed(3)).join(',');
        reject(new Error('no picture in time: readyState ' + video.readyState + ', currentTime ' + video.currentTime + ', buffered ' + ranges + ', frames seen ' + seen.join(',') + ', queue ' + queue.length + ', error ' + (video.error && video.error.message)));
      }, ${TRIAL_TIMEOUT_MS});
      const seen = [];
      ws.onerror = () => reject(new Error('socket error'));
      ws.onopen = () => {
        r.open = performance.now() - t0;
        seekSentAt = performance.now();
        ws.send(JSON.stringify({ type: 'seek', at: new Date(atMs).toISOString() }));
      };
      // Messages are handled one after another: the init segment waits for the MediaSource to open.
      const handle = async (data) => {
        if (typeof data === 'string') {
          const m = JSON.parse(data);
          if (m.type === 'error') throw new Error(m.code + ' ' + m.message);
          if (m.type !== 'seeked') return;
          r.seeked = performance.now() - t0;
          const target = m.mediaTime90k / 90000;
          // Seek only once the frames are in the SourceBuffer: a currentTime set before the
          // element has metadata is not reliably kept by Chromium.
          while (queue.length || !sb || sb.updating) await new Promise((res) => setTimeout(res, 1));
          video.requestVideoFrameCallback(function onFrame(now, md) {
            seen.push(md.mediaTime);
            if (md.mediaTime + 0.001 < target) return video.requestVideoFrameCallback(onFrame);
            r.shown = md.expectedDisplayTime - t0;
            clearTimeout(timer);
            resolve();
          });
          video.currentTime = target;
          return;
        }
        const u8 = new Uint8Array(data).subarray(1); // camera index byte
        if (!sb) {
          const mime = mimeOfInit(u8);
          if (!mime) throw new Error('the first message is not an init segment');
          await opened;
          sb = ms.addSourceBuffer(mime);
          sb.addEventListener('updateend', pump);
        }
        queue.push(u8);
        pump();
      };
      let chain = Promise.resolve();
      ws.onmessage = (ev) => {
        if (typeof ev.data !== 'string' && r.firstByte === undefined) {
          r.firstByte = performance.now() - t0;
          r.seekToFirstByte = performance.now() - seekSentAt;
        }
        chain = chain.then(() => handle(ev.data)).catch(reject);
      };
    });
  } catch (e) {
    r.error = String(e);
  } finally {
    ws.close();
    video.removeAttribute('src');
    video.load();
  }
  return r;
};
</script>`;

/** A small deterministic PRNG (mulberry32), so runs seek to the same instants. */
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

interface CaseResult {
  name: string;
  fill: FillResult & { seconds: number; gib: number };
  trials: Trial[];
  serverFirstBytesMs: number[];
  serverSeekDoneMs: number[];
}

export async function seek(ctx: BenchContext): Promise<void> {
  const hours = ctx.quick ? 1 : 24;
  const bigMinutes = ctx.quick ? 10 : 60;
  const count = ctx.quick ? 10 : 30;
  const tmp = tempDir(ctx.cleanup, 'seek');
  const site = await Site.open({ dataDir: path.join(tmp.dir, 'site'), adminPassword: PASSWORD, demoCamera: false });
  ctx.cleanup.add('site (seek)', () => site.close());
  const storage = site.recording.storageHandle('live');
  if (!storage) throw new Error('the site has no live storage');

  // Cameras that exist in the configuration but are not connected: only their recordings matter.
  const addCamera = (name: string, width: number, height: number): string => {
    const url = 'rtsp://127.0.0.1:9/not-connected';
    const { cameras } = site.config.addHardware({
      driver: 'rtsp', address: url, cameras: [{ key: 'cam', name, streams: [{ key: 'main', name: 'main', url, codec: 'h264', width, height, fps: FPS }] }],
    }, {}, name, storage.id);
    site.config.updateCamera(cameras[0]!.id, { enabled: false });
    return cameras[0]!.id;
  };

  const endMs = Math.floor((Date.now() - 10 * 60_000) / 60_000) * 60_000;
  const cases: { name: string; cameraId: string; fill: CaseResult['fill'] }[] = [];
  {
    const mp4 = path.join(tmp.dir, 'clip-small.mp4');
    await encodeClip(mp4, { seconds: 60, fps: FPS, ...SMALL });
    const clip = await loadClipFrames(mp4, tmp.dir, FPS);
    const cameraId = addCamera('seek 360p', SMALL.width, SMALL.height);
    const t = performance.now();
    const fill = await fillRecordings({ db: site.media, keys: site.keys, storage }, {
      cameraId, streamKey: 'main', clip, fps: FPS, start90k: (endMs - hours * 3_600_000) * 90, minutes: hours * 60,
      onProgress: (m) => m % 120 === 0 && ctx.log(`  360p: ${m / 60} h written`),
    });
    const seconds = (performance.now() - t) / 1000;
    ctx.log(`seek: ${hours} h of ${SMALL.width}x${SMALL.height} (${fill.recordings} recordings, ${fixed(fill.bytes / 2 ** 30)} GiB) written in ${fixed(seconds, 0)} s`);
    cases.push({ name: `${hours} h, ${SMALL.width}x${SMALL.height} ~${SMALL.bitrateKbps} kbit/s`, cameraId, fill: { ...fill, seconds, gib: fill.bytes / 2 ** 30 } });
  }
  {
    const clip = await loadClipFrames(await makeTestClip({ seconds: 180 }), tmp.dir, FPS);
    const cameraId = addCamera('seek 1080p', 1920, 1080);
    const t = performance.now();
    const fill = await fillRecordings({ db: site.media, keys: site.keys, storage }, {
      cameraId, streamKey: 'main', clip, fps: FPS, start90k: (endMs - bigMinutes * 60_000) * 90, minutes: bigMinutes,
    });
    const seconds = (performance.now() - t) / 1000;
    ctx.log(`seek: ${bigMinutes} min of 1920x1080 (${fixed(fill.bytes / 2 ** 30)} GiB) written in ${fixed(seconds, 0)} s`);
    cases.push({ name: `${bigMinutes} min, 1920x1080 ~4 Mbit/s`, cameraId, fill: { ...fill, seconds, gib: fill.bytes / 2 ** 30 } });
  }

  const url = await site.listen(0, '127.0.0.1');
  const api = await StreamingApi.login(url, 'admin', PASSWORD);
  const browser = await launchChromium(ctx.cleanup);
  const page = await openSitePage(browser, url, PAGE);
  const results: CaseResult[] = [];
  let busy = { machineBusy: 0, loadAverage: 0 };
  for (const [i, c] of cases.entries()) {
    const rnd = random(1234 + i);
    const from = c.fill.start90k / 90 + 60_000;
    const span = c.fill.end90k / 90 - 60_000 - from;
    const instants = Array.from({ length: count }, () => Math.round(from + rnd() * span));
    // One unmeasured seek first: the page's first MediaSource and decoder set-up.
    await page.evaluate(([id, token, at]) => (window as unknown as { trial(a: string, b: string, c: number): Promise<Trial> }).trial(id, token, at),
      [c.cameraId, api.token, instants[0]!] as const);
    const trials: Trial[] = [];
    const m = measureWindow(() => [process.pid], 1);
    for (const at of instants) {
      trials.push(await page.evaluate(([id, token, t]) => (window as unknown as { trial(a: string, b: string, c: number): Promise<Trial> }).trial(id, token, t),
        [c.cameraId, api.token, at] as const));
    }
    busy = await m;
    // Server side alone: a PlaybackSession over the site's reader, seek → first bytes to the sink.
    const serverFirstBytesMs: number[] = [];
    const serverSeekDoneMs: number[] = [];
    for (const at of instants) {
      let first: number | undefined;
      const session = new PlaybackSession({
        reader: site.mediaServices.reader, cameraIds: [c.cameraId], clock: systemClock,
        sink: { sendJson: () => undefined, sendBinary: () => void (first ??= performance.now()), bufferedAmount: 0 },
      });
      const t0 = performance.now();
      await session.seek(at * 90);
      serverSeekDoneMs.push(performance.now() - t0);
      serverFirstBytesMs.push((first ?? NaN) - t0);
      await session.dispose();
    }
    results.push({ name: c.name, fill: c.fill, trials, serverFirstBytesMs, serverSeekDoneMs });
  }
  await page.close();

  const p = (values: number[], q: number) => percentile([...values].sort((a, b) => a - b), q);
  const rows = results.map((r) => {
    const ok = r.trials.filter((t) => !t.error);
    const col = (k: keyof Trial) => ok.map((t) => t[k] as number);
    return [
      r.name, `${ok.length}/${r.trials.length}`,
      `${fixed(p(col('shown'), 50), 0)} / ${fixed(p(col('shown'), 95), 0)}`,
      `${fixed(p(col('api'), 50), 0)}`, `${fixed(p(col('open'), 50), 0)}`, `${fixed(p(col('firstByte'), 50), 0)}`, `${fixed(p(col('seeked'), 50), 0)}`,
      `${fixed(p(col('seekToFirstByte'), 50), 1)} / ${fixed(p(col('seekToFirstByte'), 95), 1)}`,
      `${fixed(p(r.serverFirstBytesMs, 50), 1)} / ${fixed(p(r.serverFirstBytesMs, 95), 1)}`,
      `${fixed(p(r.serverSeekDoneMs, 50), 1)} / ${fixed(p(r.serverSeekDoneMs, 95), 1)}`,
    ];
  });
  console.log(`\nSeek to first picture in Chromium (${count} random instants per case; ${machineNote(busy.machineBusy, busy.loadAverage)})\n`);
  console.log(formatTable(
    ['recorded', 'ok', 'request → frame shown ms p50 / p95 (target p50 ≤ 250)', 'getPlayback done', 'socket open', 'first bytes',
      'seeked msg', 'page: seek sent → first bytes p50 / p95', 'server: seek → first bytes p50 / p95', 'server: whole seek p50 / p95'],
    rows,
  ));
  const errors = results.flatMap((r) => r.trials.filter((t) => t.error).map((t) => `${r.name} @ ${new Date(t.atMs).toISOString()}: ${t.error}`));
  if (errors.length) console.log(`\nfailed trials:\n${errors.join('\n')}`);
  console.log('\n(columns 4–7 are p50 of the time since the request started; data written fresh, so the page cache is warm)');
  const file = writeResult('seek', {
    date: new Date().toISOString(), quick: ctx.quick, machine: machineInfo(browserVersion(browser)), machineBusy: busy, cases: results,
  });
  ctx.log(`wrote ${file}`);
}
