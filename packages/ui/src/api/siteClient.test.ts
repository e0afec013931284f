import { describe, expect, it } from 'vitest';
import { ApiError, NETWORK_ERROR_CODE, SiteClient, queryString } from './siteClient';
import type { SiteSession } from './siteClient';

interface Sent { method: string; url: string; auth: string | null; body: unknown }
type Handler = (req: Sent) => Response | Promise<Response>;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

const pair = (n: number) => ({
  token: `t${n}`, refreshToken: `r${n}`, expiresAt: '2026-01-01T00:05:00.000Z', refreshExpiresAt: '2026-01-02T00:00:00.000Z',
  user: { id: 'u1', username: 'ada', roleIds: ['operators'] },
});

/** A site answering from a handler, recording every request. */
function fakeSite(handler: Handler) {
  const sent: Sent[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    const req = {
      method: init?.method ?? 'GET', url: String(input), auth: headers.get('authorization'),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    };
    sent.push(req);
    return handler(req);
  };
  return { sent, client: new SiteClient({ baseUrl: 'https://site:8443/', fetch: fetchImpl }) };
}

/** Login gives t1/r1; refreshing r1 gives t2; only t2 is accepted on API calls after `expireFirst`. */
function rotatingSite(options: { refreshStatus?: number } = {}) {
  let refreshes = 0;
  return {
    get refreshes() { return refreshes; },
    handler: (req: Sent): Response => {
      if (req.url.endsWith('/api/login')) return json(200, pair(1));
      if (req.url.endsWith('/api/token/refresh')) {
        refreshes++;
        if (options.refreshStatus) return json(options.refreshStatus, { code: 'VMS_ERR_TOKEN_REUSED', kind: 'unauthenticated', message: 'reused' });
        return json(200, pair(2));
      }
      if (req.auth !== 'Bearer t2') return json(401, { code: 'VMS_ERR_UNAUTHENTICATED', kind: 'unauthenticated', message: 'expired' });
      return json(200, []);
    },
  };
}

