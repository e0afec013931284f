/**
 * The security test's rules for view groups and client profiles (spread into its table).
 * Private groups are their owner's alone (others get 404, administrators included); shared
 * groups are seen by their roles and configuration managers and changed only by the latter,
 * with a real 403 for a member who sees one. Client profiles are read by whoever manages
 * configuration or users and changed by configuration managers.
 */
import { expect } from 'vitest';
import type { Actor, SecuritySite } from './securityFixture';
import type { SecurityRule } from './bookmarkSecurityRules';

let made = 0;
/** A group with a name no other rule uses (all rules share one site). */
async function createGroup(s: SecuritySite, actor: Actor | 'admin', o: { shared: boolean; roleIds?: string[] }): Promise<{ id: string }> {
  const res = await s.as(actor, 'POST', '/api/view-groups', { name: `group ${++made}`, ...o });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
}

const groupIds = async (s: SecuritySite, actor: Actor | 'admin') => ((await s.as(actor, 'GET', '/api/view-groups')).body as { id: string }[]).map((g) => g.id);

async function createProfile(s: SecuritySite): Promise<{ id: string }> {
  const res = await s.as('configurer', 'POST', '/api/client-profiles', { name: `profile ${++made}` });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
}

export const VIEW_GROUP_AND_PROFILE_RULES: Record<string, SecurityRule> = {
  listViewGroups: async (s) => {
    const forLive = await createGroup(s, 'admin', { shared: true, roleIds: [s.roleIds.liveOnA!] });
    const own = await createGroup(s, 'allOnA', { shared: false });
    expect(await groupIds(s, 'liveOnA')).toContain(forLive.id);
    expect(await groupIds(s, 'allOnA')).not.toContain(forLive.id);
    expect(await groupIds(s, 'configurer')).toContain(forLive.id);
    expect(await groupIds(s, 'allOnA')).toContain(own.id);
    expect(await groupIds(s, 'admin')).not.toContain(own.id);
  },
  // A private group is anyone's own; a shared one is site configuration.
  createViewGroup: async (s) => {
    await s.denied('allOnA', 'POST', '/api/view-groups', { name: 'sneaky shared', shared: true });
    await s.denied('userManager', 'POST', '/api/view-groups', { name: 'sneaky shared', shared: true });
    expect((await s.as('nobody', 'POST', '/api/view-groups', { name: 'nobody private', shared: false })).status).toBe(201);
  },
  updateViewGroup: async (s) => {
    const shared = await createGroup(s, 'admin', { shared: true, roleIds: [s.roleIds.liveOnA!] });
    await s.denied('liveOnA', 'PATCH', `/api/view-groups/${shared.id}`, { name: 'taken over' });
    expect((await s.as('allOnA', 'PATCH', `/api/view-groups/${shared.id}`, { name: 'taken over' })).status).toBe(404);
    expect((await s.as('configurer', 'PATCH', `/api/view-groups/${shared.id}`, { allRoles: true })).status).toBe(200);
    const own = await createGroup(s, 'allOnA', { shared: false });
    expect((await s.as('admin', 'PATCH', `/api/view-groups/${own.id}`, { name: 'peeked' })).status).toBe(404);
    expect((await s.as('allOnA', 'PATCH', `/api/view-groups/${own.id}`, { name: 'renamed own' })).status).toBe(200);
  },
  deleteViewGroup: async (s) => {
    const shared = await createGroup(s, 'admin', { shared: true, roleIds: [s.roleIds.liveOnA!] });
    await s.denied('liveOnA', 'DELETE', `/api/view-groups/${shared.id}`);
    const own = await createGroup(s, 'allOnA', { shared: false });
    expect((await s.as('configurer', 'DELETE', `/api/view-groups/${own.id}`)).status).toBe(404);
    expect((await s.as('configurer', 'DELETE', `/api/view-groups/${shared.id}`)).status).toBe(204);
    expect((await s.as('allOnA', 'DELETE', `/api/view-groups/${own.id}`)).status).toBe(204);
  },
  listClientProfiles: async (s) => {
    await s.denied('allOnA', 'GET', '/api/client-profiles');
    expect((await s.as('userManager', 'GET', '/api/client-profiles')).status).toBe(200);
    expect((await s.as('configurer', 'GET', '/api/client-profiles')).status).toBe(200);
  },
  createClientProfile: async (s) => {
    await s.denied('userManager', 'POST', '/api/client-profiles', { name: 'sneaky' });
    await s.denied('allOnA', 'POST', '/api/client-profiles', { name: 'sneaky' });
  },
  updateClientProfile: async (s) => {
    const p = await createProfile(s);
    // Managing users does not include changing what the clients offer.
    await s.denied('userManager', 'PATCH', `/api/client-profiles/${p.id}`, { roleIds: [s.roleIds.userManager!] });
    await s.denied('allOnA', 'PATCH', `/api/client-profiles/${p.id}`, { settings: { exportAllowed: true } });
  },
  deleteClientProfile: async (s) => {
    const p = await createProfile(s);
    await s.denied('userManager', 'DELETE', `/api/client-profiles/${p.id}`);
    expect((await s.as('configurer', 'DELETE', `/api/client-profiles/${p.id}`)).status).toBe(204);
  },
};
