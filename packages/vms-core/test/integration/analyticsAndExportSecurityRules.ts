/**
 * The security test's rules for analytics sources and events and the log exports (issue 6),
 * spread into its table. Sources and the system and rule log exports need manage configuration,
 * the audit log export manage users (as their list operations). Sending an analytics event takes
 * no bearer token: the source's address and token are its check (analyticsEvents.test.ts).
 */
import { expect } from 'vitest';
import type { Actor, Method, SecuritySite } from './securityFixture';
import type { SecurityRule } from './bookmarkSecurityRules';

/** Denied to `denied`; `allowed` gets `status`. */
async function onlyFor(s: SecuritySite, allowed: Actor, denied: Actor[], method: Method, url: string, body: unknown, status: number): Promise<void> {
  for (const actor of denied) await s.denied(actor, method, url, body);
  const res = await s.as(allowed, method, url, body);
  expect(res.status, `${allowed} ${method} ${url}: ${JSON.stringify(res.body)}`).toBe(status);
}

/** A CSV export: the 403s are JSON as usual; the allowed answer is CSV, read raw. */
async function exportFor(s: SecuritySite, allowed: Actor, denied: Actor[], url: string): Promise<void> {
  for (const actor of denied) await s.denied(actor, 'GET', url);
  const res = await s.ts.site.api.inject({ method: 'GET', url, headers: { authorization: `Bearer ${s.tokens[allowed]}` } });
  expect(res.statusCode, `${allowed} GET ${url}: ${res.body.slice(0, 200)}`).toBe(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
}

const needsConfiguration = (s: SecuritySite, method: Method, url: string, body: unknown, status: number) =>
  onlyFor(s, 'configurer', ['allOnA', 'userManager'], method, url, body, status);

async function source(s: SecuritySite): Promise<string> {
  const res = await s.as('admin', 'POST', '/api/analytics-sources', { name: `VCA ${Math.random()}`, allowedAddresses: ['127.0.0.1'] });
  expect(res.status).toBe(201);
  return (res.body as { id: string }).id;
}

export const ANALYTICS_AND_EXPORT_RULES: Record<string, SecurityRule> = {
  sendAnalyticsEvent: 'public',
  listAnalyticsSources: (s) => needsConfiguration(s, 'GET', '/api/analytics-sources', undefined, 200),
  createAnalyticsSource: (s) => needsConfiguration(s, 'POST', '/api/analytics-sources', { name: 'security create', allowedAddresses: ['10.0.0.1'] }, 201),
  updateAnalyticsSource: async (s) => needsConfiguration(s, 'PATCH', `/api/analytics-sources/${await source(s)}`, { description: 'changed' }, 200),
  deleteAnalyticsSource: async (s) => needsConfiguration(s, 'DELETE', `/api/analytics-sources/${await source(s)}`, undefined, 204),
  exportSystemLog: (s) => exportFor(s, 'configurer', ['allOnA', 'userManager'], '/api/logs/system.csv'),
  exportRuleLog: (s) => exportFor(s, 'configurer', ['allOnA', 'userManager'], '/api/logs/rules.csv'),
  exportAuditLog: (s) => exportFor(s, 'userManager', ['configurer', 'allOnA'], '/api/audit-log.csv'),
};
