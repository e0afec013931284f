import { describe, expect, it } from 'vitest';
import type { ViewBody } from '../../src/api/common/viewSchemas';
import { OPERATORS_ROLE_ID } from '../../src/management/common/permissions';
import { TestSite } from './siteFixture';
import type { ErrorReply } from './siteFixture';

const tiles2x2 = [0, 1, 2, 3].map((i) => ({ x: i % 2, y: Math.floor(i / 2), width: 1, height: 1 }));
const request = (o: object = {}) => ({
  name: 'Entrances', shared: true, layoutId: '2x2', layout: { columns: 2, rows: 2, tiles: tiles2x2 }, cameraIds: ['cam-a', null, null, 'cam-b'], ...o,
});

async function siteWithOperator(): Promise<{ ts: TestSite; operator: string }> {
  const ts = await TestSite.open();
  await ts.site.identity.createUser({ username: 'olivia', password: 'operator-pw', roleIds: [OPERATORS_ROLE_ID] });
  const login = await ts.request<{ token: string }>('POST', '/api/login', { username: 'olivia', password: 'operator-pw' }, null);
  return { ts, operator: login.body.token };
}

describe('views API', () => {
  it('creates, lists, replaces and deletes a view, auditing each change', async () => {
    const { ts, operator } = await siteWithOperator();
    const created = await ts.request<ViewBody>('POST', '/api/views', request(), operator);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ name: 'Entrances', shared: true, revision: 1, editable: true, cameraIds: ['cam-a', null, null, 'cam-b'] });
    const id = created.body.id;
    // The administrator sees the shared view and may change it (manageConfiguration).
    expect((await ts.request<ViewBody[]>('GET', '/api/views')).body).toEqual([expect.objectContaining({ id, editable: true })]);

    const replaced = await ts.request<ViewBody>('PUT', `/api/views/${id}`, {
      ...request({ name: 'Big', layoutId: '1x1', layout: { columns: 1, rows: 1, tiles: [{ x: 0, y: 0, width: 1, height: 1 }] }, cameraIds: ['cam-a'] }), revision: 1,
    });
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    expect(replaced.body).toMatchObject({ name: 'Big', revision: 2, layoutId: '1x1', cameraIds: ['cam-a'] });
    expect(Date.parse(replaced.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(created.body.updatedAt));

    expect((await ts.request('DELETE', `/api/views/${id}`, undefined, operator)).status).toBe(204);
    expect((await ts.request<ViewBody[]>('GET', '/api/views', undefined, operator)).body).toEqual([]);

    const audit = (await ts.request<{ action: string; username: string; target: string; details: Record<string, unknown> }[]>('GET', '/api/audit-log?target=' + id)).body;
    expect(audit.map((e) => `${e.action} by ${e.username}`)).toEqual(['createView by olivia', 'updateView by admin', 'deleteView by olivia']);
    expect(audit[1]!.details.changes).toMatchObject({ name: { from: 'Entrances', to: 'Big' }, layoutId: { from: '2x2', to: '1x1' } });
  });

  it('refuses an update based on an old revision with 409 and keeps the newer one', async () => {
    const { ts, operator } = await siteWithOperator();
    const { id } = (await ts.request<ViewBody>('POST', '/api/views', request(), operator)).body;
    expect((await ts.request('PUT', `/api/views/${id}`, { ...request({ name: 'Admin edit' }), revision: 1 })).status).toBe(200);
    const late = await ts.request<ErrorReply>('PUT', `/api/views/${id}`, { ...request({ name: 'Operator edit' }), revision: 1 }, operator);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('VMS_ERR_STALE_REVISION');
    expect(late.body.message).toMatch(/revision 2, not 1/);
    const [view] = (await ts.request<ViewBody[]>('GET', '/api/views', undefined, operator)).body;
    expect(view).toMatchObject({ name: 'Admin edit', revision: 2 });
  });

  it('answers bad views with 400 and a reason, storing nothing', async () => {
    const { ts } = await siteWithOperator();
    const cases: [object, RegExp][] = [
      [request({ cameraIds: ['cam-a'] }), /one entry .* per tile: 4, not 1/],
      [request({ layout: { columns: 2, rows: 2, tiles: [{ x: 0, y: 0, width: 2, height: 2 }, { x: 1, y: 1, width: 1, height: 1 }] }, cameraIds: [null, null] }), /overlaps/],
      [request({ layout: { columns: 2, rows: 2, tiles: [{ x: 1, y: 1, width: 2, height: 1 }] }, cameraIds: [null] }), /not inside the 2×2 grid/],
      [request({ name: '' }), /name/],
      [request({ name: 'x'.repeat(101) }), /name/],
      [request({ name: '   ' }), /not only spaces/],
      [request({ layoutId: '5x5' }), /layoutId/],
      [request({ layout: { columns: 9, rows: 9, tiles: Array.from({ length: 65 }, (_, i) => ({ x: i % 9, y: Math.floor(i / 9), width: 1, height: 1 })) }, cameraIds: Array(65).fill(null) }), /tiles|cameraIds/],
      [request({ owner: 'someone' }), /additional|owner/],
    ];
    for (const [body, reason] of cases) {
      const res = await ts.request<ErrorReply>('POST', '/api/views', body);
      expect(res.status, JSON.stringify(body).slice(0, 120)).toBe(400);
      expect(res.body.code).toBe('VMS_ERR_BAD_INPUT');
      expect(res.body.message).toMatch(reason);
    }
    expect((await ts.request<ViewBody[]>('GET', '/api/views')).body).toEqual([]);
  });
});
