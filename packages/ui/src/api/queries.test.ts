import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import type { ExportJobBody } from './apiTypes';
import { EXPORT_POLL_MS, LIVE_EDGE_POLL_MS, camerasQuery, cameraStatusQuery, exportJobQuery, exportsQuery, sequencesQuery, bookmarksQuery, viewsQuery } from './queries';
import { bookmarkSearchQuery, queryKeys } from './queryKeys';
import { SiteClient } from './siteClient';

const HOUR = 3600_000;
const job = (id: string, state: string): ExportJobBody => ({
  id, state, progress: 0, format: 'mp4', cameraIds: ['c'], from: 'a', to: 'b', createdAt: 'a', files: [],
});

/** A signed-in client whose site answers GETs from a path → body map, counting calls. */
async function clientAnswering(bodies: Record<string, unknown>) {
  const calls: string[] = [];
  const client = new SiteClient({
    baseUrl: 'http://site',
    fetch: async (input) => {
      const path = new URL(String(input)).pathname;
      calls.push(path);
      const body = path === '/api/login'
        ? { token: 't', refreshToken: 'r', expiresAt: '', refreshExpiresAt: '', user: { id: 'u', username: 'u', roleIds: [] } }
        : bodies[path];
      return new Response(JSON.stringify(body), { status: 200 });
    },
  });
  await client.login('u', 'p');
  return { client, calls };
}

const queryClients: QueryClient[] = [];
function newQueryClient() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClients.push(qc);
  return qc;
}
afterEach(() => { for (const qc of queryClients.splice(0)) qc.clear(); });

describe('queryKeys', () => {
  it('nests every camera key under the camera, so one invalidation reaches them all', async () => {
    const qc = newQueryClient();
    const range = { from: '2026-01-01T00:00:00Z', to: '2026-01-01T01:00:00Z' };
    qc.setQueryData(queryKeys.cameraStatus('c1'), 1);
    qc.setQueryData(queryKeys.sequences('c1', range), 2);
    qc.setQueryData(queryKeys.sequences('c2', range), 3);
    await qc.invalidateQueries({ queryKey: queryKeys.camera('c1') });
    expect(qc.getQueryState(queryKeys.cameraStatus('c1'))?.isInvalidated).toBe(true);
    expect(qc.getQueryState(queryKeys.sequences('c1', range))?.isInvalidated).toBe(true);
    expect(qc.getQueryState(queryKeys.sequences('c2', range))?.isInvalidated).toBe(false);
    expect(queryKeys.sequences('c1', range)).toEqual(['cameras', 'c1', 'sequences', range]);
  });

  it('makes one bookmark key for the same search written differently', () => {
    const a = queryKeys.bookmarkSearch({ text: ' door ', cameraIds: ['b', 'a', 'b'], from: undefined });
    const b = queryKeys.bookmarkSearch({ text: 'door', cameraIds: ['a', 'b'] });
    expect(a).toEqual(b);
    expect(a).toEqual(['bookmarks', { text: 'door', cameraIds: ['a', 'b'] }]);
    expect(bookmarkSearchQuery({ cameraIds: [], text: '' })).toEqual({});
    expect(bookmarkSearchQuery({ cameraIds: ['x'] })).toEqual({ cameraId: ['x'] });
  });
});

describe('queries', () => {
  it('fetch through the client under their keys', async () => {
    const { client, calls } = await clientAnswering({ '/api/cameras': [{ id: 'c1' }], '/api/camera-status': [{ cameraId: 'c1' }], '/api/bookmarks': [] });
    const qc = newQueryClient();
    expect(await qc.fetchQuery(camerasQuery(client))).toEqual([{ id: 'c1' }]);
    expect(await qc.fetchQuery(cameraStatusQuery(client, 'c1'))).toEqual({ cameraId: 'c1' });
    await qc.fetchQuery(camerasQuery(client));
    expect(calls.filter((c) => c === '/api/cameras')).toHaveLength(1);
    await qc.fetchQuery(bookmarksQuery(client, { text: 'door' }));
    expect(qc.getQueryData(queryKeys.bookmarkSearch({ text: 'door' }))).toEqual([]);
  });

  it('keep views under one key that the updates socket writes into', async () => {
    const { client, calls } = await clientAnswering({ '/api/views': [{ id: 'v1' }] });
    const qc = newQueryClient();
    expect(await qc.fetchQuery(viewsQuery(client))).toEqual([{ id: 'v1' }]);
    expect(qc.getQueryData(queryKeys.views())).toEqual([{ id: 'v1' }]);
    await qc.fetchQuery(viewsQuery(client));
    expect(calls.filter((c) => c === '/api/views')).toHaveLength(1);
  });

  it('poll sequences only while the range reaches the present', async () => {
    const { client } = await clientAnswering({});
    const now = Date.parse('2026-01-01T12:00:00Z');
    const past = sequencesQuery(client, 'c', { from: new Date(now - 3 * HOUR).toISOString(), to: new Date(now - HOUR).toISOString() }, now);
    const open = sequencesQuery(client, 'c', { from: new Date(now - HOUR).toISOString(), to: new Date(now).toISOString() }, now);
    expect(past.refetchInterval).toBe(false);
    expect(past.staleTime).toBe(Infinity);
    expect(open.refetchInterval).toBe(LIVE_EDGE_POLL_MS);
  });

  it('poll export jobs while they run and stop when they finish', async () => {
    const { client } = await clientAnswering({ '/api/exports/j1': job('j1', 'running'), '/api/exports': [job('j1', 'done'), job('j2', 'queued')] });
    const qc = newQueryClient();
    const options = exportJobQuery(client, 'j1');
    const interval = options.refetchInterval as (q: unknown) => number | false;
    await qc.fetchQuery(options);
    const query = () => qc.getQueryCache().find({ queryKey: queryKeys.exportJob('j1') })!;
    expect(interval(query())).toBe(EXPORT_POLL_MS);
    qc.setQueryData(queryKeys.exportJob('j1'), job('j1', 'done'));
    expect(interval(query())).toBe(false);

    const list = exportsQuery(client);
    await qc.fetchQuery(list);
    const listInterval = list.refetchInterval as (q: unknown) => number | false;
    const listQuery = () => qc.getQueryCache().find({ queryKey: queryKeys.exports(), exact: true })!;
    expect(listInterval(listQuery())).toBe(EXPORT_POLL_MS);
    qc.setQueryData(queryKeys.exports(), [job('j1', 'done'), job('j2', 'cancelled')]);
    expect(listInterval(listQuery())).toBe(false);
  });
});
