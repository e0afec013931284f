/**
 * One notification profile: who gets the mail, its subject and text with placeholders (with a
 * preview), which cameras' snapshots go along, and the time zone {time} is written in. Saved
 * whole in one request; "Send test" mails it now through the SMTP server.
 */
import { useMutation } from '@tanstack/react-query';
import { useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { Placeholder } from '@nightjar/vms-core';
import { Icon } from '@nightjar/ui';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { FormField } from '../components/FormField';
import { IdPicker } from '../rules/IdPicker';
import { problemAt, siteProblem } from '../rules/fieldProblems';
import type { Named } from '../rules/useRuleContext';
import { useAdmin } from '../session/adminContext';
import { createNotificationProfile, deleteNotificationProfile, notificationKeys, updateNotificationProfile } from './notificationsApi';
import type { NotificationProfileBody } from './notificationsApi';
import { PLACEHOLDERS, PLACEHOLDER_LIST, draftToBody, insertPlaceholder, newProfileDraft, previewTemplate, profileDraftProblems, profileToDraft } from './profileForm';
import type { ProfileDraft } from './profileForm';
import { TestSendPanel } from './TestSendPanel';

const CLAIMED = ['name', 'description', 'recipients', 'subject', 'body', 'attachSnapshots', 'snapshotCameraIds', 'timeZone'];
const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const zones = (): string[] => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);

export interface NotificationProfileEditorProps {
  profile?: NotificationProfileBody;
  cameras: readonly Named[];
  onSaved: (profile: NotificationProfileBody) => void;
  onDeleted: () => void;
  onOpenSmtp: () => void;
}

