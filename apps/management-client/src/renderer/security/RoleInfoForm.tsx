/**
 * A role's name and admin flags, saved in one request (updateRole). Administrators cannot be
 * changed: the form shows what it holds and why it is fixed.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { queryKeys } from '@nightjar/ui';
import { FormField, fieldError, formError } from '../components/FormField';
import { useAdmin } from '../session/adminContext';
import { ADMINISTRATORS, updateRole } from './securityApi';
import type { RoleBody } from './securityApi';

interface InfoDraft {
  name: string;
  manageConfiguration: boolean;
  manageUsers: boolean;
}

const toDraft = (r: RoleBody): InfoDraft => ({ name: r.name, manageConfiguration: r.manageConfiguration, manageUsers: r.manageUsers });

export function RoleInfoForm({ role }: { role: RoleBody }) {
  const { client, queryClient, notify } = useAdmin();
  const [draft, setDraft] = useState(() => toDraft(role));
  useEffect(() => setDraft(toDraft(role)), [role]);
  const save = useMutation({
    mutationFn: (d: InfoDraft) => updateRole(client, role.id, { ...d, name: d.name.trim() }),
    onSuccess: (saved) => {
      notify(`Role ${saved.name} saved.`, 'success');
      void queryClient.invalidateQueries({ queryKey: queryKeys.configuration('roles') });
    },
  });
  const fixed = role.id === ADMINISTRATORS;
  const initial = toDraft(role);
  const changed = draft.name !== initial.name || draft.manageConfiguration !== initial.manageConfiguration || draft.manageUsers !== initial.manageUsers;
  const nameProblem = draft.name.trim() === '' ? 'A role needs a name.' : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!nameProblem) save.mutate(draft);
  };
  const problem = formError(save.error, ['name', 'manageConfiguration', 'manageUsers']);

  return (
    <form className="page-form tab-form" onSubmit={submit}>
      {fixed ? (
        <p className="role-fixed-note" role="note">
          Administrators is built in: its members hold every right on every camera and may manage configuration, users and roles.
          It cannot be renamed, limited or deleted, so the site always has someone who can administer it. Change who is a member on the Members tab.
        </p>
      ) : null}
      <FormField label="Name" error={nameProblem ?? fieldError(save.error, 'name')}>
        <input value={draft.name} maxLength={100} disabled={fixed} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
      </FormField>
      <div className="facts-inline">
        <span className="muted">Type</span> {role.builtin ? 'Built-in role' : 'Role defined on this site'}
      </div>
      <fieldset className="role-fieldset">
        <legend>Administration</legend>
        <label className="checkbox">
          <input type="checkbox" checked={draft.manageConfiguration} disabled={fixed} onChange={(e) => setDraft({ ...draft, manageConfiguration: e.target.checked })} />
          <span>Manage configuration</span>
          <small className="muted">servers, storage, cameras, time profiles, rules, events, logs</small>
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={draft.manageUsers} disabled={fixed} onChange={(e) => setDraft({ ...draft, manageUsers: e.target.checked })} />
          <span>Manage users and roles</span>
          <small className="muted">within the rights its members hold themselves; the audit log</small>
        </label>
      </fieldset>
      {problem ? <div className="error-note" role="alert">{problem}</div> : null}
      {fixed ? null : (
        <div className="form-actions">
          <button type="submit" className="btn btn-primary" disabled={!changed || !!nameProblem || save.isPending}>{save.isPending ? 'Saving…' : 'Save'}</button>
          <button type="button" className="btn" disabled={!changed || save.isPending} onClick={() => { setDraft(initial); save.reset(); }}>Revert</button>
        </div>
      )}
    </form>
  );
}
