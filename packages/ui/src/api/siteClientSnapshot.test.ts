import { describe, expect, it } from 'vitest';
import { ApiError, SiteClient } from './siteClient';

const SITE = 'http://site.test';
const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);

/** A site that signs in and answers getSnapshot with a JPEG, or with an error body. */
function fakeSite(error?: { status: number; code: string; message: string }) {
  const calls: { url: string; auth: string | null }[] = [];
  const fetchImpl = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, auth: new Headers(init?.headers).get('authorization') });
    if (url.endsWith('/api/login')) {
      return new Response(JSON.stringify({ token: 't1', refreshToken: 'r1', expiresAt: '2099-01-01T00:00:00Z', refreshExpiresAt: '2099-01-02T00:00:00Z', user: { id: 'u', username: 'admin', roleIds: [] } }));
    }
    if (error) return new Response(JSON.stringify({ ...error, kind: 'unavailable' }), { status: error.status });
    return new Response(JPEG, { headers: { 'content-type': 'image/jpeg' } });
  }) as typeof fetch;
  return { client: new SiteClient({ baseUrl: SITE, fetch: fetchImpl }), calls };
}

describe('SiteClient.getSnapshot', () => {
  it('fetches the JPEG with the bearer token, passing stream and width', async () => {
    const site = fakeSite();
    await site.client.login('admin', 'pw');
    const blob = await site.client.getSnapshot('cam 1', { stream: 'sub', width: 640 });
    expect(blob.type).toBe('image/jpeg');
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(JPEG);
    expect(site.calls[1]).toEqual({ url: `${SITE}/api/cameras/cam%201/snapshot?stream=sub&width=640`, auth: 'Bearer t1' });
  });

  it('turns the site\'s error into an ApiError', async () => {
    const site = fakeSite({ status: 503, code: 'VMS_ERR_UNAVAILABLE', message: 'no picture yet' });
    await site.client.login('admin', 'pw');
    await expect(site.client.getSnapshot('c')).rejects.toEqual(new ApiError(503, 'VMS_ERR_UNAVAILABLE', 'no picture yet'));
  });
});
