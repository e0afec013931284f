/**
 * How long closed alarms are kept, on a site upgraded from before the setting existed and on a
 * new one: an upgrade keeps the alarm history (0, kept forever) until an administrator
 * chooses, a new site starts with 90 days.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AlarmStore } from '../../src/alarms/node/alarmStore';
import type { LogSettingsBody } from '../../src/api/common/eventSchemas';
import { openDatabase } from '../../src/base/node/sqlite';
import { configMigrations } from '../../src/management/node/migrations/001_initial';
import { Site, siteLayout } from '../../src/site/node/site';
import { ADMIN_PASSWORD, TestSite, cleanup } from './siteFixture';
import type { ErrorReply } from './siteFixture';

const DAY = 24 * 3600_000;

describe('closed alarm retention', () => {
  it('keeps every alarm of a site upgraded from before the setting, until an administrator chooses', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'nightjar-it-'));
    cleanup(() => rmSync(dataDir, { recursive: true, force: true }));
    const layout = siteLayout(dataDir);
    // The site as the release before left it: its configuration at migration 11, with its
    // administrator, and alarms closed a year ago.
    const before = openDatabase(layout.configDb, configMigrations.filter((m) => m.version < 12));
    before.prepare("INSERT INTO user (id, username, password_hash, created_at) VALUES ('u-admin', 'admin', 'x', 0)").run();
    before.close();
    const alarms = new AlarmStore(layout.alarmsDb);
    const yearAgo = Date.now() - 365 * DAY;
    for (let i = 0; i < 3; i++) {
      const a = alarms.insert({
        definitionId: 'd1', definitionName: 'Door', raisedAt: yearAgo, priority: 2, category: '', source: { kind: 'camera', id: 'cam1' },
        event: { id: i, type: 'motionStarted', at: yearAgo, message: 'motion' }, relatedCameraIds: [], instructions: '', sound: 'none',
      }, yearAgo);
      alarms.change(a.id, { state: 'closed', comment: 'checked' }, { userId: 'u-admin', username: 'admin' }, yearAgo);
    }
    alarms.close();

    // Starting runs the first retention pass.
    const site = await Site.open({ dataDir, adminPassword: ADMIN_PASSWORD });
    cleanup(() => site.close());
    expect(site.generatedAdminPassword).toBeUndefined();
    expect(site.eventsAndRules.systemLog.settings().closedAlarmRetentionDays).toBe(0);
    expect(await site.eventsAndRules.alarmRetention.pass()).toEqual({ deleted: 0, batches: 0 });
    expect(site.eventsAndRules.alarmStore.list({ limit: 10 }).total).toBe(3);
    expect(site.eventsAndRules.systemLog.list({ source: 'alarms' })).toEqual([]);

    // The administrator chooses: the next pass deletes, and says so.
    site.eventsAndRules.systemLog.updateSettings({ closedAlarmRetentionDays: 30 });
    expect((await site.eventsAndRules.alarmRetention.pass()).deleted).toBe(3);
    expect(site.eventsAndRules.systemLog.list({ source: 'alarms' }).map((e) => e.message)).toEqual(['deleted 3 alarm(s) closed more than 30 day(s) ago']);
  });

  it('is 90 days on a new site, and 0 keeps closed alarms forever there too', async () => {
    const ts = await TestSite.open();
    const settings = await ts.request<LogSettingsBody>('GET', '/api/log-settings');
    expect(settings.body.closedAlarmRetentionDays).toBe(90);
    const forever = await ts.request<LogSettingsBody>('PATCH', '/api/log-settings', { closedAlarmRetentionDays: 0 });
    expect(forever.status, JSON.stringify(forever.body)).toBe(200);
    expect(forever.body.closedAlarmRetentionDays).toBe(0);
    const negative = await ts.request<ErrorReply & { field: string }>('PATCH', '/api/log-settings', { closedAlarmRetentionDays: -1 });
    expect(negative).toMatchObject({ status: 400, body: { field: 'closedAlarmRetentionDays' } });
    // The logs grow with every event: for them 0 is no choice.
    const logs = await ts.request<ErrorReply & { field: string }>('PATCH', '/api/log-settings', { systemLogRetentionDays: 0 });
    expect(logs).toMatchObject({ status: 400, body: { field: 'systemLogRetentionDays' } });
  });
});
