import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../base/common/clock';
import { VmsError } from '../../base/common/errors';
import type { VmsEvent } from '../../events/common/vmsEvent';
import type { RuleLogEntry } from '../../events/common/logs';
import type { NotificationProfile } from '../common/notification';
import type { NotificationOptions } from './notificationService';
import { NotificationService } from './notificationService';
import type { SmtpCredentials, SmtpSettingsView } from './notificationStore';
import type { MailMessage } from './smtpMailer';
import { SmtpError } from './smtpMailer';

const JPEG = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);
const CAMERAS: Record<string, string> = { gate: 'Gate', yard: 'Yard' };

const profile: NotificationProfile = {
  id: 'p1', name: 'Guards', description: '', recipients: ['guards@example.com'], subject: '{event} at {source}', body: 'Seen at {time} by rule {rule}.',
  attachSnapshots: true, snapshotCameraIds: ['yard'], timeZone: 'UTC', createdAt: 0, updatedAt: 0,
};

const motion = (at: number): VmsEvent => ({
  id: 7, type: 'motionStarted', at, severity: 'information', message: 'motion on Gate', source: { kind: 'camera', id: 'gate', name: 'Gate' },
} as VmsEvent);

const down = () => new SmtpError('cannot reach the SMTP server', 'host', true, undefined);
const refused = () => new SmtpError('the SMTP server refused the user name or password', 'password', false, undefined);

type Outcome = 'ok' | Error | Promise<void>;

/** A service over stand-ins: a sender answering from `outcomes` (then "ok"), snapshots by camera, logs kept in arrays. */
function fixture(o: { outcomes?: Outcome[]; snapshot?: (id: string) => Promise<Uint8Array>; options?: NotificationOptions } = {}) {
  const clock = new ManualClock(Date.UTC(2026, 0, 4, 10, 0, 0));
  const sent: { smtp: SmtpCredentials; message: MailMessage }[] = [];
  const attempts: SmtpCredentials[] = [];
  const systemLog: { level: string; message: string }[] = [];
  const ruleLog: Omit<RuleLogEntry, 'seq' | 'at'>[] = [];
  const outcomes = [...(o.outcomes ?? [])];
  let smtp: SmtpCredentials = { host: '127.0.0.1', port: 2525, security: 'none', username: '', fromAddress: 'vms@example.com', fromName: '' };
  const service = new NotificationService({
    clock,
    store: {
      get: (id) => {
        if (id !== profile.id) throw new VmsError('VMS_ERR_NOT_FOUND', `notification profile ${id} does not exist`);
        return profile;
      },
      smtpSettings: () => ({ ...smtp, hasPassword: false }) as SmtpSettingsView,
      smtpCredentials: () => smtp,
    },
    sender: {
      async send(s, message) {
        attempts.push(s);
        const next = outcomes.shift() ?? 'ok';
        if (next instanceof Error) throw next;
        if (next !== 'ok') await next;
        sent.push({ smtp: s, message });
      },
    },
    systemLog: { write: (level, _source, message) => systemLog.push({ level, message }) },
    ruleLog: { write: (e) => ruleLog.push(e) },
    snapshot: o.snapshot ?? (async () => JPEG),
    cameraName: (id) => CAMERAS[id] ?? id,
    siteName: () => 'HQ',
    options: { retryDelaysMs: [1000, 2000], ...o.options },
  });
  const rule = { id: 'r1', name: 'Motion mail' };
  return {
    clock, service, sent, attempts, systemLog, ruleLog, rule,
    setSmtp: (patch: Partial<SmtpCredentials>) => (smtp = { ...smtp, ...patch }),
    fire: () => service.enqueue('p1', { rule, event: motion(clock.now()) }),
  };
}

/** Lets the background work that is not waiting on the clock run (composing, sending). */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await new Promise((r) => setImmediate(r));
}

