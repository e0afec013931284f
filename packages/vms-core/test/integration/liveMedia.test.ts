import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { TestSite, testCamera, until } from './siteFixture';

interface LiveBody { streamKey: string; recommended: string; token: string; webSocketUrl: string; hlsUrl: string; jsmpegUrl: string; snapshotUrl: string }

type Collected = { text: string[]; binary: Buffer[]; closed: Promise<number> };

/** Opens a WebSocket with its listeners attached before the first message can arrive. */
async function open(ts: TestSite, url: string): Promise<{ ws: WebSocket; got: Collected }> {
  let got!: Collected;
  const ws = await ts.site.api.injectWS(url, {}, { onInit: (w: WebSocket) => (got = collect(w)) });
  return { ws, got };
}

function collect(ws: WebSocket): Collected {
  const out = { text: [] as string[], binary: [] as Buffer[], closed: new Promise<number>((resolve) => ws.once('close', (code) => resolve(code))) };
  ws.on('message', (d, isBinary) => (isBinary ? out.binary.push(d as Buffer) : out.text.push(String(d))));
  return out;
}

describe('live media through the API with real cameras', () => {
  it('streams fMP4 over a WebSocket, LL-HLS and snapshots on the recorder\'s connection, and refuses bad tokens', async () => {
    const ts = await TestSite.open();
    const cam = await testCamera({ width: 320, height: 240 });
    const camera = await ts.addRtspCamera(cam.url);
    await ts.waitForFramesWritten(camera.id, 10);
    const live = (await ts.request<LiveBody>('GET', `/api/cameras/${camera.id}/live?width=320&height=240`)).body;
    expect(live).toMatchObject({ streamKey: 'main', recommended: 'mse' });

    const { ws, got } = await open(ts, live.webSocketUrl);
    await until(() => got.binary.length >= 30, () => `fMP4 messages: ${got.binary.length}`);
    ws.terminate();
    expect(JSON.parse(got.text[0]!)).toMatchObject({ type: 'init', mimeType: expect.stringContaining('avc1') });
    const file = join(ts.dataDir, 'live.mp4');
    writeFileSync(file, Buffer.concat(got.binary));
    const frames = Number(execFileSync('ffprobe', ['-v', 'error', '-count_frames', '-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', file]).toString().trim());
    expect(frames).toBeGreaterThanOrEqual(25);
    // Viewers share the recorder's connection to the camera.
    expect((await ts.status(camera.id)).connection?.attempts).toBe(1);

    const snap = await ts.site.api.inject({ method: 'GET', url: live.snapshotUrl });
    expect(snap.statusCode).toBe(200);
    expect(snap.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));

    const playlist = await ts.site.api.inject({ method: 'GET', url: live.hlsUrl });
    expect(playlist.statusCode).toBe(200);
    expect(playlist.body).toContain('#EXT-X-MAP');
    expect(playlist.body.split('\n').filter((l) => l && !l.startsWith('#')).every((l) => l.includes('token='))).toBe(true);

    expect(await (await open(ts, `/media/cameras/${camera.id}/live.mp4`)).got.closed).toBe(4401);
    const other = await ts.addRtspCamera((await testCamera({ width: 320, height: 240 })).url);
    const foreign = live.webSocketUrl.replace(`/cameras/${camera.id}/`, `/cameras/${other.id}/`);
    expect(await (await open(ts, foreign)).got.closed).toBe(4403);
  });

  it('transcodes an H.265 camera for jsmpeg: MPEG-TS with MPEG-1 video', async () => {
    const ts = await TestSite.open();
    const cam = await testCamera({ codec: 'h265', width: 320, height: 240 });
    const camera = await ts.addRtspCamera(cam.url);
    await ts.waitForFramesWritten(camera.id, 10);
    const live = (await ts.request<LiveBody>('GET', `/api/cameras/${camera.id}/live`)).body;
    expect(live.recommended).toBe('jsmpeg');
    const { ws, got } = await open(ts, `${live.jsmpegUrl}&width=320&height=240`);
    await until(() => got.binary.reduce((n, b) => n + b.length, 0) > 20_000, () => `jsmpeg bytes: ${got.binary.length} messages`, 15_000);
    ws.terminate();
    const ts188 = Buffer.concat(got.binary);
    expect(ts188.length % 188).toBe(0);
    const file = join(ts.dataDir, 'live.ts');
    writeFileSync(file, ts188);
    const probe = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=codec_name,width,height', '-of', 'csv=p=0', file]).toString();
    expect(probe.trim().split('\n')[0]).toBe('mpeg1video,320,240');
  });
});
