import { describe, expect, it } from 'vitest';
import { ApiError, SiteClient } from './siteClient';

interface Sent { method: string; url: string; auth: string | null; body: unknown }

const json = (status: number, body: unknown) => new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const login = {
  token: 't1', refreshToken: 'r1', expiresAt: '2099-01-01T00:00:00.000Z', refreshExpiresAt: '2099-01-02T00:00:00.000Z',
  user: { id: 'u1', username: 'ada', roleIds: [] },
};

function site(answer: (req: Sent) => Response) {
  const sent: Sent[] = [];
  const client = new SiteClient({
    baseUrl: 'http://site', fetch: async (input, init) => {
      const req = { method: init?.method ?? 'GET', url: String(input), auth: new Headers(init?.headers).get('authorization'),
        body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined };
      sent.push(req);
      return req.url.endsWith('/api/login') ? json(200, login) : answer(req);
    },
  });
  return { sent, client };
}

describe('SiteClient evidence locks, storages and health', () => {
  it('extends a lock with a PATCH of its end (null: indefinitely) and deletes it', async () => {
    const { sent, client } = site((req) => (req.method === 'DELETE' ? json(204, null) : json(200, { id: 'l 1', until: null })));
    await client.login('ada', 'pw');
    await client.extendEvidenceLock('l 1', null);
    await client.extendEvidenceLock('l 1', '2027-01-01T00:00:00.000Z');
    await expect(client.deleteEvidenceLock('l 1')).resolves.toBeUndefined();
    expect(sent.slice(1).map((r) => [r.method, r.url, r.body])).toEqual([
      ['PATCH', 'http://site/api/evidence-locks/l%201', { until: null }],
      ['PATCH', 'http://site/api/evidence-locks/l%201', { until: '2027-01-01T00:00:00.000Z' }],
      ['DELETE', 'http://site/api/evidence-locks/l%201', undefined],
    ]);
  });

  it('passes the site\'s refusal on as an ApiError', async () => {
    const { client } = site(() => json(403, { code: 'VMS_ERR_PERMISSION_DENIED', kind: 'permission denied', message: 'no evidenceLockDelete on cam-2' }));
    await client.login('ada', 'pw');
    const e = await client.deleteEvidenceLock('l').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 403, code: 'VMS_ERR_PERMISSION_DENIED', message: 'no evidenceLockDelete on cam-2' });
  });

  it('lists storages with the bearer token and asks for health without one', async () => {
    const { sent, client } = site((req) => json(200, req.url.endsWith('/health') ? { ok: true } : [{ id: 's1' }]));
    await expect(client.getHealth()).resolves.toEqual({ ok: true });
    await client.login('ada', 'pw');
    await expect(client.listStorages()).resolves.toEqual([{ id: 's1' }]);
    expect(sent.map((r) => [r.url, r.auth])).toEqual([
      ['http://site/api/health', null], ['http://site/api/login', null], ['http://site/api/storages', 'Bearer t1'],
    ]);
  });
});
