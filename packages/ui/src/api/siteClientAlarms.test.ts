import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { AlarmBody } from './apiTypes';
import { ALARM_PAGE_SIZE, alarmCountQuery, alarmQuery, alarmsQuery, userDefinedEventsQuery } from './queries';
import { normalizeAlarmFilter, queryKeys } from './queryKeys';
import { ApiError, SiteClient } from './siteClient';

const SITE = 'http://site.test';

const alarm = (id: number, state: AlarmBody['state'] = 'new'): AlarmBody => ({
  id, definitionId: 'd', definitionName: 'Door forced', raisedAt: '2026-03-01T10:00:00.000Z', updatedAt: '2026-03-01T10:00:00.000Z',
  state, priority: 2, category: 'Intrusion', source: { kind: 'userDefinedEvent', id: 'e', name: 'Panic' },
  event: { id: 7, type: 'userDefined', at: '2026-03-01T10:00:00.000Z', message: 'Panic' }, relatedCameraIds: ['c1'],
  instructions: 'Call the guard', sound: 'chime', repeats: 0,
});

/** A signed-in client; `answer` decides each API answer from the method and URL. */
async function fakeSite(answer: (method: string, url: URL, body: unknown) => { status: number; body: unknown }) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  const client = new SiteClient({
    baseUrl: SITE,
    fetch: (async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input));
      const body = init?.body ? JSON.parse(String(init.body)) : undefined;
      if (url.pathname === '/api/login') {
        return new Response(JSON.stringify({ token: 't', refreshToken: 'r', expiresAt: '2099-01-01T00:00:00Z', refreshExpiresAt: '2099-01-02T00:00:00Z', user: { id: 'u', username: 'op', roleIds: [] } }));
      }
      calls.push({ method: init?.method ?? 'GET', url: url.pathname + url.search, body });
      const a = answer(init?.method ?? 'GET', url, body);
      return new Response(a.status === 204 ? null : JSON.stringify(a.body), { status: a.status });
    }) as typeof fetch,
  });
  await client.login('op', 'pw');
  return { client, calls };
}

const queryClients: QueryClient[] = [];
function newQueryClient() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClients.push(qc);
  return qc;
}
afterEach(() => { for (const qc of queryClients.splice(0)) qc.clear(); });

