import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { MotionSearchBody } from './apiTypes';
import { LIVE_EDGE_POLL_MS, motionSearchQuery, ptzPresetsQuery } from './queries';
import { normalizeMotionSearch, queryKeys } from './queryKeys';
import { ApiError, SiteClient } from './siteClient';

interface Sent { method: string; path: string; body: unknown }

/** A signed-in client whose site answers every API call with `answer`, recording what it was sent. */
async function site(answer: (req: Sent) => Response) {
  const sent: Sent[] = [];
  const client = new SiteClient({
    baseUrl: 'http://site',
    fetch: async (input, init) => {
      const req = { method: init?.method ?? 'GET', path: new URL(String(input)).pathname, body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined };
      if (req.path === '/api/login') {
        return Response.json({ token: 't', refreshToken: 'r', expiresAt: '', refreshExpiresAt: '', user: { id: 'u', username: 'u', roleIds: [] } });
      }
      sent.push(req);
      return answer(req);
    },
  });
  await client.login('u', 'p');
  return { client, sent };
}

const noContent = () => new Response(null, { status: 204 });
const search: MotionSearchBody = {
  cameraIds: ['b', 'a', 'b'], from: '2026-01-01T00:00:00.000Z', to: '2026-01-01T01:00:00.000Z', region: { x: 0, y: 0, width: 0.5, height: 0.5 },
};

const queryClients: QueryClient[] = [];
afterEach(() => { for (const qc of queryClients.splice(0)) qc.clear(); });
function newQueryClient() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClients.push(qc);
  return qc;
}

describe('SiteClient PTZ and motion search', () => {
  it('sends PTZ commands to the camera\'s paths, with the token encoded', async () => {
    const { client, sent } = await site((req) => (req.method === 'GET' ? Response.json([{ token: '1', name: 'Gate' }]) : noContent()));
    await expect(client.ptzMove('cam 1', { pan: 0.5, tilt: 0, zoom: -1, timeoutMs: 1000 })).resolves.toBeUndefined();
    await client.ptzStop('cam 1');
    expect(await client.listPtzPresets('cam 1')).toEqual([{ token: '1', name: 'Gate' }]);
    await client.gotoPtzPreset('cam 1', 'a/b');
    expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/cameras/cam%201/ptz/move', 'POST /api/cameras/cam%201/ptz/stop', 'GET /api/cameras/cam%201/ptz/presets',
      'POST /api/cameras/cam%201/ptz/presets/a%2Fb/goto',
    ]);
    expect(sent[0]!.body).toEqual({ pan: 0.5, tilt: 0, zoom: -1, timeoutMs: 1000 });
  });

  it('reports a camera without PTZ as the site\'s error', async () => {
    const { client } = await site(() => Response.json({ code: 'VMS_ERR_BAD_INPUT', kind: 'badInput', message: 'camera "Door" has no PTZ' }, { status: 400 }));
    const error = await client.ptzStop('c').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 400, code: 'VMS_ERR_BAD_INPUT', message: 'camera "Door" has no PTZ' });
  });

  it('posts a motion search and returns the site\'s answer', async () => {
    const result = { hits: [{ cameraId: 'a', start: search.from, end: search.to, cells: 3, frames: 7 }], skippedCameraIds: [], truncated: false };
    const { client, sent } = await site(() => Response.json(result));
    expect(await client.searchMotion(search)).toEqual(result);
    expect(sent).toEqual([{ method: 'POST', path: '/api/search/motion', body: search }]);
  });
});

describe('PTZ and motion search queries', () => {
  it('keep presets under their camera, so invalidating the camera refreshes them', async () => {
    const { client, sent } = await site(() => Response.json([{ token: '1', name: 'Gate' }]));
    const qc = newQueryClient();
    await qc.fetchQuery(ptzPresetsQuery(client, 'c1'));
    expect(queryKeys.ptzPresets('c1').slice(0, 2)).toEqual(queryKeys.camera('c1'));
    await qc.invalidateQueries({ queryKey: queryKeys.camera('c1') });
    expect(qc.getQueryState(queryKeys.ptzPresets('c1'))?.isInvalidated).toBe(true);
    await qc.fetchQuery(ptzPresetsQuery(client, 'c1'));
    expect(sent).toHaveLength(2);
  });

  it('share one cache entry for the same search in any camera order, and send it normalized', async () => {
    const { client, sent } = await site(() => Response.json({ hits: [], skippedCameraIds: [], truncated: false }));
    const qc = newQueryClient();
    const past = Date.parse(search.to) + 10 * LIVE_EDGE_POLL_MS;
    await qc.fetchQuery(motionSearchQuery(client, search, past));
    await qc.fetchQuery(motionSearchQuery(client, { ...search, cameraIds: ['a', 'b'] }, past));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.body).toMatchObject({ cameraIds: ['a', 'b'] });
    expect(queryKeys.motionSearch(search)).toEqual(['motionSearch', normalizeMotionSearch({ ...search, cameraIds: ['a', 'b'] })]);
    expect(motionSearchQuery(client, search, past).staleTime).toBe(Infinity);
    expect(motionSearchQuery(client, search, Date.parse(search.to)).staleTime).toBe(LIVE_EDGE_POLL_MS);
  });
});
