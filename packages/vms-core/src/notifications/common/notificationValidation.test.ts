import { describe, expect, it } from 'vitest';
import type { NotificationProfileInput, SmtpSettings } from './notification';
import { DEFAULT_SMTP_SETTINGS, eventTypeWords, formatNotificationTime, renderTemplate, unknownPlaceholders } from './notification';
import { isEmailAddress, isHost, notificationProfileProblem, smtpSettingsProblem } from './notificationValidation';

const smtp: SmtpSettings = { host: 'mail.example.com', port: 587, security: 'starttls', username: 'vms', fromAddress: 'vms@example.com', fromName: 'Nightjar' };
const profile: NotificationProfileInput = {
  name: 'Guards', description: '', recipients: ['guards@example.com', 'boss@example.org'], subject: '{event} at {source}',
  body: 'At {time}: {message}', attachSnapshots: true, snapshotCameraIds: ['cam-a'], timeZone: 'Europe/Oslo',
};
const ctx = { cameraIds: new Set(['cam-a', 'cam-b']) };

describe('addresses and hosts', () => {
  it('takes what mail servers take and refuses what people mistype', () => {
    for (const ok of ['a@example.com', 'first.last+tag@mail.example.co.uk', 'ops@localhost', 'x@127.0.0.1']) expect(isEmailAddress(ok), ok).toBe(true);
    for (const bad of ['', 'plain', '@example.com', 'a@', 'a b@example.com', 'a@exa mple.com', 'a..b@example.com', 'Ann <a@example.com>', 'a@example.com,b@example.com', 'a@-bad.com']) {
      expect(isEmailAddress(bad), bad).toBe(false);
    }
    for (const ok of ['smtp.example.com', '127.0.0.1', 'localhost', '::1', 'fe80::1']) expect(isHost(ok), ok).toBe(true);
    for (const bad of ['', 'bad host', 'host_name', '300.1.1.1', 'a..b', '-x.com', 'x'.repeat(254)]) expect(isHost(bad), bad).toBe(false);
  });
});

describe('SMTP settings', () => {
  it('accepts a full server and the empty "none configured" default', () => {
    expect(smtpSettingsProblem({ ...smtp, password: 'secret' }, false)).toBeUndefined();
    expect(smtpSettingsProblem(DEFAULT_SMTP_SETTINGS, false)).toBeUndefined();
  });

  it('names the field at fault', () => {
    const cases: [Partial<SmtpSettings> & { password?: string | null }, boolean, string, RegExp][] = [
      [{ host: 'bad host' }, false, 'host', /not a host name/],
      [{ port: 0 }, false, 'port', /1 to 65535/],
      [{ port: 70000 }, false, 'port', /1 to 65535/],
      [{ security: 'ssl' as never }, false, 'security', /none, starttls, tls/],
      [{ username: '', password: 'secret' }, false, 'username', /needs a user name/],
      // A stored password with the user name cleared: the same mistake.
      [{ username: '' }, true, 'username', /needs a user name/],
      [{ password: '' }, false, 'password', /1 to 200/],
      [{ fromAddress: '' }, false, 'fromAddress', /sent from/],
      [{ fromAddress: 'not-an-address' }, false, 'fromAddress', /not an email address/],
      [{ fromName: 'Evil\r\nBcc: x@y' }, false, 'fromName', /line breaks/],
    ];
    for (const [patch, hasPassword, field, message] of cases) {
      expect(smtpSettingsProblem({ ...smtp, ...patch }, hasPassword), JSON.stringify(patch)).toMatchObject({ field, message: expect.stringMatching(message) });
    }
    // Removing the password lets the user name go.
    expect(smtpSettingsProblem({ ...smtp, username: '', password: null }, true)).toBeUndefined();
  });
});

describe('notification profiles', () => {
  it('accepts a profile with placeholders and snapshot cameras', () => {
    expect(notificationProfileProblem(profile, ctx)).toBeUndefined();
  });

  it('names the field at fault', () => {
    const cases: [Partial<NotificationProfileInput>, string, RegExp][] = [
      [{ name: ' ' }, 'name', /needs a name/],
      [{ recipients: [] }, 'recipients', /1 to 50/],
      [{ recipients: ['a@example.com', 'nope'] }, 'recipients[1]', /"nope" is not an email address/],
      [{ recipients: ['a@example.com', 'A@example.com'] }, 'recipients[1]', /listed twice/],
      [{ subject: '' }, 'subject', /1 to 200/],
      [{ subject: 'one\ntwo' }, 'subject', /one line/],
      [{ subject: 'Alarm {evnt}' }, 'subject', /unknown placeholder \{evnt\}.*\{event\}/],
      [{ body: 'at {when}' }, 'body', /unknown placeholder \{when\}/],
      [{ snapshotCameraIds: ['cam-a', 'cam-x'] }, 'snapshotCameraIds[1]', /camera cam-x does not exist/],
      [{ snapshotCameraIds: ['cam-a', 'cam-a'] }, 'snapshotCameraIds[1]', /listed twice/],
      [{ timeZone: 'Mars/Olympus' }, 'timeZone', /unknown time zone/],
    ];
    for (const [patch, field, message] of cases) {
      expect(notificationProfileProblem({ ...profile, ...patch }, ctx), JSON.stringify(patch)).toMatchObject({ field, message: expect.stringMatching(message) });
    }
  });
});

describe('templates', () => {
  const values = { event: 'motion started', source: 'Gate', time: 't', message: 'm', rule: 'r', site: 's' };

  it('fills the placeholders and leaves other braces alone', () => {
    expect(renderTemplate('{event} at {source} ({rule}, {site}) {json} {}', values)).toBe('motion started at Gate (r, s) {json} {}');
    expect(unknownPlaceholders('{event} {json} { spaced }')).toEqual(['json']);
  });

  it('writes event types and times for people', () => {
    expect(eventTypeWords('connectionLost')).toBe('connection lost');
    expect(formatNotificationTime(Date.UTC(2026, 6, 4, 10, 5, 9), 'Europe/Oslo')).toBe('2026-07-04 12:05:09 Europe/Oslo');
    expect(formatNotificationTime(Date.UTC(2026, 0, 4, 23, 0, 0), 'UTC')).toBe('2026-01-04 23:00:00 UTC');
  });
});
