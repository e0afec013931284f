import { describe, expect, it } from 'vitest';
import type { SmtpSettingsBody } from '@nightjar/vms-core';
import { changeSecurity, looksLikeEmail, smtpChanged, smtpChanges, smtpDraftProblems, smtpSummary, smtpToDraft } from './smtpForm';

const stored: SmtpSettingsBody = {
  host: 'mail.example.com', port: 587, security: 'starttls', username: 'vms', fromAddress: 'vms@example.com', fromName: 'Nightjar',
  hasPassword: true, pendingNotifications: 0,
};

describe('SMTP settings form', () => {
  it('sends only what changed, and the password only when set or removed', () => {
    const d = smtpToDraft(stored);
    expect(smtpChanges(d, stored)).toEqual({});
    expect(smtpChanged(d, stored)).toBe(false);
    expect(smtpChanges({ ...d, host: ' smtp.example.org ', fromName: 'VMS' }, stored)).toEqual({ host: 'smtp.example.org', fromName: 'VMS' });
    expect(smtpChanges({ ...d, passwordChange: 'set', password: 'n3w' }, stored)).toEqual({ password: 'n3w' });
    expect(smtpChanges({ ...d, passwordChange: 'remove' }, stored)).toEqual({ password: null });
    // Nothing to remove: no change.
    expect(smtpChanges({ ...d, passwordChange: 'remove' }, { ...stored, hasPassword: false })).toEqual({});
  });

  it('moves the port along with the security mode only while it is the usual one', () => {
    const d = smtpToDraft(stored);
    expect(changeSecurity(d, 'tls').port).toBe('465');
    expect(changeSecurity(changeSecurity(d, 'none'), 'starttls').port).toBe('587');
    expect(changeSecurity({ ...d, port: '2525' }, 'tls').port).toBe('2525');
  });

  it('names the fields it can check before asking the site', () => {
    const d = smtpToDraft(stored);
    expect(smtpDraftProblems(d, stored)).toEqual(new Map());
    expect(smtpDraftProblems({ ...d, port: '0' }, stored).get('port')).toMatch(/1 to 65535/);
    expect(smtpDraftProblems({ ...d, port: '25x' }, stored).get('port')).toMatch(/1 to 65535/);
    expect(smtpChanged({ ...d, port: '25x' }, stored), 'a bad port is a change Save can refuse').toBe(true);
    expect(smtpDraftProblems({ ...d, passwordChange: 'set', password: '' }, stored).get('password')).toMatch(/Type the new password/);
    expect(smtpDraftProblems({ ...d, username: '' }, stored).get('username')).toMatch(/needs a user name/);
    expect(smtpDraftProblems({ ...d, username: '', passwordChange: 'remove' }, stored).has('username')).toBe(false);
    expect(smtpDraftProblems({ ...d, fromAddress: '' }, stored).get('fromAddress')).toMatch(/sent from/);
    expect(smtpDraftProblems({ ...d, fromAddress: 'vms at example' }, stored).get('fromAddress')).toMatch(/Not an email address/);
    expect(smtpDraftProblems({ ...d, host: '', fromAddress: '' }, stored).has('fromAddress'), 'no server, no sender needed').toBe(false);
  });

  it('tells addresses from typos and sums the server up in one line', () => {
    for (const ok of ['a@example.com', 'ops+vms@mail.example.org']) expect(looksLikeEmail(ok), ok).toBe(true);
    for (const bad of ['a', 'a@', '@b.com', 'a b@c.com', 'a@b.com,c@d.com', 'a@b.']) expect(looksLikeEmail(bad), bad).toBe(false);
    expect(smtpSummary(stored)).toBe('mail.example.com:587, starttls (required) as vms, from vms@example.com');
    expect(smtpSummary({ ...stored, host: '' })).toMatch(/No SMTP server/);
  });
});
