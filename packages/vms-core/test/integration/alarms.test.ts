import { describe, expect, it } from 'vitest';
import type { AlarmBody, AlarmDefinitionBody, AlarmDetailsBody, AlarmListBody } from '../../src/api/common/alarmSchemas';
import type { SystemLogEntryBody } from '../../src/api/common/eventSchemas';
import type { SiteUpdate } from '../../src/api/common/updateSchemas';
import type { ErrorReply } from './siteFixture';
import type { SecuritySite } from './securityFixture';
import { openSecuritySite } from './securityFixture';
import { liveOnAAlarm, panicDefinition } from './alarmSecurityRules';
import { UpdatesClient } from './updatesClient';
import { createView } from './viewSecurityRules';

type FieldError = ErrorReply & { field?: string };
type AlarmMessage = Extract<SiteUpdate, { type: 'alarm' }>;

const list = async (s: SecuritySite, actor: 'admin' | 'liveOnA' | 'allOnA', query = '') => {
  const res = await s.as(actor, 'GET', `/api/alarms?${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as AlarmListBody;
};
const trigger = async (s: SecuritySite, eventId: string) => expect((await s.as('liveOnA', 'POST', `/api/user-defined-events/${eventId}/trigger`)).status).toBe(200);

describe('alarms through the API', () => {
  it('raises an alarm from a user-defined event, which its operators list, take on, comment and close', async () => {
    const s = await openSecuritySite();
    const { eventId, definitionId } = await panicDefinition(s);
    // An operator presses the button (triggerUserDefinedEvent): the alarm is there at once.
    await trigger(s, eventId);
    const page = await list(s, 'liveOnA');
    expect(page.total).toBe(1);
    const alarm = page.alarms[0]!;
    expect(alarm).toMatchObject({
      definitionId, state: 'new', priority: 1, category: 'Intrusion', instructions: 'Check the entrance', sound: 'chime', repeats: 0,
      source: { kind: 'userDefinedEvent', id: eventId }, event: { type: 'userDefined', data: { triggeredBy: 'liveOnA' } },
      // liveOnA may see camera A only: B is left out for them, not for the administrator.
      relatedCameraIds: [s.cameraA],
    });
    expect((await list(s, 'admin')).alarms[0]!.relatedCameraIds).toEqual([s.cameraA, s.cameraB]);
    expect(await list(s, 'allOnA')).toEqual({ alarms: [], total: 0 });

    // In progress, assigned to themselves, with a comment: one request.
    const taken = await s.as('liveOnA', 'PATCH', `/api/alarms/${alarm.id}`, { state: 'inProgress', assigneeId: s.userIds.liveOnA, comment: 'On my way' });
    expect(taken.status, JSON.stringify(taken.body)).toBe(200);
    expect(taken.body).toMatchObject({ state: 'inProgress', assigneeId: s.userIds.liveOnA, assigneeName: 'liveOnA', comments: [{ username: 'liveOnA', text: 'On my way' }] });
    // Bad input names the field: back to New, an assignee who is not shown the alarm, an empty comment.
    const bad = async (body: object) => (await s.as('liveOnA', 'PATCH', `/api/alarms/${alarm.id}`, body)) as { status: number; body: FieldError };
    expect(await bad({ state: 'new' })).toMatchObject({ status: 400, body: { code: 'VMS_ERR_BAD_INPUT', field: 'state' } });
    expect(await bad({ assigneeId: s.userIds.allOnA })).toMatchObject({ status: 400, body: { field: 'assigneeId', message: expect.stringMatching(/allOnA is not shown/) } });
    expect(await bad({ assigneeId: 'nobody-such' })).toMatchObject({ status: 400, body: { field: 'assigneeId' } });
    expect(await bad({ comment: ' ' })).toMatchObject({ status: 400, body: { field: 'comment' } });
    expect(await bad({ state: 'paused' })).toMatchObject({ status: 400, body: { field: 'state' } });

    const unassigned = await s.as('liveOnA', 'PATCH', `/api/alarms/${alarm.id}`, { assigneeId: null });
    expect(unassigned.status, JSON.stringify(unassigned.body)).toBe(200);
    expect((unassigned.body as AlarmDetailsBody).assigneeId, 'null unassigns').toBeUndefined();
    expect((await s.as('liveOnA', 'PATCH', `/api/alarms/${alarm.id}`, { state: 'onHold', assigneeId: s.userIds.liveOnA })).status).toBe(200);
    const closed = await s.as('liveOnA', 'PATCH', `/api/alarms/${alarm.id}`, { state: 'closed', comment: 'False alarm: a cleaner' });
    expect(closed.body).toMatchObject({ state: 'closed', closedAt: expect.any(String) });
    expect(await bad({ state: 'inProgress' })).toMatchObject({ status: 400, body: { field: 'state', message: 'state: a closed alarm stays closed' } });

    const details = (await s.as('admin', 'GET', `/api/alarms/${alarm.id}`)).body as AlarmDetailsBody;
    expect(details.history.map((h) => [h.action, h.username ?? 'site', h.from ?? '', h.to ?? ''])).toEqual([
      ['raised', 'site', '', 'new'],
      ['assignee', 'liveOnA', '', 'liveOnA'],
      ['comment', 'liveOnA', '', ''],
      ['state', 'liveOnA', 'new', 'inProgress'],
      ['assignee', 'liveOnA', 'liveOnA', ''],
      ['assignee', 'liveOnA', '', 'liveOnA'],
      ['state', 'liveOnA', 'inProgress', 'onHold'],
      ['comment', 'liveOnA', '', ''],
      ['state', 'liveOnA', 'onHold', 'closed'],
    ]);
    expect(details.comments.map((c) => c.text)).toEqual(['On my way', 'False alarm: a cleaner']);
    expect((await list(s, 'liveOnA', 'state=new&state=inProgress')).total).toBe(0);
    expect((await list(s, 'liveOnA', 'state=closed&priority=1&text=entrance')).total).toBe(1);
    expect((await list(s, 'liveOnA', 'category=Technical')).total).toBe(0);

    const audit = ((await s.as('admin', 'GET', '/api/audit-log?limit=500')).body as { action: string; username: string }[])
      .filter((e) => e.action.includes('Alarm')).map((e) => `${e.action} ${e.username}`);
    expect(audit.filter((a) => a === 'updateAlarm liveOnA')).toHaveLength(4);
    expect(audit).toContain('createAlarmDefinition admin');
  }, 60_000);

  it('closes open alarms on the definition\'s close event and acknowledges or closes in bulk', async () => {
    const s = await openSecuritySite();
    const clear = (await s.as('admin', 'POST', '/api/user-defined-events', { name: 'All clear' })).body as { id: string };
    const { eventId, definitionId } = await panicDefinition(s, ['liveOnA'], { close: { type: 'userDefined', definitionId: clear.id } });
    const def = (await s.as('admin', 'GET', `/api/alarm-definitions/${definitionId}`)).body as AlarmDefinitionBody;
    // Two user-defined events never share a source: the default closes every open alarm of the definition.
    expect(def.close).toEqual({ type: 'userDefined', definitionId: clear.id, sameSource: false });

    for (let i = 0; i < 3; i++) await trigger(s, eventId);
    const [c, b, a] = (await list(s, 'liveOnA')).alarms.map((x) => x.id) as [number, number, number];
    const ack = await s.as('liveOnA', 'POST', '/api/alarms/bulk', { alarmIds: [a, b], action: 'acknowledge' });
    expect((ack.body as { alarms: AlarmBody[] }).alarms.map((x) => x.state)).toEqual(['inProgress', 'inProgress']);
    expect((await s.as('liveOnA', 'PATCH', `/api/alarms/${b}`, { state: 'closed' })).status).toBe(200);
    // All or nothing: a closed alarm cannot be acknowledged, so c stays New.
    const refused = await s.as('liveOnA', 'POST', '/api/alarms/bulk', { alarmIds: [c, b], action: 'acknowledge' });
    expect(refused).toMatchObject({ status: 400, body: { field: 'alarmIds[1].state' } });
    expect((await list(s, 'liveOnA', 'state=new')).alarms.map((x) => x.id)).toEqual([c]);
    expect(await s.as('liveOnA', 'POST', '/api/alarms/bulk', { alarmIds: [c, 999_999], action: 'close' })).toMatchObject({ status: 404 });

    // "All clear" closes a and c (b was closed by hand), as the site.
    expect((await s.as('admin', 'POST', `/api/user-defined-events/${clear.id}/trigger`)).status).toBe(200);
    expect((await list(s, 'liveOnA', 'state=closed')).total).toBe(3);
    const history = ((await s.as('liveOnA', 'GET', `/api/alarms/${a}`)).body as AlarmDetailsBody).history.at(-1);
    expect(history).toMatchObject({ action: 'autoClosed', from: 'inProgress', to: 'closed', detail: 'userDefined from All clear' });
    expect(history?.username).toBeUndefined();
    // With no open alarm left, the definition can go; its closed alarms stay, for administrators.
    expect((await s.as('admin', 'DELETE', `/api/alarm-definitions/${definitionId}`)).status).toBe(204);
    expect((await list(s, 'liveOnA')).total).toBe(0);
    expect((await list(s, 'admin')).total).toBe(3);
  }, 60_000);

  it('shows alarms by the definition\'s roles as they are now, checks definitions and logs what they lose', async () => {
    const s = await openSecuritySite();
    const id = await liveOnAAlarm(s);
    const definitionId = (await list(s, 'admin')).alarms[0]!.definitionId;
    await s.denied('allOnA', 'PATCH', `/api/alarms/${id}`, { comment: 'not mine' });
    // Shown to allOnA's role as well from now on, the same alarm included.
    const roles = [s.roleIds.liveOnA, s.roleIds.allOnA];
    expect((await s.as('admin', 'PATCH', `/api/alarm-definitions/${definitionId}`, { roleIds: roles })).status).toBe(200);
    expect((await list(s, 'allOnA')).alarms.map((a) => a.id)).toEqual([id]);
    expect((await s.as('allOnA', 'PATCH', `/api/alarms/${id}`, { comment: 'seen' })).status).toBe(200);
    // The editor saves "always" as null: no time profile, not a profile named "".
    const always = await s.as('admin', 'PATCH', `/api/alarm-definitions/${definitionId}`, { timeProfileId: null });
    expect(always.status, JSON.stringify(always.body)).toBe(200);
    expect((always.body as AlarmDefinitionBody).timeProfileId).toBeUndefined();

    const invalid = async (body: object, field: string) => {
      const res = await s.as('admin', 'PATCH', `/api/alarm-definitions/${definitionId}`, body);
      expect(res, JSON.stringify(body)).toMatchObject({ status: 400, body: { code: 'VMS_ERR_BAD_INPUT', field } });
    };
    await invalid({ roleIds: ['ghosts'] }, 'roleIds[0]');
    await invalid({ priority: 9 }, 'priority');
    await invalid({ trigger: { type: 'motionStarted', sourceIds: ['no-camera'] } }, 'trigger.sourceIds[0]');
    await invalid({ close: { type: 'connectionRestored', sameSource: true } }, 'close.sameSource');
    await invalid({ sound: 'trumpet' }, 'sound');
    await invalid({ colour: 'red' }, 'colour');

    // Deleting a role the definition names is allowed, and the system log says what the definition lost.
    expect((await s.as('admin', 'DELETE', `/api/roles/${s.roleIds.allOnA}`)).status).toBe(204);
    const log = (await s.as('admin', 'GET', '/api/system-log?source=alarms')).body as SystemLogEntryBody[];
    expect(log.map((e) => e.message)).toEqual([expect.stringMatching(new RegExp(`roleIds\\[1\\] names role ${s.roleIds.allOnA}, which no longer exists`))]);
    // A definition with an open alarm is not deleted.
    expect(await s.as('admin', 'DELETE', `/api/alarm-definitions/${definitionId}`)).toMatchObject({ status: 409 });
  }, 60_000);

  it('pushes new and changed alarms on the updates socket to the users they are shown to only', async () => {
    const s = await openSecuritySite();
    const base = await s.ts.site.listen(0);
    const [operator, admin, other] = await Promise.all([
      UpdatesClient.signedIn(base, s.tokens.liveOnA), UpdatesClient.signedIn(base, s.tokens.admin), UpdatesClient.signedIn(base, s.tokens.allOnA),
    ]);
    const isAlarm = (action: AlarmMessage['action']) => (m: SiteUpdate): m is AlarmMessage => m.type === 'alarm' && m.action === action;

    const { eventId } = await panicDefinition(s);
    await trigger(s, eventId);
    const created = await operator.next(isAlarm('created'), 'new alarm');
    expect(created).toMatchObject({ state: 'new', priority: 1 });
    await admin.next(isAlarm('created'), 'new alarm for the administrator');
    expect((await s.as('liveOnA', 'PATCH', `/api/alarms/${created.alarmId}`, { state: 'inProgress' })).status).toBe(200);
    expect(await operator.next(isAlarm('updated'), 'alarm taken on')).toEqual({ type: 'alarm', action: 'updated', alarmId: created.alarmId, state: 'inProgress', priority: 1 });

    // A shared view reaches every socket after the alarm messages: allOnA heard none of them.
    await createView(s, 'admin', { name: 'after the alarms', shared: true });
    const marker = (m: SiteUpdate) => m.type === 'view' && m.action === 'upserted' && m.view.name === 'after the alarms';
    await other.next(marker, 'marker');
    expect(other.before(marker).filter((m) => m.type === 'alarm')).toEqual([]);
    // The badge count: the operator's New alarms, without the list.
    expect(await list(s, 'liveOnA', 'state=new&limit=0')).toEqual({ alarms: [], total: 0 });
  }, 60_000);
});