describe('NotificationService', () => {
  it('answers at once and sends in the background, with the event\'s words and both cameras\' snapshots', async () => {
    const f = fixture();
    expect(f.fire()).toBe('notification "Guards" queued to guards@example.com with snapshots of Gate, Yard');
    expect(f.attempts).toHaveLength(0);
    await settle();
    expect(f.sent).toHaveLength(1);
    const { message } = f.sent[0]!;
    expect(message.to).toEqual(['guards@example.com']);
    expect(message.subject).toBe('motion started at Gate');
    expect(message.text).toBe('Seen at 2026-01-04 10:00:00 UTC by rule Motion mail.');
    expect(message.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['Gate-20260104T100000Z.jpg', 'image/jpeg'], ['Yard-20260104T100000Z-2.jpg', 'image/jpeg'],
    ]);
    expect(f.ruleLog).toEqual([expect.objectContaining({ ruleId: 'r1', action: 'sendNotification', outcome: 'ok', eventId: 7, message: 'notification "Guards" sent to guards@example.com' })]);
    expect(f.service.pending()).toBe(0);
  });

  it('retries while the server is down, waiting longer each time, then gives up into the system log', async () => {
    const f = fixture({ outcomes: [down(), down(), down()] });
    f.fire();
    await settle();
    expect(f.attempts).toHaveLength(1);
    f.clock.advance(999);
    await settle();
    expect(f.attempts).toHaveLength(1);
    f.clock.advance(1);
    await settle();
    expect(f.attempts).toHaveLength(2);
    f.clock.advance(1999);
    await settle();
    expect(f.attempts).toHaveLength(2);
    f.clock.advance(1);
    await settle();
    expect(f.attempts).toHaveLength(3);
    f.clock.advance(3_600_000);
    await settle();
    expect(f.attempts, 'bounded: two retries after the first attempt').toHaveLength(3);
    expect(f.sent).toHaveLength(0);
    expect(f.systemLog.filter((e) => e.level === 'warning'), 'one warning for the outage, not one per attempt').toHaveLength(1);
    expect(f.systemLog.filter((e) => e.level === 'error')).toEqual([
      { level: 'error', message: 'notification "Guards" of rule Motion mail not sent after 3 attempt(s): cannot reach the SMTP server' },
    ]);
    expect(f.ruleLog).toEqual([expect.objectContaining({ outcome: 'failed', message: 'not sent after 3 attempt(s): cannot reach the SMTP server' })]);
    expect(f.service.pending()).toBe(0);
  });

  it('sends once the server is back, with the settings as they are by then', async () => {
    const f = fixture({ outcomes: [down()] });
    f.fire();
    await settle();
    f.setSmtp({ host: 'mail.example.com', port: 587 });
    f.clock.advance(1000);
    await settle();
    expect(f.sent.map((s) => `${s.smtp.host}:${s.smtp.port}`)).toEqual(['mail.example.com:587']);
    expect(f.ruleLog).toEqual([expect.objectContaining({ outcome: 'ok', message: 'notification "Guards" sent to guards@example.com after 2 attempts' })]);
    expect(f.systemLog.map((e) => e.level)).toEqual(['warning', 'information']);
  });

  it('does not retry a refusal that time will not cure', async () => {
    const f = fixture({ outcomes: [refused()] });
    f.fire();
    await settle();
    f.clock.advance(60_000);
    await settle();
    expect(f.attempts).toHaveLength(1);
    expect(f.systemLog).toEqual([{ level: 'error', message: expect.stringMatching(/not sent after 1 attempt\(s\): the SMTP server refused the user name or password/) }]);
  });

  it('sends without the snapshot of a camera that gives no picture in time, saying so', async () => {
    const f = fixture({ snapshot: (id) => (id === 'yard' ? new Promise(() => {}) : Promise.resolve(JPEG)), options: { snapshotTimeoutMs: 5000 } });
    f.fire();
    await settle();
    expect(f.attempts, 'waiting for the yard camera').toHaveLength(0);
    f.clock.advance(5000);
    await settle();
    const { message } = f.sent[0]!;
    expect(message.attachments.map((a) => a.filename)).toEqual(['Gate-20260104T100000Z.jpg']);
    expect(message.text).toMatch(/\(No snapshot of Yard: no picture within 5 s\.\)$/);
  });

  it('refuses at once what cannot be sent: an unknown profile, no server, a full queue', async () => {
    const f = fixture({ outcomes: [new Promise(() => {}), new Promise(() => {})], options: { maxQueued: 2 } });
    expect(() => f.service.enqueue('gone', { rule: f.rule })).toThrow(/notification profile gone does not exist/);
    f.setSmtp({ host: '' });
    expect(() => f.fire()).toThrow(expect.objectContaining({ code: 'VMS_ERR_CONFLICT', field: 'host' }));
    f.setSmtp({ host: '127.0.0.1' });
    f.fire();
    f.fire();
    expect(() => f.fire()).toThrow(expect.objectContaining({ code: 'VMS_ERR_UNAVAILABLE', message: expect.stringMatching(/2 notifications are waiting/) }));
    expect(f.systemLog).toEqual([{ level: 'warning', message: expect.stringMatching(/2 notifications are waiting to be sent/) }]);
  });

  it('drops what still waits when closed, with one warning, and sends nothing after', async () => {
    const f = fixture({ outcomes: [down(), down()] });
    f.fire();
    f.fire();
    await settle();
    f.service.close();
    f.clock.advance(10_000);
    await settle();
    expect(f.attempts).toHaveLength(2);
    expect(f.systemLog.at(-1)).toEqual({ level: 'warning', message: '2 notification(s) not sent: the site stopped' });
    expect(() => f.fire()).toThrow(/stopping/);
  });

  it('sends a test now with sample words and the profile\'s own camera, and reports an SMTP refusal as it is', async () => {
    const f = fixture({ outcomes: ['ok', refused()] });
    await expect(f.service.test('p1')).resolves.toEqual({ recipients: ['guards@example.com'], snapshots: ['Yard'], missingSnapshots: [] });
    expect(f.sent[0]!.message.subject).toBe('test notification at HQ');
    await expect(f.service.test('p1')).rejects.toMatchObject({ code: 'VMS_ERR_SMTP', field: 'password' });
  });
});
