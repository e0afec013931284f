/**
 * The live layer against real GStreamer RTSP cameras (320x240, 25 fps, a key frame a second)
 * and real ffmpeg: what the viewers receive must decode.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../base/node/systemClock';
import { probeHardware } from '../../../devices/node/drivers';
import { openRtspStream } from '../../../devices/node/rtsp/openRtspStream';
import type { StreamOpener } from '../../../devices/node/frameSource';
import { EventLog } from '../../../events/node/eventLog';
import { ConfigStore } from '../../../management/node/configStore';
import { MediaDb } from '../../../media-db/node/mediaDb';
import { RecordingServer } from '../../../recording/node/recordingServer';
import { SiteKeys } from '../../../security/node/siteKeys';
import { startTestCamera } from '../../../../test/harness/testCamera';
import { hlsNames } from '../../common/live/hlsPlaylist';
import { LiveFmp4Viewer } from './liveFmp4Viewer';
import type { LiveSink } from './liveFmp4Viewer';
import { LiveHls } from './liveHls';
import { Snapshots } from './snapshots';
import { realCameraHub } from './liveTestUtil';

const run = promisify(execFile);

/** Decodes bytes from stdin; resolves with ffmpeg's errors (empty when clean). */
function decodeErrors(bytes: Uint8Array): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn('ffmpeg', ['-v', 'error', '-threads', '1', '-i', 'pipe:0', '-f', 'null', '-'], { stdio: ['pipe', 'ignore', 'pipe'] });
    let err = '';
    p.stderr.on('data', (c: Buffer) => (err += c.toString()));
    p.once('error', reject);
    p.once('close', () => resolve(err.trim()));
    p.stdin.on('error', () => {});
    p.stdin.end(bytes);
  });
}

async function ffprobe(file: string): Promise<{ codec_name: string; width: number; height: number; nb_read_frames?: string }> {
  const { stdout } = await run('ffprobe', ['-v', 'error', '-count_frames', '-show_streams', '-of', 'json', file]);
  return (JSON.parse(stdout) as { streams: { codec_name: string; width: number; height: number; nb_read_frames?: string }[] }).streams[0]!;
}

class CollectingSink implements LiveSink {
  readonly messages: Uint8Array[] = [];
  bufferedAmount = 0;
  private waiters: { n: number; resolve: () => void }[] = [];
  send(parts: Uint8Array[]): void {
    this.messages.push(Buffer.concat(parts));
    this.waiters = this.waiters.filter((w) => (this.messages.length >= w.n ? (w.resolve(), false) : true));
  }
  waitFor(n: number): Promise<void> {
    return this.messages.length >= n ? Promise.resolve() : new Promise((resolve) => this.waiters.push({ n, resolve }));
  }
}

