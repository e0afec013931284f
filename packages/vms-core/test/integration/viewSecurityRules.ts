/**
 * The security test's rules for Smart Client views (spread into its table). Private views are
 * their owner's alone (others get 404, as for no view, administrators included); shared views
 * are listed for everyone and changed by their owner or a configuration manager (configurer),
 * with a real 403 for anyone else.
 */
import { expect } from 'vitest';
import type { Actor, SecuritySite } from './securityFixture';
import type { SecurityRule } from './bookmarkSecurityRules';

/** A 2×2 view body; camera B is in it whoever stores it (ids alone grant nothing). */
export function viewRequest(s: SecuritySite, o: { name?: string; shared?: boolean } = {}) {
  return {
    name: o.name ?? 'Entrances', shared: o.shared ?? false, layoutId: '2x2',
    layout: { columns: 2, rows: 2, tiles: [0, 1, 2, 3].map((i) => ({ x: i % 2, y: Math.floor(i / 2), width: 1, height: 1 })) },
    cameraIds: [s.cameraA, s.cameraB, null, null],
  };
}

export async function createView(s: SecuritySite, actor: Actor | 'admin', o: { name?: string; shared?: boolean } = {}): Promise<{ id: string; revision: number }> {
  const res = await s.as(actor, 'POST', '/api/views', viewRequest(s, o));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; revision: number };
}

const names = async (s: SecuritySite, actor: Actor | 'admin') => ((await s.as(actor, 'GET', '/api/views')).body as { name: string }[]).map((v) => v.name);

export const VIEW_RULES: Record<string, SecurityRule> = {
  listViews: async (s) => {
    await createView(s, 'allOnA', { name: 'allOnA private' });
    await createView(s, 'allOnA', { name: 'allOnA shared', shared: true });
    expect(await names(s, 'allOnA')).toEqual(expect.arrayContaining(['allOnA private', 'allOnA shared']));
    expect(await names(s, 'nobody')).toContain('allOnA shared');
    expect(await names(s, 'nobody')).not.toContain('allOnA private');
    expect(await names(s, 'admin')).not.toContain('allOnA private');
  },
  // Open to every signed-in user: a view is the user's own arrangement of what they may see.
  createView: async (s) => expect((await s.as('nobody', 'POST', '/api/views', viewRequest(s, { name: 'nobody view' }))).status).toBe(201),
  updateView: async (s) => {
    const shared = await createView(s, 'allOnA', { name: 'shared to edit', shared: true });
    const edit = { ...viewRequest(s, { name: 'edited', shared: true }), revision: shared.revision };
    await s.denied('liveOnA', 'PUT', `/api/views/${shared.id}`, edit);
    expect((await s.as('configurer', 'PUT', `/api/views/${shared.id}`, edit)).status).toBe(200);
    const own = await createView(s, 'allOnA', { name: 'private to edit' });
    expect((await s.as('admin', 'PUT', `/api/views/${own.id}`, { ...edit, revision: own.revision })).status).toBe(404);
    expect((await s.as('allOnA', 'PUT', `/api/views/${own.id}`, { ...edit, revision: own.revision })).status).toBe(200);
  },
  deleteView: async (s) => {
    const shared = await createView(s, 'allOnA', { name: 'shared to delete', shared: true });
    await s.denied('liveOnA', 'DELETE', `/api/views/${shared.id}`);
    const own = await createView(s, 'allOnA', { name: 'private to delete' });
    expect((await s.as('configurer', 'DELETE', `/api/views/${own.id}`)).status).toBe(404);
    expect((await s.as('configurer', 'DELETE', `/api/views/${shared.id}`)).status).toBe(204);
    expect((await s.as('allOnA', 'DELETE', `/api/views/${own.id}`)).status).toBe(204);
  },
};
