/**
 * The security test's rules for rules, user-defined and generic events and the logs (issue 6),
 * spread into its table. Defining and reading these needs manage configuration; listing and
 * triggering user-defined events is open to operators (live on some camera) too. Where an
 * allowed call ends in 404 or 409, that answer came after the right check, which is the point.
 */
import { expect } from 'vitest';
import type { Actor, Method, SecuritySite } from './securityFixture';
import type { SecurityRule } from './bookmarkSecurityRules';

/** A rule every site has: one of its default rules. */
const BUILT_IN = 'builtin-record-on-motion';

/** Denied to a camera-only and a user-managing role; the configurer gets `status`. */
async function needsConfiguration(s: SecuritySite, method: Method, url: string, body: unknown, status: number): Promise<void> {
  for (const actor of ['allOnA', 'userManager'] satisfies Actor[]) await s.denied(actor, method, url, body);
  const allowed = await s.as('configurer', method, url, body);
  expect(allowed.status, `configurer ${method} ${url}: ${JSON.stringify(allowed.body)}`).toBe(status);
}

async function userDefinedEvent(s: SecuritySite): Promise<string> {
  const res = await s.as('admin', 'POST', '/api/user-defined-events', { name: `Event ${Math.random()}` });
  expect(res.status).toBe(201);
  return (res.body as { id: string }).id;
}

const logRule = (name: string) => ({ kind: 'time', name, actions: [{ type: 'writeRuleLog', message: 'on' }] });

async function ownRule(s: SecuritySite): Promise<string> {
  const res = await s.as('admin', 'POST', '/api/rules', logRule(`Rule ${Math.random()}`));
  expect(res.status).toBe(201);
  return (res.body as { id: string }).id;
}

export const EVENT_RULE_RULES: Record<string, SecurityRule> = {
  listRules: (s) => needsConfiguration(s, 'GET', '/api/rules', undefined, 200),
  getRule: (s) => needsConfiguration(s, 'GET', `/api/rules/${BUILT_IN}`, undefined, 200),
  createRule: (s) => needsConfiguration(s, 'POST', '/api/rules', logRule('security create'), 201),
  // On a rule of their own: the site's default rules keep the cameras connected and recording for the other checks.
  updateRule: async (s) => needsConfiguration(s, 'PATCH', `/api/rules/${await ownRule(s)}`, { enabled: false }, 200),
  deleteRule: async (s) => needsConfiguration(s, 'DELETE', `/api/rules/${await ownRule(s)}`, undefined, 204),
  createUserDefinedEvent: async (s) => {
    await s.denied('liveOnA', 'POST', '/api/user-defined-events', { name: 'sneaky' });
    await needsConfiguration(s, 'POST', '/api/user-defined-events', { name: 'security create' }, 201);
  },
  deleteUserDefinedEvent: async (s) => {
    const id = await userDefinedEvent(s);
    await s.denied('liveOnA', 'DELETE', `/api/user-defined-events/${id}`);
    await needsConfiguration(s, 'DELETE', `/api/user-defined-events/${id}`, undefined, 204);
  },
  updateUserDefinedEvent: async (s) => {
    const id = await userDefinedEvent(s);
    await s.denied('liveOnA', 'PATCH', `/api/user-defined-events/${id}`, { description: 'sneaky' });
    await needsConfiguration(s, 'PATCH', `/api/user-defined-events/${id}`, { description: 'security update' }, 200);
  },
  listUserDefinedEvents: async (s) => {
    await s.denied('nobody', 'GET', '/api/user-defined-events');
    await s.denied('userManager', 'GET', '/api/user-defined-events');
    expect((await s.as('liveOnA', 'GET', '/api/user-defined-events')).status).toBe(200);
    expect((await s.as('configurer', 'GET', '/api/user-defined-events')).status).toBe(200);
  },
  triggerUserDefinedEvent: async (s) => {
    const id = await userDefinedEvent(s);
    await s.denied('nobody', 'POST', `/api/user-defined-events/${id}/trigger`);
    await s.denied('userManager', 'POST', `/api/user-defined-events/${id}/trigger`);
    const res = await s.as('liveOnA', 'POST', `/api/user-defined-events/${id}/trigger`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  },
  listGenericEventSources: (s) => needsConfiguration(s, 'GET', '/api/generic-event-sources', undefined, 200),
  createGenericEventSource: (s) => needsConfiguration(s, 'POST', '/api/generic-event-sources', { name: 'security udp', protocol: 'udp', port: 0 }, 201),
  updateGenericEventSource: (s) => needsConfiguration(s, 'PATCH', '/api/generic-event-sources/unknown', { enabled: false }, 404),
  deleteGenericEventSource: (s) => needsConfiguration(s, 'DELETE', '/api/generic-event-sources/unknown', undefined, 404),
  updateGenericEvent: (s) => needsConfiguration(s, 'PATCH', '/api/generic-events/unknown', { priority: 3 }, 404),
  listGenericEvents: (s) => needsConfiguration(s, 'GET', '/api/generic-events', undefined, 200),
  createGenericEvent: (s) => needsConfiguration(s, 'POST', '/api/generic-events', { name: 'security create', expressionType: 'search', expression: 'door' }, 201),
  deleteGenericEvent: (s) => needsConfiguration(s, 'DELETE', '/api/generic-events/unknown', undefined, 404),
  listSystemLog: (s) => needsConfiguration(s, 'GET', '/api/system-log', undefined, 200),
  listRuleLog: (s) => needsConfiguration(s, 'GET', '/api/rule-log', undefined, 200),
  getLogSettings: (s) => needsConfiguration(s, 'GET', '/api/log-settings', undefined, 200),
  updateLogSettings: (s) => needsConfiguration(s, 'PATCH', '/api/log-settings', { systemLogLevel: 'warning' }, 200),
};
