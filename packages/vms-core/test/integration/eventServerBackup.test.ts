/**
 * The event server's configuration in a backup: user-defined and generic events, analytics
 * sources, the SMTP server, notification profiles, rules and alarm definitions round-trip onto
 * a fresh site and work there (the analytics token still signs events in, the restored rule and
 * alarm definition act on them); their secrets never appear in the plain part; a file from
 * before the section leaves them alone; a broken reference is refused whole, naming the field.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { ConfigurationDocumentBody, ImportConfigurationResult } from '../../src/api/common/backupSchemas';
import type { CameraBody } from '../../src/api/common/schemas';
import type { RuleLogEntryBody } from '../../src/api/common/eventSchemas';
import type { HardwareInfo } from '../../src/devices/common/types';
import type { ConfigurationSecrets } from '../../src/management/common/configurationDocument';
import { TestSite, until } from './siteFixture';
import type { ErrorReply } from './siteFixture';

const PASSWORD = 'backup-password';
const SMTP_PASSWORD = 'smtp-secret-password';
const TOKEN = 'a-shared-secret-of-32-characters';

async function fakeProbe(req: { address: string }): Promise<HardwareInfo> {
  return {
    driver: 'rtsp', address: req.address, model: 'Fake',
    cameras: [{ key: 'camera', name: 'Fake', streams: [{ key: 'main', name: 'Main', url: `${req.address}/main`, codec: 'h264', width: 640, height: 360 }] }],
  };
}

async function created(ts: TestSite, method: 'POST' | 'PATCH', url: string, body: object): Promise<{ id: string }> {
  const res = await ts.request<{ id: string }>(method, url, body);
  expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(method === 'POST' ? 201 : 200);
  return res.body;
}

/** A site with one of everything the event server is configured with, each naming the others. */
async function eventSite() {
  const ts = await TestSite.open({ probeHardware: fakeProbe });
  const added = await created(ts, 'POST', '/api/hardware', { driver: 'rtsp', address: 'rtsp://127.0.0.1:9', name: 'Gate' }) as unknown as { cameras: CameraBody[] };
  const cameraId = added.cameras[0]!.id;
  const night = await created(ts, 'POST', '/api/time-profiles', { name: 'Night', timeZone: 'UTC', windows: [{ days: [0, 1, 2, 3, 4, 5, 6], from: '20:00', to: '06:00' }] });
  const panic = await created(ts, 'POST', '/api/user-defined-events', { name: 'Panic', description: 'the guard\'s button' });
  const plc = await created(ts, 'POST', '/api/generic-event-sources', { name: 'Gate PLC', protocol: 'udp', port: 0 });
  const opened = await created(ts, 'POST', '/api/generic-events', { name: 'Gate opened', expressionType: 'search', expression: 'open', sourceIds: [plc.id] });
  const vca = await created(ts, 'POST', '/api/analytics-sources', { name: 'Lobby VCA', token: TOKEN, cameraId });
  await created(ts, 'PATCH', '/api/smtp-settings', {
    host: 'smtp.example.com', port: 587, security: 'starttls', username: 'mailer', password: SMTP_PASSWORD, fromAddress: 'vms@example.com', fromName: 'Depot',
  });
  expect((await ts.request('PATCH', '/api/log-settings', { systemLogLevel: 'warning', ruleLogRetentionDays: 14, closedAlarmRetentionDays: 30 })).status).toBe(200);
  const mail = await created(ts, 'POST', '/api/notification-profiles', {
    name: 'Guards mail', recipients: ['guards@example.com'], subject: '{event} at {source}', body: 'See {site}.', attachSnapshots: true, snapshotCameraIds: [cameraId],
  });
  const loiterers = await created(ts, 'POST', '/api/rules', {
    kind: 'event', name: 'Loiterers', trigger: { type: 'analytics', definitionId: vca.id },
    actions: [{ type: 'writeRuleLog', message: 'someone loiters' }, { type: 'sendNotification', notificationProfileId: mail.id }],
  });
  await created(ts, 'POST', '/api/rules', {
    kind: 'event', name: 'Panic recording', timeProfileId: night.id, trigger: { type: 'userDefined', definitionId: panic.id },
    actions: [{ type: 'startRecording', cameras: { kind: 'cameras', cameraIds: [cameraId] } }, { type: 'triggerUserDefinedEvent', userDefinedEventId: panic.id }],
    stop: { kind: 'after', seconds: 60 }, stopActions: [{ type: 'stopRecording', cameras: { kind: 'cameras', cameraIds: [cameraId] } }],
  });
  const alarm = await created(ts, 'POST', '/api/alarm-definitions', {
    name: 'Loitering', trigger: { type: 'analytics', definitionId: vca.id }, roleIds: ['operators'], relatedCameraIds: [cameraId],
    close: { type: 'generic', definitionId: opened.id },
  });
  return { ts, cameraId, vcaId: vca.id, loiterersId: loiterers.id, alarmId: alarm.id, mailId: mail.id };
}

