/**
 * The SMTP server notifications go through: host, port, security, sign-in, sender. Saved in
 * one request with only what changed; the password is write-only (keep, set or remove it).
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import type { SmtpSecurity } from '@nightjar/vms-core';
import { Icon } from '@nightjar/ui';
import { FormField } from '../components/FormField';
import { problemAt, siteProblem } from '../rules/fieldProblems';
import { useAdmin } from '../session/adminContext';
import { notificationKeys, updateSmtpSettings } from './notificationsApi';
import type { SmtpSettingsBody } from './notificationsApi';
import { SECURITY, SECURITY_LIST, changeSecurity, smtpChanged, smtpChanges, smtpDraftProblems, smtpToDraft } from './smtpForm';
import type { PasswordChange, SmtpDraft } from './smtpForm';

const FIELDS = ['host', 'port', 'security', 'username', 'password', 'fromAddress', 'fromName'];

export function SmtpSettingsForm({ stored }: { stored: SmtpSettingsBody }) {
  const { client, queryClient, notify } = useAdmin();
  const [d, setDraft] = useState<SmtpDraft>(() => smtpToDraft(stored));
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: () => updateSmtpSettings(client, smtpChanges(d, stored)),
    onSuccess: (saved) => {
      queryClient.setQueryData(notificationKeys.smtp, saved);
      setDraft(smtpToDraft(saved));
      setTried(false);
      notify('SMTP settings saved.', 'success');
    },
  });
  const local = smtpDraftProblems(d, stored);
  // A problem shows once the field was touched or Save was tried, so a fresh form is not all red.
  const shown = new Map([...local].filter(([f]) => tried || JSON.stringify(pick(d, f)) !== JSON.stringify(pick(smtpToDraft(stored), f))));
  const site = siteProblem(save.error);
  const problem = (field: string) => problemAt(shown, site, field);
  const unclaimed = save.error && !FIELDS.some((f) => problemAt(new Map(), site, f)) ? (save.error as Error).message : undefined;
  const changed = smtpChanged(d, stored);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (local.size === 0) save.mutate();
  };
  const passwordChoices: [PasswordChange, string][] = stored.hasPassword
    ? [['keep', 'Keep the stored password'], ['set', 'Set a new password'], ['remove', 'Remove the password']]
    : [['keep', 'No password'], ['set', 'Set a password']];

  return (
    <form className="page-form smtp-form" onSubmit={submit} noValidate aria-label="SMTP server">
      <div className="properties-head smtp-head">
        <Icon name="mail" size={16} />
        <h2>SMTP server</h2>
      </div>
      <p className="muted">Every notification profile sends through this server. Leave the host empty to send no mail.</p>
      <div className="form-grid">
        <FormField label="Host" error={problem('host')} hint="Host name or IP address">
          <input value={d.host} maxLength={253} placeholder="smtp.example.com" onChange={(e) => setDraft({ ...d, host: e.target.value })} />
        </FormField>
        <FormField label="Port" error={problem('port')}>
          <input value={d.port} inputMode="numeric" maxLength={5} onChange={(e) => setDraft({ ...d, port: e.target.value })} />
        </FormField>
        <FormField label="Security" error={problem('security')} hint={SECURITY[d.security].hint}>
          <select value={d.security} onChange={(e) => setDraft(changeSecurity(d, e.target.value as SmtpSecurity))}>
            {SECURITY_LIST.map((s) => <option key={s} value={s}>{SECURITY[s].label}</option>)}
          </select>
        </FormField>
      </div>
      <div className="form-grid">
        <FormField label="User name" error={problem('username')} hint="Empty: the server takes mail without signing in">
          <input value={d.username} maxLength={200} autoComplete="off" onChange={(e) => setDraft({ ...d, username: e.target.value })} />
        </FormField>
        <FormField label="Password" error={d.passwordChange === 'set' ? undefined : problem('password')}>
          <select value={d.passwordChange} onChange={(e) => setDraft({ ...d, passwordChange: e.target.value as PasswordChange, password: '' })}>
            {passwordChoices.map(([v, label]) => <option key={v} value={v}>{label}</option>)}
          </select>
        </FormField>
        {d.passwordChange === 'set' ? (
          <FormField label="New password" error={problem('password')} hint="Stored encrypted; never shown again">
            <input type="password" value={d.password} maxLength={200} autoComplete="new-password" onChange={(e) => setDraft({ ...d, password: e.target.value })} />
          </FormField>
        ) : null}
      </div>
      <div className="form-grid">
        <FormField label="From address" error={problem('fromAddress')}>
          <input type="email" value={d.fromAddress} maxLength={254} placeholder="vms@example.com" onChange={(e) => setDraft({ ...d, fromAddress: e.target.value })} />
        </FormField>
        <FormField label="From name" error={problem('fromName')} hint="Shown beside the address">
          <input value={d.fromName} maxLength={100} placeholder="Nightjar VMS" onChange={(e) => setDraft({ ...d, fromName: e.target.value })} />
        </FormField>
      </div>
      {stored.pendingNotifications > 0 ? (
        <p className="smtp-pending" role="status">
          {stored.pendingNotifications} notification(s) waiting to be sent; they are retried with these settings once saved.
        </p>
      ) : null}
      {unclaimed ? <div className="error-note" role="alert">{unclaimed}</div> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={!changed || save.isPending}>{save.isPending ? 'Saving…' : 'Save'}</button>
        <button type="button" className="btn" disabled={!changed || save.isPending} onClick={() => { setDraft(smtpToDraft(stored)); setTried(false); save.reset(); }}>Revert</button>
        <span className="muted">Try it with “Send test” on a notification profile.</span>
      </div>
    </form>
  );
}

function pick(d: SmtpDraft, field: string): unknown {
  return field === 'password' ? [d.passwordChange, d.password] : (d as unknown as Record<string, unknown>)[field];
}