describe('live from a real H.264 camera', () => {
  let env: Awaited<ReturnType<typeof realCameraHub>>;
  let dir: string;
  beforeAll(async () => {
    env = await realCameraHub({ codec: 'h264', width: 320, height: 240 });
    dir = mkdtempSync(join(tmpdir(), 'nightjar-live-'));
  });
  afterAll(async () => {
    await env.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('fMP4 sent to a viewer decodes cleanly, starting with init and a key frame', async () => {
    const sink = new CollectingSink();
    const viewer = new LiveFmp4Viewer(env.hub, 'cam', 'main', sink);
    await sink.waitFor(51); // init + 2 s of frames
    viewer.dispose();
    const bytes = Buffer.concat(sink.messages);
    expect(Buffer.from(sink.messages[0]!.subarray(4, 8)).toString()).toBe('ftyp');
    expect(await decodeErrors(bytes)).toBe('');
    writeFileSync(join(dir, 'live.mp4'), bytes);
    const s = await ffprobe(join(dir, 'live.mp4'));
    expect(s).toMatchObject({ codec_name: 'h264', width: 320, height: 240 });
    expect(Number(s.nb_read_frames)).toBeGreaterThanOrEqual(50);
    expect(viewer.stats).toMatchObject({ framesDropped: 0, skips: 0, initSegments: 1 });
  });

  it('HLS: the playlist lists ~1 s segments and init + segments decode', async () => {
    const hls = new LiveHls({ hub: env.hub, clock: systemClock });
    try {
      const first = await hls.playlist('cam', 'main');
      expect(first).toMatch(/^#EXTM3U\n#EXT-X-VERSION:9\n/);
      const msn0 = Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(first)![1]);
      // Blocking reloads: each returns once segment msn is complete (at most two ahead may be asked).
      await hls.playlist('cam', 'main', { msn: msn0 + 2 });
      const text = await hls.playlist('cam', 'main', { msn: msn0 + 4 });
      const durations = [...text.matchAll(/#EXTINF:([\d.]+),/g)].map((m) => Number(m[1]));
      const names = [...text.matchAll(/^(seg-\d+\.m4s)$/gm)].map((m) => m[1]!);
      expect(names.length).toBeGreaterThanOrEqual(4);
      // The first segment starts at the cached key frame and may be short; the others last a GOP.
      for (const d of durations.slice(1)) {
        expect(d).toBeGreaterThan(0.85);
        expect(d).toBeLessThan(1.2);
      }
      expect(text).toMatch(/#EXT-X-PART:DURATION=0\.\d+,URI="part-\d+\.m4s",INDEPENDENT=YES/);
      const init = /#EXT-X-MAP:URI="init-(\d+)\.mp4"/.exec(text)!;
      const files = [await hls.file('cam', 'main', hlsNames.init(Number(init[1])))];
      for (const n of names.slice(1)) files.push(await hls.file('cam', 'main', n));
      expect(files[1]!.contentType).toBe('video/iso.segment');
      const bytes = Buffer.concat(files.flatMap((f) => f.body));
      expect(await decodeErrors(bytes)).toBe('');
      writeFileSync(join(dir, 'hls.mp4'), bytes);
      const s = await ffprobe(join(dir, 'hls.mp4'));
      expect(s).toMatchObject({ codec_name: 'h264', width: 320, height: 240 });
      expect(Number(s.nb_read_frames)).toBeGreaterThanOrEqual(25 * (names.length - 1) - 2);
      // The preload-hinted part is held until it exists.
      const hinted = /#EXT-X-PRELOAD-HINT:TYPE=PART,URI="(part-\d+\.m4s)"/.exec(await hls.playlist('cam', 'main'))![1]!;
      expect((await hls.file('cam', 'main', hinted)).body.length).toBeGreaterThan(1);
      await expect(hls.file('cam', 'main', 'seg-999999.m4s')).rejects.toMatchObject({ code: 'VMS_ERR_NOT_FOUND' });
      expect(hls.activeStreams).toBe(1);
    } finally {
      await hls.close();
    }
    expect(hls.activeStreams).toBe(0);
  });

  it('HLS stops a stream nobody asks for', async () => {
    const hls = new LiveHls({ hub: env.hub, clock: systemClock }, { idleMs: 300 });
    try {
      await hls.playlist('cam', 'main');
      expect(hls.activeStreams).toBe(1);
      await new Promise<void>((resolve) => {
        const check = () => (hls.activeStreams === 0 ? resolve() : setTimeout(check, 50));
        check();
      });
    } finally {
      await hls.close();
    }
  });

  it('a snapshot is a JPEG of the current picture, optionally scaled, and cached briefly', async () => {
    const snaps = new Snapshots({ hub: env.hub, clock: systemClock });
    try {
      // Nobody watches: the stream is opened just for a key frame.
      const jpeg = await snaps.jpeg('cam', 'main');
      expect([jpeg[0], jpeg[1]]).toEqual([0xff, 0xd8]);
      writeFileSync(join(dir, 'a.jpg'), jpeg);
      expect(await ffprobe(join(dir, 'a.jpg'))).toMatchObject({ codec_name: 'mjpeg', width: 320, height: 240 });
      // While a viewer keeps the stream open, the picture is decoded from the cached GOP.
      const sink = new CollectingSink();
      const viewer = new LiveFmp4Viewer(env.hub, 'cam', 'main', sink);
      await sink.waitFor(20);
      const small = await snaps.jpeg('cam', 'main', { width: 160 });
      writeFileSync(join(dir, 'b.jpg'), small);
      expect(await ffprobe(join(dir, 'b.jpg'))).toMatchObject({ width: 160, height: 120 });
      expect(await snaps.jpeg('cam', 'main', { width: 160 })).toBe(small);
      viewer.dispose();
      await expect(snaps.jpeg('cam', 'main', { width: 3 })).rejects.toMatchObject({ code: 'VMS_ERR_BAD_INPUT' });
    } finally {
      await snaps.close();
    }
  });
});

describe('the recorder and live viewers share one camera connection', () => {
  it('a viewer of the recorded stream opens no second connection', async () => {
    const camera = await startTestCamera({ codec: 'h264', width: 320, height: 240, fps: 25, bitrateKbps: 300 });
    const dataDir = mkdtempSync(join(tmpdir(), 'nightjar-live-rec-'));
    // Sessions open at the same time: a reconnect under load is fine, a second connection is not.
    let open = 0;
    let maxOpen = 0;
    const counting: StreamOpener = async (o) => {
      const session = await openRtspStream(o);
      maxOpen = Math.max(maxOpen, ++open);
      void session.closed.then(() => open--);
      return session;
    };
    // The recording server alone (no API): what it needs, as Site builds it.
    const keys = SiteKeys.loadOrCreate(join(dataDir, 'site-key.json'));
    const config = new ConfigStore(join(dataDir, 'config.db'), keys);
    const media = new MediaDb(join(dataDir, 'media.db'));
    const storageId = config.addStorage({
      name: 'Live', path: join(dataDir, 'live'), maxBytes: 2 ** 30, retentionHours: 1, archiveEveryMinutes: 60, encrypted: false, minFreeBytes: 0,
    }).id;
    const recording = new RecordingServer({ config, media, keys, clock: systemClock, events: new EventLog(systemClock), openers: { 'rtsp:': counting } });
    try {
      await recording.start();
      const info = await probeHardware({ driver: 'rtsp', address: camera.url });
      const cam = config.addHardware(info, {}, 'cam', storageId).cameras[0]!;
      recording.applyCamera(cam);
      const hub = recording.liveHub;
      const sink = new CollectingSink();
      const viewer = new LiveFmp4Viewer(hub, cam.id, cam.recordStream, sink);
      await sink.waitFor(30);
      expect(maxOpen).toBe(1);
      expect(hub.openStreams()).toMatchObject([{ cameraId: cam.id, streamKey: cam.recordStream, subscribers: 2 }]);
      viewer.dispose();
      expect(hub.openStreams()[0]!.subscribers).toBe(1); // the recorder keeps it
      expect(recording.cameraStatus(cam)).toMatchObject({ connection: { state: 'streaming' }, recorder: { recording: true } });
    } finally {
      await recording.close();
      media.close();
      config.close();
      await camera.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
    expect(maxOpen).toBe(1);
  });
});
