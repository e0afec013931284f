import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { openSecuritySite } from './securityFixture';
import type { SecuritySite } from './securityFixture';
import { TestSite, testCamera, until } from './siteFixture';

const iso = (ms: number) => new Date(ms).toISOString();
const hour = 3600_000;

interface PlaybackBody { token: string; hlsUrl: string; webSocketUrl: string; thumbnailUrl: string }

async function playbackOf(s: SecuritySite, actor: 'allOnA' | 'admin', cameraId: string): Promise<PlaybackBody> {
  const res = await s.as(actor, 'GET', `/api/cameras/${cameraId}/playback?from=${iso(s.clock.now() - hour)}&to=${iso(s.clock.now())}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as PlaybackBody;
}

/** A media path request with no bearer header: players only have the URL. */
async function media(ts: TestSite, url: string): Promise<{ status: number; code?: string }> {
  const res = await ts.site.api.inject({ method: 'GET', url });
  return { status: res.statusCode, code: String(res.headers['content-type'] ?? '').includes('json') ? (res.json() as { code: string }).code : undefined };
}

function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

describe('media paths take only a valid media token for their own camera', () => {
  it('refuses missing, foreign, tampered, expired and revoked tokens, and rights taken away', async () => {
    const s = await openSecuritySite();
    const p = await playbackOf(s, 'allOnA', s.cameraA);
    const vodA = p.hlsUrl;
    const at = `at=${iso(s.clock.now() - 60_000)}`;
    expect(await media(s.ts, vodA.replace(/&token=.*/, ''))).toEqual({ status: 401, code: 'VMS_ERR_UNAUTHENTICATED' });
    expect(await media(s.ts, `/media/cameras/${s.cameraA}/thumbnail.jpg?${at}`)).toMatchObject({ status: 401 });
    // A token for camera A never opens camera B, on any path.
    expect(await media(s.ts, vodA.replace(`/cameras/${s.cameraA}/`, `/cameras/${s.cameraB}/`))).toEqual({ status: 403, code: 'VMS_ERR_PERMISSION_DENIED' });
    expect(await media(s.ts, `/media/cameras/${s.cameraB}/thumbnail.jpg?${at}&token=${p.token}`)).toMatchObject({ status: 403 });
    expect(await media(s.ts, `/media/cameras/${s.cameraB}/hls/init-1.mp4?token=${p.token}`)).toMatchObject({ status: 403 });
    const hlsToken = new URL(vodA, 'http://x').searchParams.get('token')!;
    const [body, mac] = hlsToken.split('.');
    expect(await media(s.ts, vodA.replace(hlsToken, `${body}x.${mac}`))).toMatchObject({ status: 401 });

    // Logout revokes the media tokens of that sign-in.
    const other = await s.login('allOnA', 'allOnA-password');
    const p2 = (await s.ts.request<PlaybackBody>('GET', `/api/cameras/${s.cameraA}/playback?from=${iso(s.clock.now() - hour)}&to=${iso(s.clock.now())}`, undefined, other.token)).body;
    expect((await media(s.ts, p2.hlsUrl)).status).not.toBe(401);
    expect((await s.ts.request('POST', '/api/logout', undefined, other.token)).status).toBe(204);
    expect(await media(s.ts, p2.hlsUrl)).toMatchObject({ status: 401 });

    // Taking the playback right away takes effect on tokens already issued.
    const fresh = await playbackOf(s, 'allOnA', s.cameraA);
    expect((await s.as('admin', 'PATCH', `/api/roles/${s.roleIds.allOnA}`, { grants: [{ cameraId: s.cameraA, rights: ['live'] }] })).status).toBe(200);
    expect(await media(s.ts, fresh.hlsUrl)).toMatchObject({ status: 403 });

    // Media tokens are short-lived: 5 minutes to open a socket, a few hours for an HLS URL.
    const adminP = await playbackOf(s, 'admin', s.cameraA);
    s.clock.offsetMs += 6 * 60_000;
    expect(await closeCode(await s.ts.site.api.injectWS(adminP.webSocketUrl))).toBe(4401);
    expect((await media(s.ts, adminP.hlsUrl)).status).not.toBe(401);
    s.clock.offsetMs += 5 * 3600_000;
    expect(await media(s.ts, adminP.hlsUrl)).toMatchObject({ status: 401 });
  });

  it('refuses live paths without a token, and a live token on another camera', async () => {
    const s = await openSecuritySite();
    const live = (await s.as('allOnA', 'GET', `/api/cameras/${s.cameraA}/live`)).body as { token: string; hlsUrl: string; snapshotUrl: string; jsmpegUrl: string; webSocketUrl: string };
    const strip = (u: string) => u.replace(/([?&])token=[^&]*/, '$1');
    const onB = (u: string) => u.replace(`/cameras/${s.cameraA}/`, `/cameras/${s.cameraB}/`);
    for (const url of [live.hlsUrl, live.snapshotUrl]) {
      expect((await media(s.ts, strip(url))).status, strip(url)).toBe(401);
      expect((await media(s.ts, onB(url))).status, onB(url)).toBe(403);
    }
    const app = s.ts.site.api;
    for (const url of [live.jsmpegUrl, live.webSocketUrl]) {
      expect(await closeCode(await app.injectWS(strip(url)))).toBe(4401);
      expect(await closeCode(await app.injectWS(onB(url)))).toBe(4403);
    }
    // A playback token does not open live video (rights are per use, not per camera only).
    const p = await playbackOf(s, 'allOnA', s.cameraA);
    expect((await media(s.ts, `${strip(live.snapshotUrl)}&token=${p.token}`)).status).toBe(403);
  });

  it('takes a snapshot through the live link only with the snapshot right', async () => {
    const s = await openSecuritySite();
    const liveOnly = (await s.as('liveOnA', 'GET', `/api/cameras/${s.cameraA}/live`)).body as { snapshotUrl: string };
    expect((await media(s.ts, liveOnly.snapshotUrl)).status).toBe(403);
    const all = (await s.as('allOnA', 'GET', `/api/cameras/${s.cameraA}/live`)).body as { snapshotUrl: string };
    expect((await media(s.ts, all.snapshotUrl)).status).not.toBe(403);
  });

  it('answers a malformed playback command with an error message, not a crash', async () => {
    const s = await openSecuritySite();
    const p = await playbackOf(s, 'allOnA', s.cameraA);
    const ws = await s.ts.site.api.injectWS(p.webSocketUrl);
    const answers: string[] = [];
    ws.on('message', (d) => answers.push(String(d)));
    ws.send('not json');
    ws.send(JSON.stringify({ no: 'type' }));
    await until(() => answers.length >= 2, () => `answers: ${answers.join(' ')}`);
    expect(answers.map((a) => JSON.parse(a) as { type: string; code: string })).toEqual([
      expect.objectContaining({ type: 'error', code: 'VMS_ERR_BAD_INPUT' }),
      expect.objectContaining({ type: 'error', code: 'VMS_ERR_BAD_INPUT' }),
    ]);
    expect((await s.as('admin', 'GET', '/api/health')).status).toBe(200);
    ws.terminate();
  });

  it('closes an open media WebSocket soon after its sign-in ends', async () => {
    const s = await openSecuritySite();
    const session = await s.login('allOnA', 'allOnA-password');
    const res = await s.ts.request<PlaybackBody>('GET', `/api/cameras/${s.cameraA}/playback?from=${iso(s.clock.now() - hour)}&to=${iso(s.clock.now())}`, undefined, session.token);
    const ws = await s.ts.site.api.injectWS(res.body.webSocketUrl);
    const closed = closeCode(ws);
    expect((await s.ts.request('POST', '/api/logout', undefined, session.token)).status).toBe(204);
    expect(await closed).toBe(4401);
  });

  it('keeps HLS URLs working past the short media token lifetime while the sign-in lasts', async () => {
    const s = await openSecuritySite();
    const p = await playbackOf(s, 'allOnA', s.cameraA);
    s.clock.offsetMs += 30 * 60_000;
    expect((await media(s.ts, p.hlsUrl)).status).not.toBe(401);
    expect(await closeCode(await s.ts.site.api.injectWS(p.webSocketUrl))).toBe(4401); // the 5-minute token
  });

  it('closes the playback WebSocket without a valid token, and serves one with a token', async () => {
    const s = await openSecuritySite();
    const app = s.ts.site.api;
    expect(await closeCode(await app.injectWS('/media/playback'))).toBe(4401);
    expect(await closeCode(await app.injectWS('/media/playback?tokens=forged.token'))).toBe(4401);
    const p = await playbackOf(s, 'allOnA', s.cameraA);
    const ws = await app.injectWS(p.webSocketUrl);
    const first = new Promise<string>((resolve) => ws.once('message', (d) => resolve(String(d))));
    ws.send(JSON.stringify({ type: 'seek', at: iso(s.clock.now() - 60_000) }));
    // Nothing is recorded on this fake camera: the session answers with a JSON message, not bytes.
    expect(JSON.parse(await first)).toHaveProperty('type');
    ws.terminate();
  });
});

describe('playback and export of a real recording', () => {
  it('serves HLS VOD, thumbnails, a WebSocket seek, and an MP4 export that ffprobe reads', async () => {
    const ts = await TestSite.open();
    const cam = await testCamera({ width: 320, height: 240 });
    const camera = await ts.addRtspCamera(cam.url);
    const from = Date.now();
    await ts.waitForFramesWritten(camera.id, 100);
    await ts.patchCamera(camera.id, { policy: { mode: 'never' } });
    await ts.waitForSealed();
    const to = Date.now();

    const p = (await ts.request<PlaybackBody>('GET', `/api/cameras/${camera.id}/playback?from=${iso(from - 5000)}&to=${iso(to)}`)).body;
    const playlist = await ts.site.api.inject({ method: 'GET', url: p.hlsUrl });
    expect(playlist.statusCode).toBe(200);
    expect(playlist.body).toContain('#EXT-X-PLAYLIST-TYPE:VOD');
    const uris = [...playlist.body.matchAll(/URI="([^"]+)"/g)].map((m) => m[1]!).concat(playlist.body.split('\n').filter((l) => l && !l.startsWith('#')));
    expect(uris.length).toBeGreaterThan(1);
    expect(uris.every((u) => u.includes('token='))).toBe(true);
    const base = p.hlsUrl.slice(0, p.hlsUrl.indexOf('vod.m3u8'));
    const bytes = await Promise.all(uris.map(async (u) => (await ts.site.api.inject({ method: 'GET', url: base + u })).rawPayload));
    const file = join(ts.dataDir, 'vod.mp4');
    writeFileSync(file, Buffer.concat(bytes));
    const frames = Number(execFileSync('ffprobe', ['-v', 'error', '-count_frames', '-select_streams', 'v:0', '-show_entries', 'stream=nb_read_frames', '-of', 'csv=p=0', file]).toString().trim());
    expect(frames).toBeGreaterThanOrEqual(100);

    const thumb = await ts.site.api.inject({ method: 'GET', url: `/api/cameras/${camera.id}/thumbnail?at=${iso(from + 2000)}&width=160`, headers: { authorization: `Bearer ${ts.token}` } });
    expect(thumb.statusCode).toBe(200);
    expect(thumb.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));

    const ws = await ts.site.api.injectWS(p.webSocketUrl);
    const got: (string | Buffer)[] = [];
    ws.on('message', (d, isBinary) => got.push(isBinary ? (d as Buffer) : String(d)));
    ws.send(JSON.stringify({ type: 'seek', at: iso(from + 2000) }));
    await until(() => got.some((m) => typeof m === 'string' && m.includes('"seeked"')) && got.some((m) => typeof m !== 'string'), () => `seek answers: ${got.filter((m) => typeof m === 'string').join(' ')}`);
    ws.terminate();

    const job = await ts.request<{ id: string }>('POST', '/api/exports', { cameraIds: [camera.id], from: iso(from), to: iso(to), format: 'mp4' });
    expect(job.status).toBe(202);
    let done: { state: string; files: { name: string; downloadUrl: string }[] } | undefined;
    await until(async () => {
      done = (await ts.request<typeof done & object>('GET', `/api/exports/${job.body.id}`)).body;
      return done.state === 'done' || done.state === 'failed';
    }, () => `export state ${done?.state}`);
    expect(done!.state).toBe('done');
    const download = await ts.site.api.inject({ method: 'GET', url: done!.files[0]!.downloadUrl });
    expect(download.statusCode).toBe(200);
    const exported = join(ts.dataDir, 'export.mp4');
    writeFileSync(exported, download.rawPayload);
    const probe = execFileSync('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name,width,height', '-of', 'csv=p=0', exported]).toString().trim();
    expect(probe).toBe('h264,320,240');
    // Download names are the job's own files only: no way out of the export folder.
    const token = new URL(done!.files[0]!.downloadUrl, 'http://x').searchParams.get('token')!;
    for (const name of ['..%2F..%2Fsite-key.json', '..%2Fconfig.db', '%2Fetc%2Fpasswd', '..\\..\\site-key.json']) {
      expect((await ts.request('GET', `/api/exports/${job.body.id}/files/${name}`)).status, name).toBe(404);
      expect((await ts.site.api.inject({ method: 'GET', url: `/media/exports/${job.body.id}/${name}?token=${token}` })).statusCode, name).toBe(404);
    }
    expect((await ts.site.api.inject({ method: 'GET', url: `/media/exports/${job.body.id}/..%2F..%2Fsite-key.json` })).statusCode).toBe(401);
    const audit = (await ts.request<{ action: string }[]>('GET', '/api/audit-log?action=createExport')).body;
    expect(audit).toHaveLength(1);
    const downloads = (await ts.request<{ details: { via?: string } }[]>('GET', '/api/audit-log?action=downloadExport')).body;
    expect(downloads.map((d) => d.details.via)).toEqual(['link']);
  });
});