export function NotificationProfileEditor({ profile, cameras, onSaved, onDeleted, onOpenSmtp }: NotificationProfileEditorProps) {
  const { client, queryClient, notify } = useAdmin();
  const initial = useMemo(() => (profile ? profileToDraft(profile) : newProfileDraft(localZone())), [profile]);
  const [d, setDraft] = useState<ProfileDraft>(initial);
  const [tried, setTried] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // Placeholder buttons write into the subject or the text, whichever had the caret last.
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const [target, setTarget] = useState<'subject' | 'body'>('body');
  const refresh = () => queryClient.invalidateQueries({ queryKey: notificationKeys.all });
  const save = useMutation({
    mutationFn: (draft: ProfileDraft) => (profile ? updateNotificationProfile(client, profile.id, draftToBody(draft)) : createNotificationProfile(client, draftToBody(draft))),
    onSuccess: (saved) => {
      notify(`Notification profile ${saved.name} saved.`, 'success');
      setTried(false);
      void refresh();
      onSaved(saved);
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteNotificationProfile(client, profile!.id),
    onSuccess: () => {
      notify(`Notification profile ${profile!.name} deleted.`, 'success');
      setConfirming(false);
      void refresh();
      onDeleted();
    },
  });

  const local = profileDraftProblems(d);
  const shown = new Map([...local].filter(([f]) => tried || (f !== 'name' && !f.startsWith('recipients')) || d.name !== '' || d.recipients !== ''));
  const site = siteProblem(save.error);
  const problem = (field: string) => problemAt(shown, site, field);
  const unclaimed = save.error && !CLAIMED.some((f) => problemAt(new Map(), site, f)) ? (save.error as Error).message : undefined;
  const changed = JSON.stringify(d) !== JSON.stringify(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (local.size === 0) save.mutate(d);
  };
  const insert = (name: Placeholder) => {
    const el = target === 'subject' ? subjectRef.current : bodyRef.current;
    const text = d[target];
    const { text: next, caret } = insertPlaceholder(text, el?.selectionStart ?? text.length, el?.selectionEnd ?? text.length, name);
    setDraft({ ...d, [target]: next });
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(caret, caret);
    });
  };

  return (
    <form className="page-form profile-form" onSubmit={submit} noValidate aria-label={profile ? `Notification profile ${profile.name}` : 'New notification profile'}>
      <div className="properties-head">
        <Icon name="mail" size={16} />
        <h2>{profile ? profile.name : 'New notification profile'}</h2>
        <div className="page-actions">
          {profile ? <button type="button" className="btn btn-sm btn-danger" onClick={() => { remove.reset(); setConfirming(true); }}><Icon name="trash" size={13} /> Delete</button> : null}
        </div>
      </div>
      <div className="form-grid">
        <FormField label="Name" error={problem('name')}>
          <input value={d.name} maxLength={100} onChange={(e) => setDraft({ ...d, name: e.target.value })} />
        </FormField>
        <FormField label="Description" error={problem('description')}>
          <input value={d.description} maxLength={1000} onChange={(e) => setDraft({ ...d, description: e.target.value })} />
        </FormField>
      </div>
      <FormField label="Recipients" error={problem('recipients')} hint="Email addresses, one per line or separated by commas">
        <textarea rows={3} value={d.recipients} onChange={(e) => setDraft({ ...d, recipients: e.target.value })} />
      </FormField>
      <FormField label="Subject" error={problem('subject')} hint={`Preview: ${previewTemplate(d.subject)}`}>
        <input ref={subjectRef} value={d.subject} maxLength={200} onFocus={() => setTarget('subject')} onChange={(e) => setDraft({ ...d, subject: e.target.value })} />
      </FormField>
      <FormField label="Text" error={problem('body')}>
        <textarea ref={bodyRef} rows={6} value={d.body} maxLength={10_000} onFocus={() => setTarget('body')} onChange={(e) => setDraft({ ...d, body: e.target.value })} />
      </FormField>
      <div className="placeholder-bar" role="toolbar" aria-label={`Insert a placeholder into the ${target === 'subject' ? 'subject' : 'text'}`}>
        <span className="muted">Insert:</span>
        {PLACEHOLDER_LIST.map((n) => (
          <button key={n} type="button" className="btn btn-sm" title={PLACEHOLDERS[n].label} onMouseDown={(e) => e.preventDefault()} onClick={() => insert(n)}>{`{${n}}`}</button>
        ))}
      </div>
      <fieldset className="role-fieldset">
        <legend>Snapshots</legend>
        <label className="checkbox">
          <input type="checkbox" checked={d.attachSnapshots} onChange={(e) => setDraft({ ...d, attachSnapshots: e.target.checked })} />
          Attach a JPEG of what the cameras show when the mail is sent
        </label>
        {d.attachSnapshots ? (
          <>
            <p className="muted">The camera that raised the event is always included when one did. Also these cameras:</p>
            <IdPicker label="Snapshot cameras" items={cameras} selected={d.snapshotCameraIds} onChange={(ids) => setDraft({ ...d, snapshotCameraIds: ids ?? [] })}
              error={problem('snapshotCameraIds')} />
          </>
        ) : null}
      </fieldset>
      <FormField label="Time zone" error={problem('timeZone')} hint="{time} is written in it">
        <input value={d.timeZone} list="notification-time-zones" onChange={(e) => setDraft({ ...d, timeZone: e.target.value })} />
      </FormField>
      <datalist id="notification-time-zones">{zones().map((z) => <option key={z} value={z} />)}</datalist>
      {profile ? <p className="muted">{profile.usedBy.length > 0 ? `Sent by the rules ${profile.usedBy.join(', ')}.` : 'No rule sends it yet: add “Send notification” to a rule.'}</p> : null}
      {unclaimed ? <div className="error-note" role="alert">{unclaimed}</div> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={(!changed && !!profile) || save.isPending}>{save.isPending ? 'Saving…' : profile ? 'Save' : 'Create profile'}</button>
        <button type="button" className="btn" disabled={!changed || save.isPending} onClick={() => { setDraft(initial); setTried(false); save.reset(); }}>Revert</button>
      </div>
      {profile ? <TestSendPanel profile={profile} unsaved={changed} onOpenSmtp={onOpenSmtp} cameraName={(id) => cameras.find((c) => c.id === id)?.name ?? id} /> : null}
      {confirming && profile ? (
        <ConfirmDialog title="Delete notification profile" confirmLabel="Delete profile" busy={remove.isPending} error={remove.error}
          onConfirm={() => remove.mutate()} onClose={() => setConfirming(false)}>
          <p>Delete <b>{profile.name}</b>?</p>
          {profile.usedBy.length > 0 ? <p className="muted">The rules {profile.usedBy.join(', ')} send it; the site refuses until they no longer do.</p> : null}
        </ConfirmDialog>
      ) : null}
    </form>
  );
}
