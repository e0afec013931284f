import { describe, expect, it } from 'vitest';
import type { RuleBody } from '../../src/api/common/ruleSchemas';
import type { LogSettingsBody, RuleLogEntryBody, SystemLogEntryBody, UserDefinedEventBody } from '../../src/api/common/eventSchemas';
import { OffsetClock } from './securityFixture';
import { ADMIN_PASSWORD, TestSite } from './siteFixture';
import type { ErrorReply } from './siteFixture';

const DAY = 24 * 3600_000;

describe('rules through the API', () => {
  it('lists the default rules first, runs a rule on a user-defined event triggered through the API, and follows edits', async () => {
    const ts = await TestSite.open();
    const rules = await ts.request<RuleBody[]>('GET', '/api/rules');
    expect(rules.body.map((r) => [r.builtIn, r.name])).toEqual([
      ['recordOnMotion', 'Record on motion'], ['recordOnRequest', 'Record on request'], ['startFeedAlways', 'Start feed always'],
    ]);
    expect(rules.body[0]).toMatchObject({ kind: 'event', trigger: { type: 'motionStarted', recordingModes: ['motion'] }, stop: { kind: 'endEvent' } });
    expect(Date.parse(rules.body[0]!.createdAt)).toBeGreaterThan(Date.UTC(2025, 0, 1));
    // The default rules are rules like any other: they change the same way (defaultRules.test.ts: what they do).
    const described = await ts.request<RuleBody>('PATCH', '/api/rules/builtin-record-on-motion', { description: 'Motion cameras record on motion.' });
    expect(described).toMatchObject({ status: 200, body: { builtIn: 'recordOnMotion', description: 'Motion cameras record on motion.', enabled: true } });
    // The rule editor saves a whole rule, clearing what it leaves out with null: "always" is no time profile, not a profile named "".
    const always = await ts.request<RuleBody>('PATCH', '/api/rules/builtin-record-on-motion', { timeProfileId: null, stop: { kind: 'endEvent' } });
    expect(always.status, JSON.stringify(always.body)).toBe(200);
    expect(always.body.timeProfileId).toBeUndefined();

    const event = (await ts.request<UserDefinedEventBody>('POST', '/api/user-defined-events', { name: 'Shift change' })).body;
    const invalid = await ts.request<ErrorReply & { field: string }>('POST', '/api/rules', {
      kind: 'event', name: 'Bad', trigger: { type: 'userDefined', definitionId: event.id }, actions: [{ type: 'writeRuleLog' }],
    });
    expect(invalid).toMatchObject({ status: 400, body: { code: 'VMS_ERR_BAD_INPUT', field: 'actions[0].message' } });
    const created = await ts.request<RuleBody>('POST', '/api/rules', {
      kind: 'event', name: 'Note shift changes', trigger: { type: 'userDefined', definitionId: event.id }, actions: [{ type: 'writeRuleLog', message: 'shift changed' }],
    });
    expect(created).toMatchObject({ status: 201, body: { enabled: true, stopActions: [], description: '' } });
    const ruleId = created.body.id;

    const trigger = () => ts.request<{ eventId: number }>('POST', `/api/user-defined-events/${event.id}/trigger`);
    expect((await trigger()).status).toBe(200);
    const log = async () => (await ts.request<RuleLogEntryBody[]>('GET', `/api/rule-log?ruleId=${ruleId}`)).body;
    expect((await log()).map((e) => `${e.action} ${e.outcome} ${e.message}`)).toEqual(['writeRuleLog ok shift changed', 'start ok userDefined from Shift change']);

    expect((await ts.request<RuleBody>('PATCH', `/api/rules/${ruleId}`, { enabled: false })).body.enabled).toBe(false);
    await trigger();
    expect(await log()).toHaveLength(2);
    const used = await ts.request<ErrorReply>('DELETE', `/api/user-defined-events/${event.id}`);
    expect(used).toMatchObject({ status: 409, body: { message: expect.stringMatching(/Note shift changes/) } });
    expect((await ts.request('DELETE', `/api/rules/${ruleId}`)).status).toBe(204);
    expect((await ts.request('DELETE', `/api/user-defined-events/${event.id}`)).status).toBe(204);
    const audit = (await ts.request<{ action: string }[]>('GET', '/api/audit-log')).body.map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['createRule', 'updateRule', 'deleteRule', 'triggerUserDefinedEvent', 'deleteUserDefinedEvent']));
  }, 60_000);
});

describe('system log', () => {
  it('keeps what its level allows, filters by level, source and time, and forgets what retention ends', async () => {
    const clock = new OffsetClock();
    const ts = await TestSite.open({ clock });
    const list = async (q = '') => {
      const res = await ts.request<SystemLogEntryBody[]>('GET', `/api/system-log?${q}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body;
    };
    expect((await list('source=server')).map((e) => e.message)).toContain('site started');

    const log = ts.site.eventsAndRules.systemLog;
    log.write('error', 'storage', 'disk failed', 'VMS_ERR_STORAGE_IO');
    log.write('information', 'rules', 'rule ran');
    expect((await list('level=error')).map((e) => e.message)).toEqual(['disk failed']);
    expect((await list('level=warning&source=storage'))[0]).toMatchObject({ level: 'error', code: 'VMS_ERR_STORAGE_IO' });

    const settings = await ts.request<LogSettingsBody>('PATCH', '/api/log-settings', { systemLogLevel: 'warning', systemLogRetentionDays: 7, closedAlarmRetentionDays: 60 });
    expect(settings.body).toEqual({ systemLogLevel: 'warning', systemLogRetentionDays: 7, ruleLogRetentionDays: 30, closedAlarmRetentionDays: 60 });
    expect(ts.site.eventsAndRules.systemLog.settings().closedAlarmRetentionDays).toBe(60);
    log.write('information', 'rules', 'not kept');
    log.write('warning', 'rules', 'kept');
    expect((await list('source=rules')).map((e) => e.message)).toEqual(['kept', 'rule ran']);
    const bad = await ts.request<ErrorReply & { field: string }>('PATCH', '/api/log-settings', { ruleLogRetentionDays: 0 });
    expect(bad).toMatchObject({ status: 400, body: { field: 'ruleLogRetentionDays' } });
    const badAlarms = await ts.request<ErrorReply & { field: string }>('PATCH', '/api/log-settings', { closedAlarmRetentionDays: 4000 });
    expect(badAlarms).toMatchObject({ status: 400, body: { field: 'closedAlarmRetentionDays' } });

    const cut = new Date(clock.now() + 1).toISOString();
    clock.offsetMs += 8 * DAY;
    // A week on, the administrator's token has long expired: sign in again.
    ts.token = (await ts.request<{ token: string }>('POST', '/api/login', { username: 'admin', password: ADMIN_PASSWORD }, null)).body.token;
    log.write('error', 'storage', 'a week later');
    expect((await list(`from=${encodeURIComponent(cut)}`)).map((e) => e.message)).toEqual(['a week later']);
    expect(log.purge().systemLog).toBeGreaterThanOrEqual(4);
    expect((await list()).map((e) => e.message)).toEqual(['a week later']);
  }, 60_000);
});
