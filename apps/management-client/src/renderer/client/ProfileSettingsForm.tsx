/**
 * What a profile sets in the Smart Client: the workspaces offered, export, the layout an empty
 * screen starts with, what tiles show, the export dialog's format, and the idle sign-out. One
 * request saves what changed; Revert puts the stored values back.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { queryKeys } from '@nightjar/ui';
import { FormField, fieldError, formError } from '../components/FormField';
import { useAdmin } from '../session/adminContext';
import { EXPORT_FORMAT_CHOICES, LAYOUT_CHOICES, WORKSPACE_CHOICES, changedSettings, settingsDraftOf, settingsProblems } from './clientProfileForm';
import type { SettingsDraft } from './clientProfileForm';
import { updateClientProfile } from './clientProfilesApi';
import type { ClientProfileBody } from './clientProfilesApi';

export function ProfileSettingsForm({ profile }: { profile: ClientProfileBody }) {
  const { client, queryClient, notify } = useAdmin();
  const [draft, setDraft] = useState(() => settingsDraftOf(profile.settings));
  useEffect(() => setDraft(settingsDraftOf(profile.settings)), [profile.settings]);
  const problems = settingsProblems(draft);
  const valid = Object.keys(problems).length === 0;
  const changes = valid ? changedSettings(draft, profile.settings) : undefined;
  const dirty = JSON.stringify(draft) !== JSON.stringify(settingsDraftOf(profile.settings));
  const save = useMutation({
    mutationFn: () => updateClientProfile(client, profile.id, { settings: changes! }),
    onSuccess: (saved) => {
      notify(`Client profile ${saved.name} saved; open Smart Clients apply it at once.`, 'success');
      void queryClient.invalidateQueries({ queryKey: queryKeys.configuration('clientProfiles') });
    },
  });
  const set = <K extends keyof SettingsDraft>(key: K, value: SettingsDraft[K]) => setDraft({ ...draft, [key]: value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (changes) save.mutate();
  };
  const other = formError(save.error, ['settings']);
  const workspacesError = problems.workspaces ?? fieldError(save.error, 'settings.workspaces');
  return (
    <form className="page-form client-form" onSubmit={submit} aria-label="Smart Client settings">
      <fieldset className="client-fieldset">
        <legend>Workspaces offered</legend>
        {WORKSPACE_CHOICES.map((w) => (
          <label key={w.id} className="checkbox">
            <input type="checkbox" checked={draft.workspaces.includes(w.id)}
              onChange={(e) => set('workspaces', e.target.checked ? [...draft.workspaces, w.id] : draft.workspaces.filter((x) => x !== w.id))} />
            <span>{w.label}</span>
            <small className="muted">{w.detail}</small>
          </label>
        ))}
        {workspacesError ? <em className="field-error" role="alert">{workspacesError}</em> : null}
      </fieldset>
      <fieldset className="client-fieldset">
        <legend>Video tiles and views</legend>
        <label className="checkbox">
          <input type="checkbox" checked={draft.tileTitleBar} onChange={(e) => set('tileTitleBar', e.target.checked)} />
          <span>Title bar on tiles</span><small className="muted">camera name, REC and motion</small>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={draft.tileClock} onChange={(e) => set('tileClock', e.target.checked)} />
          <span>Clock on tiles</span><small className="muted">the time shown in the corner</small>
        </label>
        <FormField label="Layout of a new, empty screen" error={fieldError(save.error, 'settings.defaultLayout')}>
          <select className="input" value={draft.defaultLayout} onChange={(e) => set('defaultLayout', e.target.value as SettingsDraft['defaultLayout'])}>
            {LAYOUT_CHOICES.map((l) => <option key={l} value={l}>{l}</option>)}
          </select>
        </FormField>
      </fieldset>
      <fieldset className="client-fieldset">
        <legend>Export</legend>
        <label className="checkbox">
          <input type="checkbox" checked={draft.exportAllowed} onChange={(e) => set('exportAllowed', e.target.checked)} />
          <span>Offer export</span><small className="muted">the export right per camera is still needed</small>
        </label>
        <FormField label="Default export format" error={fieldError(save.error, 'settings.defaultExportFormat')}>
          <select className="input" value={draft.defaultExportFormat} disabled={!draft.exportAllowed}
            onChange={(e) => set('defaultExportFormat', e.target.value as SettingsDraft['defaultExportFormat'])}>
            {EXPORT_FORMAT_CHOICES.map((f) => <option key={f.id} value={f.id}>{f.label}</option>)}
          </select>
        </FormField>
      </fieldset>
      <FormField label="Sign out after idle (minutes)" error={problems.idleLogoutMinutes ?? fieldError(save.error, 'settings.idleLogoutMinutes')}
        hint="0 keeps the session however long the client is unused (a video wall). Operators are warned a minute before.">
        <input className="input client-number" inputMode="numeric" value={draft.idleLogoutMinutes} onChange={(e) => set('idleLogoutMinutes', e.target.value)} />
      </FormField>
      {other ? <div className="error-note" role="alert">{other}</div> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={!changes || save.isPending}>{save.isPending ? 'Saving…' : 'Save'}</button>
        <button type="button" className="btn" disabled={!dirty || save.isPending} onClick={() => { setDraft(settingsDraftOf(profile.settings)); save.reset(); }}>Revert</button>
      </div>
    </form>
  );
}
