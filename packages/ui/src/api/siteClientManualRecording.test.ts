import { describe, expect, it } from 'vitest';
import { ApiError, SiteClient } from './siteClient';

const SITE = 'http://site.test';

/** A site that signs in, refreshes once, and answers the manual-recording route. */
function fakeSite(o: { expireFirst?: boolean; answer?: { status: number; body: unknown } } = {}) {
  const calls: { method: string; url: string; auth: string | null }[] = [];
  let token = 't1';
  const pair = (t: string) => ({ token: t, refreshToken: `r-${t}`, expiresAt: '2099-01-01T00:00:00Z', refreshExpiresAt: '2099-01-02T00:00:00Z', user: { id: 'u', username: 'op', roleIds: [] } });
  const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    const auth = new Headers(init?.headers).get('authorization');
    calls.push({ method: init?.method ?? 'GET', url, auth });
    if (url.endsWith('/api/login')) return json(200, pair(token));
    if (url.endsWith('/api/token/refresh')) {
      token = 't2';
      return json(200, pair(token));
    }
    if (o.expireFirst && auth === 'Bearer t1') return json(401, { code: 'VMS_ERR_UNAUTHENTICATED', kind: 'unauthenticated', message: 'expired' });
    const a = o.answer ?? { status: 200, body: { recording: init?.method === 'POST', until: init?.method === 'POST' ? '2026-03-01T10:05:00Z' : null } };
    return json(a.status, a.body);
  }) as typeof fetch;
  return { client: new SiteClient({ baseUrl: SITE, fetch: fetchImpl }), calls };
}

describe('SiteClient manual recording', () => {
  it('starts with POST and stops with DELETE on the camera, with the bearer token', async () => {
    const site = fakeSite();
    await site.client.login('op', 'pw');
    expect(await site.client.startManualRecording('cam 1')).toEqual({ recording: true, until: '2026-03-01T10:05:00Z' });
    expect(await site.client.stopManualRecording('cam 1')).toEqual({ recording: false, until: null });
    expect(site.calls.slice(1)).toEqual([
      { method: 'POST', url: `${SITE}/api/cameras/cam%201/manual-recording`, auth: 'Bearer t1' },
      { method: 'DELETE', url: `${SITE}/api/cameras/cam%201/manual-recording`, auth: 'Bearer t1' },
    ]);
  });

  it('refreshes once on 401 and retries', async () => {
    const site = fakeSite({ expireFirst: true });
    await site.client.login('op', 'pw');
    const r = await site.client.startManualRecording('c');
    expect(r.recording).toBe(true);
    expect(site.calls.map((c) => c.auth ?? c.url.slice(SITE.length))).toEqual(['/api/login', 'Bearer t1', '/api/token/refresh', 'Bearer t2']);
  });

  it('turns refusals into ApiError with the site code', async () => {
    const site = fakeSite({ answer: { status: 403, body: { code: 'VMS_ERR_PERMISSION_DENIED', kind: 'permissionDenied', message: 'no live right' } } });
    await site.client.login('op', 'pw');
    const e = await site.client.startManualRecording('c').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 403, code: 'VMS_ERR_PERMISSION_DENIED', message: 'no live right' });
  });

  it('refuses without a session', async () => {
    const site = fakeSite();
    await expect(site.client.startManualRecording('c')).rejects.toMatchObject({ status: 401 });
  });
});