describe('SiteClient alarms', () => {
  it('lists with repeated state and priority parameters and reads one alarm', async () => {
    const site = await fakeSite((_m, url) => ({ status: 200, body: url.pathname === '/api/alarms' ? { alarms: [alarm(1)], total: 1 } : { ...alarm(1), comments: [], history: [] } }));
    const list = await site.client.listAlarms({ state: ['new', 'onHold'], priority: [1, 2], sort: 'priority', limit: 0 });
    expect(list.total).toBe(1);
    expect((await site.client.getAlarm(1)).comments).toEqual([]);
    expect(site.calls.map((c) => c.url)).toEqual([
      '/api/alarms?state=new&state=onHold&sort=priority&limit=0&priority=1&priority=2',
      '/api/alarms/1',
    ]);
  });

  it('updates one alarm with PATCH and several with the bulk POST, answering the alarms', async () => {
    const site = await fakeSite((method, url, body) => {
      if (url.pathname === '/api/alarms/bulk') return { status: 200, body: { alarms: (body as { alarmIds: number[] }).alarmIds.map((id) => alarm(id, 'closed')) } };
      return { status: 200, body: { ...alarm(3, 'inProgress'), comments: [], history: [] } };
    });
    expect((await site.client.updateAlarm(3, { state: 'inProgress', comment: 'on my way' })).state).toBe('inProgress');
    expect((await site.client.bulkUpdateAlarms([4, 5], 'close')).map((a) => [a.id, a.state])).toEqual([[4, 'closed'], [5, 'closed']]);
    expect(site.calls).toEqual([
      { method: 'PATCH', url: '/api/alarms/3', body: { state: 'inProgress', comment: 'on my way' } },
      { method: 'POST', url: '/api/alarms/bulk', body: { alarmIds: [4, 5], action: 'close' } },
    ]);
  });

  it('turns a refused state change into an ApiError naming the field', async () => {
    const site = await fakeSite(() => ({ status: 400, body: { code: 'VMS_ERR_BAD_INPUT', message: 'a closed alarm stays closed', field: 'state' } }));
    const e = await site.client.updateAlarm(1, { state: 'inProgress' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect(e).toMatchObject({ status: 400, code: 'VMS_ERR_BAD_INPUT', field: 'state' });
  });

  it('lists and triggers user-defined events', async () => {
    const site = await fakeSite((method) => ({
      status: 200,
      body: method === 'POST' ? { eventId: 42, at: '2026-03-01T10:00:00.000Z' } : [{ id: 'e 1', name: 'Panic', description: '', createdAt: '', updatedAt: '', usedBy: [] }],
    }));
    expect((await site.client.listUserDefinedEvents()).map((e) => e.name)).toEqual(['Panic']);
    expect(await site.client.triggerUserDefinedEvent('e 1')).toEqual({ eventId: 42, at: '2026-03-01T10:00:00.000Z' });
    expect(site.calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /api/user-defined-events', 'POST /api/user-defined-events/e%201/trigger']);
  });
});

describe('alarm query keys and options', () => {
  it('keys the same filter in any order to one entry, under the list prefix', () => {
    const a = queryKeys.alarmList({ state: ['onHold', 'new', 'new'], priority: [3, 1], text: '  door ', sort: 'time' });
    const b = queryKeys.alarmList({ priority: [1, 3], state: ['new', 'onHold'], text: 'door' });
    expect(a).toEqual(b);
    expect(a).toEqual(['alarms', 'list', { state: ['new', 'onHold'], priority: [1, 3], text: 'door' }]);
    expect(normalizeAlarmFilter({ state: [], category: ' ', sort: 'priority' })).toEqual({ sort: 'priority' });
    expect(queryKeys.alarmCount({ state: ['new'] })).toEqual(['alarms', 'count', { state: ['new'] }]);
    expect(queryKeys.alarm(5)).toEqual(['alarms', 5]);
  });

  it('pages the list by the site\'s cursor and counts with limit 0', async () => {
    const site = await fakeSite((_m, url) => {
      if (url.searchParams.get('limit') === '0') return { status: 200, body: { alarms: [], total: 7 } };
      return url.searchParams.get('cursor') === 'next-1'
        ? { status: 200, body: { alarms: [alarm(1)], total: 2 } }
        : { status: 200, body: { alarms: [alarm(2)], total: 2, nextCursor: 'next-1' } };
    });
    const qc = newQueryClient();
    const options = alarmsQuery(site.client, { state: ['new'] });
    const data = await qc.fetchInfiniteQuery({ ...options, pages: 2 });
    expect(data.pages.flatMap((p) => p.alarms.map((a) => a.id))).toEqual([2, 1]);
    expect(await qc.fetchQuery(alarmCountQuery(site.client, { state: ['new'] }))).toBe(7);
    expect(site.calls.map((c) => c.url)).toEqual([
      `/api/alarms?state=new&limit=${ALARM_PAGE_SIZE}`,
      `/api/alarms?state=new&limit=${ALARM_PAGE_SIZE}&cursor=next-1`,
      '/api/alarms?state=new&limit=0',
    ]);
  });

  it('reads an alarm and the user-defined events under their keys', async () => {
    const site = await fakeSite((_m, url) => ({ status: 200, body: url.pathname === '/api/alarms/9' ? { ...alarm(9), comments: [], history: [] } : [] }));
    const qc = newQueryClient();
    await qc.fetchQuery(alarmQuery(site.client, 9));
    await qc.fetchQuery(userDefinedEventsQuery(site.client));
    expect(qc.getQueryData(queryKeys.alarm(9))).toMatchObject({ id: 9 });
    expect(qc.getQueryData(['config', 'userDefinedEvents', 'list'])).toEqual([]);
  });
});