describe('SiteClient', () => {
  it('signs in, sends the bearer token and typed queries', async () => {
    const { sent, client } = fakeSite((req) => (req.url.endsWith('/login') ? json(200, pair(1)) : json(200, { cameraId: 'c 1', recordings: [], motion: [] })));
    const sessions: (SiteSession | null)[] = [];
    client.onDidChangeSession((s) => sessions.push(s));
    const session = await client.login('ada', 'secret');
    expect(session.user.username).toBe('ada');
    expect(sent[0]).toMatchObject({ method: 'POST', url: 'https://site:8443/api/login', auth: null, body: { username: 'ada', password: 'secret' } });
    const body = await client.listSequences('c 1', { from: '2026-01-01T00:00:00.000Z', to: '2026-01-01T01:00:00.000Z' });
    expect(body.cameraId).toBe('c 1');
    expect(sent[1]!.url).toBe('https://site:8443/api/cameras/c%201/sequences?from=2026-01-01T00%3A00%3A00.000Z&to=2026-01-01T01%3A00%3A00.000Z');
    expect(sent[1]!.auth).toBe('Bearer t1');
    expect(sessions).toHaveLength(1);
  });

  it('refreshes once on 401 and retries with the new token', async () => {
    const site = rotatingSite();
    const { sent, client } = fakeSite(site.handler);
    await client.login('ada', 'pw');
    await expect(client.listCameras()).resolves.toEqual([]);
    expect(sent.map((s) => s.url.replace('https://site:8443', ''))).toEqual(['/api/login', '/api/cameras', '/api/token/refresh', '/api/cameras']);
    expect(sent[2]!.body).toEqual({ refreshToken: 'r1' });
    expect(sent[3]!.auth).toBe('Bearer t2');
  });

  it('spends the single-use refresh token once for concurrent 401s', async () => {
    const site = rotatingSite();
    const { client } = fakeSite(site.handler);
    await client.login('ada', 'pw');
    await Promise.all([client.listCameras(), client.listExports(), client.listEvidenceLocks()]);
    expect(site.refreshes).toBe(1);
  });

  it('ends the session when the refresh is refused and reports the original 401', async () => {
    const site = rotatingSite({ refreshStatus: 401 });
    const { client } = fakeSite(site.handler);
    await client.login('ada', 'pw');
    const error = await client.listCameras().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'VMS_ERR_UNAUTHENTICATED', message: 'expired' });
    expect(client.session).toBeNull();
    await expect(client.listCameras()).rejects.toMatchObject({ status: 401 });
    expect(site.refreshes).toBe(1);
  });

  it('turns error bodies, non-JSON errors and network failures into ApiError', async () => {
    let answer: () => Response = () => json(403, { code: 'VMS_ERR_PERMISSION_DENIED', kind: 'permissionDenied', message: 'no playback' });
    const { client } = fakeSite((req) => (req.url.endsWith('/login') ? json(200, pair(1)) : answer()));
    await client.login('ada', 'pw');
    await expect(client.getPlayback('c', { from: 'a', to: 'b' })).rejects.toMatchObject({ status: 403, code: 'VMS_ERR_PERMISSION_DENIED', message: 'no playback' });
    answer = () => new Response('gateway down', { status: 502 });
    await expect(client.listCameras()).rejects.toMatchObject({ status: 502, code: 'HTTP_502', message: 'gateway down' });
    answer = () => { throw new TypeError('connection refused'); };
    await expect(client.listCameras()).rejects.toMatchObject({ status: 0, code: NETWORK_ERROR_CODE });
  });

  it('passes aborts through untouched', async () => {
    const { client } = fakeSite((req) => {
      if (req.url.endsWith('/login')) return json(200, pair(1));
      throw new DOMException('aborted', 'AbortError');
    });
    await client.login('ada', 'pw');
    await expect(client.listCameras({ signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('reads thumbnails as blobs with the instant they show', async () => {
    const { sent, client } = fakeSite((req) => (req.url.endsWith('/login') ? json(200, pair(1))
      : new Response(new Uint8Array([0xff, 0xd8]), { status: 200, headers: { 'content-type': 'image/jpeg', 'x-shown-at': '2026-01-01T00:00:01.000Z' } })));
    await client.login('ada', 'pw');
    const thumb = await client.getThumbnail('c', '2026-01-01T00:00:00.000Z', 160);
    expect(thumb.shownAt).toBe('2026-01-01T00:00:01.000Z');
    expect(thumb.jpeg.size).toBe(2);
    expect(sent[1]!.url).toContain('/api/cameras/c/thumbnail?at=2026-01-01T00%3A00%3A00.000Z&width=160');
  });

  it('logs out on the site and forgets the tokens, even when the site had already ended the session', async () => {
    const site = rotatingSite();
    const { sent, client } = fakeSite(site.handler);
    await client.login('ada', 'pw');
    await client.logout();
    expect(sent.at(-1)).toMatchObject({ method: 'POST', auth: 'Bearer t1' });
    expect(client.session).toBeNull();
    await expect(client.listCameras()).rejects.toMatchObject({ status: 401 });
    await client.logout();
    expect(sent).toHaveLength(2);
  });

  it('sends bodies and resolves site-relative media URLs', async () => {
    const { sent, client } = fakeSite((req) => (req.url.endsWith('/login') ? json(200, pair(1)) : json(202, { id: 'j1' })));
    await client.login('ada', 'pw');
    await client.createExport({ cameraIds: ['c'], from: 'a', to: 'b', format: 'mp4' });
    expect(sent[1]).toMatchObject({ method: 'POST', body: { cameraIds: ['c'], from: 'a', to: 'b', format: 'mp4' } });
    expect(client.resolveUrl('/media/playback?tokens=x', 'ws')).toBe('wss://site:8443/media/playback?tokens=x');
    expect(client.resolveUrl('/media/cameras/c/hls/vod.m3u8')).toBe('https://site:8443/media/cameras/c/hls/vod.m3u8');
  });
});

describe('SiteClient views and socket tokens', () => {
  it('lists, creates, replaces (PUT with the revision read) and deletes views', async () => {
    const { sent, client } = fakeSite((req) => (req.url.endsWith('/login') ? json(200, pair(1)) : req.method === 'DELETE' ? new Response(null, { status: 204 }) : json(200, [])));
    await client.login('ada', 'pw');
    const body = { name: 'Lobby', shared: true, layoutId: '1x1' as const, layout: { columns: 1, rows: 1, tiles: [{ x: 0, y: 0, width: 1, height: 1 }] }, cameraIds: ['c'] };
    await client.listViews();
    await client.createView(body);
    await client.updateView('v 1', { ...body, revision: 3 });
    await expect(client.deleteView('v 1')).resolves.toBeUndefined();
    expect(sent.slice(1).map((r) => `${r.method} ${r.url.replace('https://site:8443', '')}`)).toEqual([
      'GET /api/views', 'POST /api/views', 'PUT /api/views/v%201', 'DELETE /api/views/v%201',
    ]);
    expect(sent[3]!.body).toMatchObject({ revision: 3, name: 'Lobby' });
  });

  it('hands out the access token, refreshed when expired or when asked, and null once the session is gone', async () => {
    const fresh = { ...pair(1), expiresAt: new Date(Date.now() + 60_000).toISOString() };
    let refreshStatus = 200;
    const { sent, client } = fakeSite((req) => (req.url.endsWith('/login') ? json(200, fresh)
      : refreshStatus === 200 ? json(200, pair(2)) : json(refreshStatus, { code: 'VMS_ERR_UNAUTHENTICATED', kind: 'unauthenticated', message: 'ended' })));
    expect(await client.accessToken()).toBeNull();
    await client.login('ada', 'pw');
    expect(await client.accessToken()).toBe('t1');
    expect(sent).toHaveLength(1);
    expect(await client.accessToken({ refresh: true })).toBe('t2');
    // pair(2) expired long ago: asking again refreshes first.
    refreshStatus = 401;
    expect(await client.accessToken()).toBeNull();
    expect(client.session).toBeNull();
    expect(sent.map((r) => r.url.replace('https://site:8443', ''))).toEqual(['/api/login', '/api/token/refresh', '/api/token/refresh']);
  });
});

describe('queryString', () => {
  it('repeats array keys and leaves out undefined values', () => {
    expect(queryString({ cameraId: ['a', 'b'], text: undefined, limit: 5, zoomed: false })).toBe('?cameraId=a&cameraId=b&limit=5&zoomed=false');
    expect(queryString({})).toBe('');
  });
});
