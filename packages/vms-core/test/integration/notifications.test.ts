import { describe, expect, it } from 'vitest';
import type { RuleLogEntryBody, SystemLogEntryBody, UserDefinedEventBody } from '../../src/api/common/eventSchemas';
import type { NotificationProfileBody, SmtpSettingsBody, TestNotificationProfileBody } from '../../src/api/common/notificationSchemas';
import type { RuleBody } from '../../src/api/common/ruleSchemas';
import { SmtpTestServer, unusedPort } from '../harness/smtpTestServer';
import { until } from '../harness/until';
import { TestSite, cleanup, testCamera } from './siteFixture';
import type { ErrorReply } from './siteFixture';

type FieldError = ErrorReply & { field?: string };

async function smtpServer(o: { port?: number; auth?: { username: string; password: string } } = {}): Promise<SmtpTestServer> {
  const server = await SmtpTestServer.start(o);
  cleanup(() => server.close());
  return server;
}

async function configureSmtp(ts: TestSite, port: number, extra: object = {}): Promise<SmtpSettingsBody> {
  const res = await ts.request<SmtpSettingsBody>('PATCH', '/api/smtp-settings', { host: '127.0.0.1', port, security: 'none', fromAddress: 'vms@example.com', fromName: 'Nightjar', ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

async function createProfile(ts: TestSite, body: object): Promise<NotificationProfileBody> {
  const res = await ts.request<NotificationProfileBody>('POST', '/api/notification-profiles', {
    name: 'Guards', recipients: ['guards@example.com'], subject: 'Alarm: {event} by {source}', body: '{message} at {time}. Rule: {rule}.', ...body,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** A user-defined event and a rule mailing `profileId` when it is triggered; returns the event's id and the rule's. */
async function panicRule(ts: TestSite, profileId: string): Promise<{ eventId: string; ruleId: string }> {
  const event = (await ts.request<UserDefinedEventBody>('POST', '/api/user-defined-events', { name: 'Panic button' })).body;
  const rule = await ts.request<RuleBody>('POST', '/api/rules', {
    kind: 'event', name: 'Mail the guards', trigger: { type: 'userDefined', definitionId: event.id }, actions: [{ type: 'sendNotification', notificationProfileId: profileId }],
  });
  expect(rule.status, JSON.stringify(rule.body)).toBe(201);
  return { eventId: event.id, ruleId: rule.body.id };
}

const ruleLog = async (ts: TestSite, ruleId: string) =>
  (await ts.request<RuleLogEntryBody[]>('GET', `/api/rule-log?ruleId=${ruleId}`)).body.map((e) => `${e.action} ${e.outcome} ${e.message}`);
const systemLog = async (ts: TestSite) => (await ts.request<SystemLogEntryBody[]>('GET', '/api/system-log?source=notifications')).body;

describe('notifications', () => {
  it('mails a live snapshot of the profile\'s camera to a real SMTP server when a user-defined event fires a rule', async () => {
    const smtp = await smtpServer();
    const ts = await TestSite.open();
    const cam = await testCamera();
    const camera = await ts.addRtspCamera(cam.url, { name: 'Gate' });
    const settings = await configureSmtp(ts, smtp.port);
    expect(settings).toMatchObject({ host: '127.0.0.1', port: smtp.port, hasPassword: false, pendingNotifications: 0 });
    const profile = await createProfile(ts, { attachSnapshots: true, snapshotCameraIds: [camera.id] });
    const { eventId, ruleId } = await panicRule(ts, profile.id);

    expect((await ts.request('POST', `/api/user-defined-events/${eventId}/trigger`)).status).toBe(200);
    // The action only queued the mail, and the rule log says so.
    expect(await ruleLog(ts, ruleId)).toContain('sendNotification ok notification "Guards" queued to guards@example.com with snapshots of Gate');
    await until(() => smtp.mails.length > 0, () => 'no mail arrived', 30_000);

    const mail = smtp.mails[0]!;
    expect(mail).toMatchObject({ from: 'vms@example.com', to: ['guards@example.com'], subject: 'Alarm: Panic button by admin' });
    expect(mail.text).toMatch(/^Panic button \(triggered by admin\) at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\. Rule: Mail the guards\./);
    expect(mail.attachments).toHaveLength(1);
    const jpeg = mail.attachments[0]!;
    expect(jpeg.contentType).toBe('image/jpeg');
    expect(jpeg.filename).toMatch(/^Gate-\d{8}T\d{6}Z\.jpg$/);
    expect([...jpeg.content.subarray(0, 2)]).toEqual([0xff, 0xd8]);
    expect(jpeg.content.length).toBeGreaterThan(1000);
    await until(async () => (await ruleLog(ts, ruleId)).some((l) => l.startsWith('sendNotification ok notification "Guards" sent to guards@example.com')), () => 'no "sent" in the rule log');

    // In use by the rule: listed as such, and not deletable.
    const listed = (await ts.request<NotificationProfileBody[]>('GET', '/api/notification-profiles')).body;
    expect(listed).toEqual([expect.objectContaining({ id: profile.id, usedBy: ['Mail the guards'] })]);
    expect(await ts.request<ErrorReply>('DELETE', `/api/notification-profiles/${profile.id}`)).toMatchObject({ status: 409, body: { message: expect.stringMatching(/Mail the guards/) } });
    const audit = (await ts.request<{ action: string }[]>('GET', '/api/audit-log')).body.map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['updateSmtpSettings', 'createNotificationProfile']));
  }, 90_000);

  it('retries while the SMTP server is down and delivers once it is up', async () => {
    const port = await unusedPort();
    const ts = await TestSite.open({ notifications: { retryDelaysMs: [200, 400, 800, 1600, 3200, 6400] } });
    await configureSmtp(ts, port);
    const profile = await createProfile(ts, {});
    const { eventId, ruleId } = await panicRule(ts, profile.id);
    expect((await ts.request('POST', `/api/user-defined-events/${eventId}/trigger`)).status).toBe(200);

    await until(async () => (await systemLog(ts)).some((e) => e.level === 'warning' && /cannot send notifications now, retrying/.test(e.message)), () => 'no warning that the server is down');
    expect((await ts.request<SmtpSettingsBody>('GET', '/api/smtp-settings')).body.pendingNotifications).toBe(1);
    const smtp = await smtpServer({ port });
    await until(() => smtp.mails.length > 0, () => 'the mail did not arrive after the server came up', 20_000);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.subject).toBe('Alarm: Panic button by admin');
    await until(async () => (await ruleLog(ts, ruleId)).some((l) => /^sendNotification ok .* sent to guards@example\.com after \d+ attempts$/.test(l)), () => 'no "sent after" in the rule log');
    await until(async () => (await systemLog(ts)).some((e) => e.level === 'information' && /takes mail again/.test(e.message)), () => 'no recovery entry');
    expect((await ts.request<SmtpSettingsBody>('GET', '/api/smtp-settings')).body.pendingNotifications).toBe(0);
  }, 60_000);

  it('names the bad setting: refused input, a test send to a server that is down or refuses the password', async () => {
    const ts = await TestSite.open();
    const refused: [object, string][] = [
      [{ host: 'bad host' }, 'host'],
      [{ host: '127.0.0.1', port: 0 }, 'port'],
      [{ host: '127.0.0.1', fromAddress: 'nope' }, 'fromAddress'],
      [{ host: '127.0.0.1', fromAddress: 'vms@example.com', password: 'secret' }, 'username'],
      [{ security: 'ssl' }, 'security'],
      [{ passwrd: 'typo' }, 'passwrd'],
    ];
    for (const [body, field] of refused) {
      const res = await ts.request<FieldError>('PATCH', '/api/smtp-settings', body);
      expect(res, JSON.stringify(body)).toMatchObject({ status: 400, body: { code: 'VMS_ERR_BAD_INPUT', field } });
    }
    expect((await ts.request<SmtpSettingsBody>('GET', '/api/smtp-settings')).body.host, 'nothing half-saved').toBe('');

    const badProfiles: [object, string][] = [
      [{ recipients: ['ok@example.com', 'nope'] }, 'recipients[1]'],
      [{ subject: 'Alarm {evnt}' }, 'subject'],
      [{ attachSnapshots: true, snapshotCameraIds: ['no-such-camera'] }, 'snapshotCameraIds[0]'],
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
    ];
    for (const [body, field] of badProfiles) {
      const res = await ts.request<FieldError>('POST', '/api/notification-profiles', { name: 'Bad', recipients: ['ok@example.com'], subject: 'x', ...body });
      expect(res, JSON.stringify(body)).toMatchObject({ status: 400, body: { field } });
    }
    const noProfile = await ts.request<FieldError>('POST', '/api/rules', { kind: 'time', name: 'Mail', actions: [{ type: 'sendNotification', notificationProfileId: 'gone' }] });
    expect(noProfile).toMatchObject({ status: 400, body: { field: 'actions[0].notificationProfileId' } });

    const profile = await createProfile(ts, {});
    const test = () => ts.request<FieldError & TestNotificationProfileBody>('POST', `/api/notification-profiles/${profile.id}/test`);
    expect(await test()).toMatchObject({ status: 409, body: { field: 'host', message: expect.stringMatching(/no SMTP server is configured/) } });
    await configureSmtp(ts, await unusedPort());
    expect(await test()).toMatchObject({ status: 503, body: { code: 'VMS_ERR_SMTP', field: 'host', message: expect.stringMatching(/cannot reach the SMTP server/) } });

    const smtp = await smtpServer({ auth: { username: 'vms', password: 'right-password' } });
    await configureSmtp(ts, smtp.port, { username: 'vms', password: 'wrong-password' });
    expect(await test()).toMatchObject({ status: 503, body: { code: 'VMS_ERR_SMTP', field: 'password' } });
    await configureSmtp(ts, smtp.port, { password: 'right-password' });
    expect(await test()).toMatchObject({ status: 200, body: { recipients: ['guards@example.com'], snapshots: [], missingSnapshots: [] } });
    expect(smtp.mails.map((m) => m.subject)).toEqual([`Alarm: test notification by ${(await ts.request<{ name: string }>('GET', '/api/site')).body.name}`]);

    // The password never comes back, not even in the audit log.
    const audit = JSON.stringify((await ts.request('GET', '/api/audit-log?action=updateSmtpSettings')).body);
    expect(audit).not.toMatch(/right-password|wrong-password/);
    expect(audit).toContain('"password":"set"');
    expect(JSON.stringify((await ts.request('GET', '/api/smtp-settings')).body)).not.toMatch(/right-password/);

    // null removes the password (it is not stored as an empty one).
    expect((await ts.request<SmtpSettingsBody>('GET', '/api/smtp-settings')).body.hasPassword).toBe(true);
    expect((await configureSmtp(ts, smtp.port, { password: null })).hasPassword).toBe(false);
  }, 60_000);
});
