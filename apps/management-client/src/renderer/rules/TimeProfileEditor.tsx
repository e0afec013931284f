/**
 * One time profile: name, zone, media age limit, the weekly schedule (grid and list of
 * windows, kept in step) and dated exceptions. Saved whole in one request; the site's
 * problems (an overlap, an unknown zone) show beside the window or field it names.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { FormEvent } from 'react';
import { Icon, queryKeys } from '@nightjar/ui';
import { FormField } from '../components/FormField';
import { useAdmin } from '../session/adminContext';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { ExceptionsEditor } from './ExceptionsEditor';
import { createTimeProfile, deleteTimeProfile, updateTimeProfile } from './rulesApi';
import type { StoredTimeProfileBody } from './rulesApi';
import { problemAt, siteProblem } from './fieldProblems';
import { draftToCreate, draftToUpdate, newProfileDraft, profileProblems, profileToDraft } from './timeProfileForm';
import type { ProfileDraft } from './timeProfileForm';
import { WeekScheduleGrid } from './WeekScheduleGrid';
import { weekHours, windowsToWeek } from './weekGrid';
import { WindowList } from './WindowList';

const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const zones = (): string[] => (typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []);

export interface TimeProfileEditorProps {
  /** Absent: a new profile. */
  profile?: StoredTimeProfileBody;
  /** Names of rules running within the profile. */
  usedByRules: readonly string[];
  onSaved: (profile: StoredTimeProfileBody) => void;
  onDeleted: () => void;
}

export function TimeProfileEditor({ profile, usedByRules, onSaved, onDeleted }: TimeProfileEditorProps) {
  const { client, queryClient, notify } = useAdmin();
  const initial = useMemo(() => (profile ? profileToDraft(profile) : newProfileDraft(localZone())), [profile]);
  const [draft, setDraft] = useState<ProfileDraft>(initial);
  // A saved (or elsewhere changed) profile replaces the draft.
  useEffect(() => setDraft(initial), [initial]);
  const [tried, setTried] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.configuration('timeProfiles') });
  const save = useMutation({
    mutationFn: (d: ProfileDraft) => (profile ? updateTimeProfile(client, profile.id, draftToUpdate(d)) : createTimeProfile(client, draftToCreate(d))),
    onSuccess: (saved) => {
      notify(`Time profile ${saved.name} saved.`, 'success');
      void refresh();
      onSaved(saved);
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteTimeProfile(client, profile!.id),
    onSuccess: () => {
      notify(`Time profile ${profile!.name} deleted.`, 'success');
      setConfirming(false);
      void refresh();
      onDeleted();
    },
  });

  const local = profileProblems(draft);
  const shownLocal = tried ? local : new Map([...local].filter(([k]) => k !== 'name' || draft.name !== ''));
  const apiError = siteProblem(save.error);
  const problem = (field: string) => problemAt(shownLocal, apiError, field);
  const unclaimed = save.error && !apiError ? (save.error as Error).message
    : apiError && !['name', 'description', 'timeZone', 'maxAgeDays', 'windows', 'exceptions'].some((f) => problemAt(new Map(), apiError, f)) ? apiError.message : undefined;
  const changed = JSON.stringify(draft) !== JSON.stringify(initial);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (local.size === 0) save.mutate(draft);
  };
  const hours = draft.limited ? weekHours(windowsToWeek(draft.windows)) : 168;
  const usedBy = [...(profile?.usedBy ?? []).map((r) => `role ${r}`), ...usedByRules.map((r) => `rule ${r}`)];

  return (
    <form className="profile-editor" onSubmit={submit} noValidate aria-label={profile ? `Time profile ${profile.name}` : 'New time profile'}>
      <div className="properties-head">
        <Icon name="clock" size={16} />
        <h2>{profile ? profile.name : 'New time profile'}</h2>
        <div className="page-actions">
          {profile ? (
            <button type="button" className="btn btn-sm btn-danger" onClick={() => { remove.reset(); setConfirming(true); }}><Icon name="trash" size={13} /> Delete</button>
          ) : null}
        </div>
      </div>
      <div className="profile-body">
        <div className="form-grid">
          <FormField label="Name" error={problem('name')}>
            <input value={draft.name} maxLength={100} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          </FormField>
          <FormField label="Time zone" error={problem('timeZone')} hint="The hours below are read in this zone.">
            <input value={draft.timeZone} list="time-zones" onChange={(e) => setDraft({ ...draft, timeZone: e.target.value })} />
          </FormField>
          <FormField label="Media reachable (days)" error={problem('maxAgeDays')} hint="For role grants: only media of the last N days. Empty: all.">
            <input type="number" min={1} value={draft.maxAgeDays} onChange={(e) => setDraft({ ...draft, maxAgeDays: e.target.value })} />
          </FormField>
        </div>
        <datalist id="time-zones">{zones().map((z) => <option key={z} value={z} />)}</datalist>
        <FormField label="Description" error={problem('description')}>
          <textarea className="input" rows={2} value={draft.description} maxLength={1000} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
        </FormField>

        <section className="profile-section" aria-label="Weekly schedule">
          <h3>Weekly schedule <span className="muted">{hours.toFixed(hours % 1 ? 1 : 0)} h a week</span></h3>
          <div className="profile-mode" role="radiogroup" aria-label="When the profile is on">
            <label className="checkbox"><input type="radio" name="limited" checked={!draft.limited} onChange={() => setDraft({ ...draft, limited: false })} /> On all week</label>
            <label className="checkbox"><input type="radio" name="limited" checked={draft.limited} onChange={() => setDraft({ ...draft, limited: true })} /> Only within these windows</label>
          </div>
          {draft.limited ? (
            <>
              <WeekScheduleGrid windows={draft.windows} onChange={(windows) => setDraft({ ...draft, windows })} />
              <p className="muted week-grid-hint">Drag across the grid to switch half hours on, or start on a lit cell to switch them off; or edit the windows below.</p>
              <WindowList windows={draft.windows} onChange={(windows) => setDraft({ ...draft, windows })} problem={problem} />
            </>
          ) : null}
        </section>

        <section className="profile-section" aria-label="Exceptions">
          <h3>Exceptions <span className="muted">dated days that replace the weekly schedule</span></h3>
          <ExceptionsEditor exceptions={draft.exceptions} onChange={(exceptions) => setDraft({ ...draft, exceptions })} problem={problem} />
        </section>

        {usedBy.length > 0 ? <p className="muted">Used by {usedBy.join(', ')}: changes apply to them at once.</p> : null}
        {unclaimed ? <div className="error-note" role="alert">{unclaimed}</div> : null}
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={(!changed && !!profile) || save.isPending}>{save.isPending ? 'Saving…' : profile ? 'Save' : 'Create profile'}</button>
          <button type="button" className="btn" disabled={!changed || save.isPending} onClick={() => { setDraft(initial); setTried(false); save.reset(); }}>Revert</button>
          {tried && local.size > 0 ? <span className="field-error">Fix the marked fields first.</span> : null}
        </div>
      </div>
      {confirming && profile ? (
        <ConfirmDialog title="Delete time profile" confirmLabel="Delete profile" busy={remove.isPending} error={remove.error} onConfirm={() => remove.mutate()} onClose={() => setConfirming(false)}>
          <p>Delete the time profile <b>{profile.name}</b>?</p>
          {usedBy.length > 0 ? <p className="muted">It is used by {usedBy.join(', ')}; the site refuses until they stop using it.</p> : null}
        </ConfirmDialog>
      ) : null}
    </form>
  );
}
