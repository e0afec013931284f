import { describe, expect, it } from 'vitest';
import type { RuleLogEntryBody, SystemLogEntryBody } from '../../src/api/common/eventSchemas';
import type { AuditEntryBody, UserBody } from '../../src/api/common/securitySchemas';
import { until } from '../harness/until';
import { openSecuritySite } from './securityFixture';
import { TestSite } from './siteFixture';

/** What the Management Client's user and log pages need beyond plain listing: unlocking, searching, paging back. */
describe('unlocking a user', () => {
  it('lifts the lock of failed logins at once, audited with when it would have ended', async () => {
    const s = await openSecuritySite();
    const attempt = (password: string) => s.ts.site.api.inject({ method: 'POST', url: '/api/login', remoteAddress: '10.1.2.3', payload: { username: 'liveOnA', password } });
    for (let i = 0; i < 5; i++) {
      expect((await attempt(`wrong-${i}`)).statusCode).toBe(401);
      s.clock.offsetMs += 8000;
    }
    expect((await attempt('liveOnA-password')).json()).toMatchObject({ code: 'VMS_ERR_LOCKED_OUT' });
    const locked = (await s.as('admin', 'GET', '/api/users')).body as UserBody[];
    const lockedUntil = locked.find((u) => u.id === s.userIds.liveOnA)?.lockedUntil;
    expect(lockedUntil).toBeDefined();

    const unlocked = await s.as('admin', 'POST', `/api/users/${s.userIds.liveOnA}/unlock`);
    expect(unlocked.status).toBe(200);
    expect(unlocked.body).not.toHaveProperty('lockedUntil');
    expect((await attempt('liveOnA-password')).statusCode).toBe(200);

    const audit = (await s.as('admin', 'GET', '/api/audit-log?action=unlockUser')).body as AuditEntryBody[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ target: s.userIds.liveOnA, details: { username: 'liveOnA', lockedUntil } });
    expect((await s.as('admin', 'POST', '/api/users/nobody-such/unlock')).status).toBe(404);
  });
});

describe('searching and paging the logs', () => {
  it('pages the audit log back from the newest and finds entries by words', async () => {
    const ts = await TestSite.open();
    for (const name of ['Day shift', 'Night shift', 'Weekend', 'Holidays']) {
      expect((await ts.request('POST', '/api/time-profiles', { name, windows: [{ days: [1], from: '08:00', to: '16:00' }] })).status).toBe(201);
    }
    const all = (await ts.request<AuditEntryBody[]>('GET', '/api/audit-log')).body;
    const newest = (await ts.request<AuditEntryBody[]>('GET', '/api/audit-log?order=newestFirst&limit=2')).body;
    expect(newest.map((e) => e.id)).toEqual(all.slice(-2).reverse().map((e) => e.id));
    const older = (await ts.request<AuditEntryBody[]>('GET', `/api/audit-log?order=newestFirst&limit=2&beforeId=${newest[1]!.id}`)).body;
    expect(older.map((e) => e.id)).toEqual(all.slice(-4, -2).reverse().map((e) => e.id));

    // Words in the details (the created profile's name), whatever their case.
    const shifts = (await ts.request<AuditEntryBody[]>('GET', '/api/audit-log?text=SHIFT')).body;
    expect(shifts.map((e) => (e.details as { timeProfile: { name: string } }).timeProfile.name)).toEqual(['Day shift', 'Night shift']);
    expect((await ts.request<AuditEntryBody[]>('GET', '/api/audit-log?text=admin&action=login')).body).toHaveLength(1);
  });

  it('finds system and rule log entries by words', async () => {
    const ts = await TestSite.open();
    const system = (await ts.request<SystemLogEntryBody[]>('GET', '/api/system-log?text=STARTED')).body;
    expect(system.length).toBeGreaterThan(0);
    expect(system.every((e) => /started/i.test(`${e.message} ${e.source} ${e.code ?? ''}`))).toBe(true);
    expect((await ts.request<SystemLogEntryBody[]>('GET', '/api/system-log?text=no-such-words-here')).body).toEqual([]);

    // Time rules without a profile start at once and write their message.
    for (const name of ['Porch light', 'Garage note']) {
      await ts.request('POST', '/api/rules', { kind: 'time', name, actions: [{ type: 'writeRuleLog', message: `${name} is on` }] });
    }
    const ruleLog = async (text: string) => (await ts.request<RuleLogEntryBody[]>('GET', `/api/rule-log?text=${encodeURIComponent(text)}`)).body;
    await until(async () => (await ruleLog('garage')).some((e) => e.action === 'writeRuleLog'), () => 'the garage rule wrote its message');
    const porch = await ruleLog('porch');
    expect(porch.length).toBeGreaterThan(0);
    expect(porch.every((e) => e.ruleName === 'Porch light')).toBe(true);
  });
});