async function exportOf(ts: TestSite): Promise<ConfigurationDocumentBody> {
  const res = await ts.request<ConfigurationDocumentBody>('POST', '/api/configuration/export', { password: PASSWORD });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** The export changed by `edit`, sealed again with the password (as someone holding it could); `secrets` edits the sealed part. */
async function resealed(ts: TestSite, edit: (d: ConfigurationDocumentBody) => ConfigurationDocumentBody, secrets = (s: ConfigurationSecrets) => s): Promise<ConfigurationDocumentBody> {
  const { associatedData, configurationSecrets } = await import('../../src/management/node/configurationExport');
  const { sealSecrets } = await import('../../src/management/node/backupCrypto');
  const { secrets: _old, ...rest } = edit(await exportOf(ts));
  const open = configurationSecrets({ config: ts.site.config, roles: ts.site.roles, identity: ts.site.identity, keys: ts.site.keys, events: ts.site.eventsAndRules });
  return { ...rest, secrets: await sealSecrets(secrets(open), PASSWORD, associatedData(rest as never)) } as ConfigurationDocumentBody;
}

async function sendAnalytics(ts: TestSite, token: string): Promise<{ status: number; body: { eventId: number } }> {
  const res = await ts.site.api.inject({
    method: 'POST', url: '/api/analytics-events', remoteAddress: '10.9.8.7', headers: { 'content-type': 'application/json', 'x-analytics-token': token },
    payload: JSON.stringify({ source: 'Lobby VCA', ruleName: 'Loitering', objects: [{ type: 'person' }] }),
  });
  return { status: res.statusCode, body: res.json() };
}

describe('event server configuration in a backup', { timeout: 90_000 }, () => {
  it('round-trips onto a fresh site: objects and ids, the SMTP password, a token that still signs events in, rules and alarms that act', async () => {
    const { ts, vcaId, loiterersId, alarmId } = await eventSite();
    const doc = await exportOf(ts);
    const text = JSON.stringify(doc);
    const tokenHash = createHash('sha256').update(TOKEN).digest('hex');
    for (const secret of [SMTP_PASSWORD, TOKEN, tokenHash]) expect(text).not.toContain(secret);
    expect(doc.eventServer).toMatchObject({
      smtp: { host: 'smtp.example.com', username: 'mailer', hasPassword: true },
      analyticsSources: [{ id: vcaId, name: 'Lobby VCA', hasToken: true }],
      userDefinedEvents: [{ name: 'Panic' }], genericEventSources: [{ name: 'Gate PLC' }], genericEvents: [{ name: 'Gate opened' }],
      notificationProfiles: [{ name: 'Guards mail' }], alarmDefinitions: [{ id: alarmId, name: 'Loitering' }],
      logSettings: { systemLogLevel: 'warning', ruleLogRetentionDays: 14, closedAlarmRetentionDays: 30 },
    });
    expect(doc.eventServer!.rules.map((r) => r.name)).toEqual(['Record on motion', 'Record on request', 'Start feed always', 'Loiterers', 'Panic recording']);

    const fresh = await TestSite.open({ probeHardware: fakeProbe });
    const res = await fresh.request<ImportConfigurationResult>('POST', '/api/configuration/import', {
      password: PASSWORD, document: doc, storagePaths: { live: fresh.site.config.getStorage('live').path },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      rules: { added: 2, changed: 3, removed: 0 }, alarmDefinitions: { added: 1, changed: 0, removed: 0 }, analyticsSources: { added: 1, changed: 0, removed: 0 },
      notificationProfiles: { added: 1 }, userDefinedEvents: { added: 1 }, genericEventSources: { added: 1 }, genericEvents: { added: 1 },
    });
    fresh.token = (await fresh.request<{ token: string }>('POST', '/api/login', { username: 'admin', password: 'admin-secret' }, null)).body.token;
    expect((await exportOf(fresh)).eventServer).toEqual(doc.eventServer);
    expect(fresh.site.eventsAndRules.notificationProfiles.smtpCredentials()).toMatchObject({ host: 'smtp.example.com', username: 'mailer', password: SMTP_PASSWORD });
    expect(fresh.site.eventsAndRules.generic.status()).toEqual([expect.objectContaining({ listening: true })]);
    // The running site uses the restored log settings, not the ones it had cached.
    expect(fresh.site.eventsAndRules.systemLog.settings()).toMatchObject({ systemLogLevel: 'warning', ruleLogRetentionDays: 14, closedAlarmRetentionDays: 30 });

    // The token signs events in; the restored rule and alarm definition act on them at once.
    expect((await sendAnalytics(fresh, 'not-the-token-but-long-enough')).status).toBe(403);
    const sent = await sendAnalytics(fresh, TOKEN);
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    const ruleLog = async () => (await fresh.request<RuleLogEntryBody[]>('GET', `/api/rule-log?ruleId=${loiterersId}`)).body;
    await until(async () => (await ruleLog()).some((e) => e.action === 'writeRuleLog'), () => 'the restored rule fired');
    const alarms = (await fresh.request<{ alarms: { definitionId: string; event: { id: number } }[] }>('GET', '/api/alarms')).body.alarms;
    expect(alarms).toEqual([expect.objectContaining({ definitionId: alarmId, event: expect.objectContaining({ id: sent.body.eventId }) })]);
  });

  it('leaves the event server as it is when the file has no section (made before it existed)', async () => {
    const { ts, loiterersId, mailId } = await eventSite();
    const old = await resealed(ts, ({ eventServer: _e, ...d }) => d, ({ smtpPassword: _p, analyticsTokenHashes: _h, ...s }) => s);
    await created(ts, 'PATCH', `/api/rules/${loiterersId}`, { name: 'Loiterers (changed)' });
    await created(ts, 'PATCH', `/api/notification-profiles/${mailId}`, { subject: 'changed' });

    const res = await ts.request<ImportConfigurationResult>('POST', '/api/configuration/import', { password: PASSWORD, document: old });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).not.toHaveProperty('rules');
    expect(ts.site.eventsAndRules.rules.get(loiterersId).name).toBe('Loiterers (changed)');
    expect(ts.site.eventsAndRules.notificationProfiles.get(mailId).subject).toBe('changed');
    expect(ts.site.eventsAndRules.notificationProfiles.smtpCredentials().password).toBe(SMTP_PASSWORD);
    expect((await sendAnalytics(ts, TOKEN)).status).toBe(202);
  });

  it('refuses broken references and missing secrets, naming the field, and changes nothing', async () => {
    const { ts, loiterersId } = await eventSite();
    const before = (await exportOf(ts)).eventServer;
    const edit = (f: (es: NonNullable<ConfigurationDocumentBody['eventServer']>) => void) => (d: ConfigurationDocumentBody) => {
      f(d.eventServer!);
      return d;
    };
    const ruleAt = (es: NonNullable<ConfigurationDocumentBody['eventServer']>) => es.rules.findIndex((r) => r.id === loiterersId);
    const cases: [ConfigurationDocumentBody, string, RegExp][] = [
      [await resealed(ts, edit((es) => {
        es.rules[ruleAt(es)]!.actions[0] = { type: 'startRecording', cameras: { kind: 'cameras', cameraIds: ['no-such-camera'] } };
      })), 'actions[0].cameras.cameraIds[0]', /camera no-such-camera does not exist/],
      [await resealed(ts, edit((es) => {
        es.notificationProfiles = [];
      })), 'actions[1].notificationProfileId', /notification profile .* does not exist/],
      [await resealed(ts, edit((es) => {
        es.rules[ruleAt(es)]!.timeProfileId = 'no-such-profile';
      })), 'timeProfileId', /time profile no-such-profile does not exist/],
      [await resealed(ts, edit((es) => {
        es.alarmDefinitions[0]!.roleIds = ['no-such-role'];
      })), '', /role no-such-role does not exist/],
      [await resealed(ts, (d) => d, ({ analyticsTokenHashes: _h, ...s }) => s), '', /no token hash/],
      [await resealed(ts, edit((es) => {
        es.logSettings!.systemLogRetentionDays = 0;
      })), '', /systemLogRetentionDays/],
    ];
    const fields = ['', '', '', 'document.eventServer.alarmDefinitions[0].roleIds[0]', 'document.eventServer.analyticsSources[0].hasToken',
      'document.eventServer.logSettings.systemLogRetentionDays'];
    for (const [i, [document, ruleField, message]] of cases.entries()) {
      const res = await ts.request<ErrorReply & { field: string }>('POST', '/api/configuration/import', { password: PASSWORD, document });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      const rule = ruleAt(document.eventServer!);
      expect(res.body).toMatchObject({ code: 'VMS_ERR_BAD_INPUT', field: fields[i] || `document.eventServer.rules[${rule}].${ruleField}` });
      expect(res.body.message).toMatch(message);
    }
    expect((await exportOf(ts)).eventServer).toEqual(before);
    expect((await ts.request<unknown[]>('GET', '/api/audit-log?action=importConfiguration')).body).toEqual([]);
  });
});
