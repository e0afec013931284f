/**
 * The security test's rules for the SMTP settings and notification profiles (issue 6), spread
 * into its table. All of it is site configuration: manage configuration, nothing less. Where an
 * allowed call ends in 409 (no SMTP server for a test send), that answer came after the right
 * check, which is the point.
 */
import { expect } from 'vitest';
import type { SmtpSettingsBody } from '../../src/api/common/notificationSchemas';
import type { Actor, Method, SecuritySite } from './securityFixture';
import type { SecurityRule } from './bookmarkSecurityRules';

/** Denied to every camera role and the user manager; the configurer gets `status`. */
async function needsConfiguration(s: SecuritySite, method: Method, url: string, body: unknown, status: number): Promise<unknown> {
  for (const actor of ['allOnA', 'liveOnA', 'userManager', 'nobody'] satisfies Actor[]) await s.denied(actor, method, url, body);
  const allowed = await s.as('configurer', method, url, body);
  expect(allowed.status, `configurer ${method} ${url}: ${JSON.stringify(allowed.body)}`).toBe(status);
  return allowed.body;
}

async function profile(s: SecuritySite): Promise<string> {
  const res = await s.as('admin', 'POST', '/api/notification-profiles', { name: `Guards ${Math.random()}`, recipients: ['guards@example.com'], subject: '{event}' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (res.body as { id: string }).id;
}

export const NOTIFICATION_RULES: Record<string, SecurityRule> = {
  getSmtpSettings: (s) => needsConfiguration(s, 'GET', '/api/smtp-settings', undefined, 200).then(() => undefined),
  updateSmtpSettings: async (s) => {
    // The password is write-only: not even the configurer who set it reads it back.
    const body = await needsConfiguration(s, 'PATCH', '/api/smtp-settings', { host: '127.0.0.1', port: 2525, fromAddress: 'vms@example.com', username: 'vms', password: 'smtp-secret-1' }, 200);
    expect(body as SmtpSettingsBody).toMatchObject({ hasPassword: true, username: 'vms' });
    expect(JSON.stringify(body)).not.toContain('smtp-secret-1');
    expect(JSON.stringify((await s.as('admin', 'GET', '/api/smtp-settings')).body)).not.toContain('smtp-secret-1');
  },
  listNotificationProfiles: (s) => needsConfiguration(s, 'GET', '/api/notification-profiles', undefined, 200).then(() => undefined),
  createNotificationProfile: (s) => needsConfiguration(s, 'POST', '/api/notification-profiles', {
    name: 'security create', recipients: ['ops@example.com'], subject: 'Alarm: {event}',
  }, 201).then(() => undefined),
  updateNotificationProfile: async (s) => {
    const id = await profile(s);
    await needsConfiguration(s, 'PATCH', `/api/notification-profiles/${id}`, { subject: 'Changed {time}' }, 200);
  },
  deleteNotificationProfile: async (s) => {
    const id = await profile(s);
    await needsConfiguration(s, 'DELETE', `/api/notification-profiles/${id}`, undefined, 204);
  },
  testNotificationProfile: async (s) => {
    // Sending mail from the site is configuration work too; with no SMTP host the allowed call is 409.
    expect((await s.as('admin', 'PATCH', '/api/smtp-settings', { host: '' })).status).toBe(200);
    const id = await profile(s);
    await needsConfiguration(s, 'POST', `/api/notification-profiles/${id}/test`, undefined, 409);
  },
};
