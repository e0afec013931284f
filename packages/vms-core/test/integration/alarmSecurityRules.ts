/**
 * The security test's rules for alarm definitions and alarms (issue 6), spread into its table.
 * Definitions need manage configuration. Alarms are shown to administrators and to the roles
 * their definition names (here: liveOnA's role), and only those may read or change them: every
 * other actor's request is refused, or, for the list, answered without the alarm.
 */
import { expect } from 'vitest';
import type { AlarmListBody } from '../../src/api/common/alarmSchemas';
import type { Actor, Method, SecuritySite } from './securityFixture';
import type { SecurityRule } from './bookmarkSecurityRules';

/** Denied to a camera-only and a user-managing role; the configurer gets `status`. */
async function needsConfiguration(s: SecuritySite, method: Method, url: string, body: unknown, status: number): Promise<void> {
  for (const actor of ['allOnA', 'liveOnA', 'userManager'] satisfies Actor[]) await s.denied(actor, method, url, body);
  const allowed = await s.as('configurer', method, url, body);
  expect(allowed.status, `configurer ${method} ${url}: ${JSON.stringify(allowed.body)}`).toBe(status);
}

/** A user-defined event and an alarm definition on it shown to `roles` (default: liveOnA's role); returns both ids. */
export async function panicDefinition(s: SecuritySite, roles: (Actor | 'operators')[] = ['liveOnA'], extra: object = {}): Promise<{ eventId: string; definitionId: string }> {
  const event = await s.as('admin', 'POST', '/api/user-defined-events', { name: `Panic ${Math.random()}` });
  expect(event.status, JSON.stringify(event.body)).toBe(201);
  const eventId = (event.body as { id: string }).id;
  const def = await s.as('admin', 'POST', '/api/alarm-definitions', {
    name: `Panic alarm ${Math.random()}`, trigger: { type: 'userDefined', definitionId: eventId }, priority: 1, category: 'Intrusion',
    relatedCameraIds: [s.cameraA, s.cameraB], instructions: 'Check the entrance', roleIds: roles.map((r) => (r === 'operators' ? r : s.roleIds[r]!)), ...extra,
  });
  expect(def.status, JSON.stringify(def.body)).toBe(201);
  return { eventId, definitionId: (def.body as { id: string }).id };
}

/** Raises an alarm of a definition shown to liveOnA's role; returns its id. */
export async function liveOnAAlarm(s: SecuritySite): Promise<number> {
  const { eventId, definitionId } = await panicDefinition(s);
  expect((await s.as('admin', 'POST', `/api/user-defined-events/${eventId}/trigger`)).status).toBe(200);
  const list = (await s.as('admin', 'GET', '/api/alarms?limit=200')).body as AlarmListBody;
  const alarm = list.alarms.find((a) => a.definitionId === definitionId);
  expect(alarm, 'the alarm the trigger raised').toBeDefined();
  return alarm!.id;
}

const listed = async (s: SecuritySite, actor: Actor | 'admin', alarmId: number) =>
  ((await s.as(actor, 'GET', '/api/alarms?limit=200')).body as AlarmListBody).alarms.some((a) => a.id === alarmId);

export const ALARM_RULES: Record<string, SecurityRule> = {
  listAlarmDefinitions: (s) => needsConfiguration(s, 'GET', '/api/alarm-definitions', undefined, 200),
  getAlarmDefinition: async (s) => {
    const { definitionId } = await panicDefinition(s);
    await needsConfiguration(s, 'GET', `/api/alarm-definitions/${definitionId}`, undefined, 200);
  },
  createAlarmDefinition: async (s) => {
    const event = (await s.as('admin', 'POST', '/api/user-defined-events', { name: 'security alarm event' })).body as { id: string };
    await needsConfiguration(s, 'POST', '/api/alarm-definitions', {
      name: 'security create', trigger: { type: 'userDefined', definitionId: event.id }, roleIds: ['operators'],
    }, 201);
  },
  updateAlarmDefinition: async (s) => {
    const { definitionId } = await panicDefinition(s);
    await needsConfiguration(s, 'PATCH', `/api/alarm-definitions/${definitionId}`, { priority: 4 }, 200);
  },
  deleteAlarmDefinition: async (s) => {
    const { definitionId } = await panicDefinition(s);
    await needsConfiguration(s, 'DELETE', `/api/alarm-definitions/${definitionId}`, undefined, 204);
  },
  listAlarms: async (s) => {
    const id = await liveOnAAlarm(s);
    // Open to every signed-in user, each answered with the alarms shown to them only.
    expect(await listed(s, 'liveOnA', id)).toBe(true);
    expect(await listed(s, 'admin', id)).toBe(true);
    for (const actor of ['nobody', 'allOnA', 'configurer', 'userManager'] satisfies Actor[]) expect(await listed(s, actor, id), actor).toBe(false);
  },
  getAlarm: async (s) => {
    const id = await liveOnAAlarm(s);
    for (const actor of ['nobody', 'allOnA', 'configurer'] satisfies Actor[]) await s.denied(actor, 'GET', `/api/alarms/${id}`);
    expect((await s.as('liveOnA', 'GET', `/api/alarms/${id}`)).status).toBe(200);
  },
  updateAlarm: async (s) => {
    const id = await liveOnAAlarm(s);
    for (const actor of ['allOnA', 'configurer'] satisfies Actor[]) await s.denied(actor, 'PATCH', `/api/alarms/${id}`, { state: 'closed' });
    const res = await s.as('liveOnA', 'PATCH', `/api/alarms/${id}`, { state: 'inProgress' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  },
  bulkUpdateAlarms: async (s) => {
    const id = await liveOnAAlarm(s);
    for (const actor of ['allOnA', 'userManager'] satisfies Actor[]) await s.denied(actor, 'POST', '/api/alarms/bulk', { alarmIds: [id], action: 'close' });
    const res = await s.as('liveOnA', 'POST', '/api/alarms/bulk', { alarmIds: [id], action: 'acknowledge' });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  },
};
