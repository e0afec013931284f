/**
 * The roles a profile is assigned to. A role has one profile: ticking a role another profile
 * holds moves it here on save, and the list says so before. The default profile takes every role
 * without one, so it has no list.
 */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { queryKeys } from '@nightjar/ui';
import { fieldError, formError } from '../components/FormField';
import { useAdmin } from '../session/adminContext';
import { profileOfRole, rolesTakenFrom } from './clientProfileForm';
import { updateClientProfile } from './clientProfilesApi';
import type { ClientProfileBody } from './clientProfilesApi';
import { useRoleNames } from './useRoleNames';

export function ProfileRolesForm({ profile, profiles }: { profile: ClientProfileBody; profiles: readonly ClientProfileBody[] }) {
  const { client, queryClient, notify } = useAdmin();
  const roles = useRoleNames();
  const [selected, setSelected] = useState<string[]>(profile.roleIds);
  useEffect(() => setSelected(profile.roleIds), [profile.roleIds]);
  const save = useMutation({
    mutationFn: () => updateClientProfile(client, profile.id, { roleIds: selected }),
    onSuccess: (saved) => {
      notify(`Roles of ${saved.name} saved.`, 'success');
      void queryClient.invalidateQueries({ queryKey: queryKeys.configuration('clientProfiles') });
    },
  });
  const owner = profileOfRole(profiles);
  const taken = rolesTakenFrom(selected, profiles, profile.id);
  const changed = JSON.stringify([...selected].sort()) !== JSON.stringify([...profile.roleIds].sort());
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (changed) save.mutate();
  };

  if (profile.isDefault) {
    const without = (roles.roles ?? []).filter((r) => !owner.has(r.id));
    return (
      <div className="client-form">
        <p>The default profile applies to every role without a profile of its own{roles.readable ? ':' : '.'}</p>
        {roles.readable ? <ul className="client-plain-list">{without.map((r) => <li key={r.id}>{r.name}</li>)}{without.length === 0 ? <li className="muted">none: every role has a profile</li> : null}</ul> : null}
      </div>
    );
  }
  if (!roles.readable) {
    return <p className="muted client-form">Assigning roles needs a role that may also manage users. Assigned now: {profile.roleIds.map((id) => roles.nameOf(id) ?? id).join(', ') || 'none'}.</p>;
  }
  const other = formError(save.error, ['roleIds']) ?? fieldError(save.error, 'roleIds');
  return (
    <form className="page-form client-form" onSubmit={submit} aria-label="Roles of the profile">
      <ul className="client-role-list" aria-label="Roles">
        {(roles.roles ?? []).map((r) => {
          const now = owner.get(r.id);
          return (
            <li key={r.id}>
              <label className="checkbox">
                <input type="checkbox" checked={selected.includes(r.id)}
                  onChange={(e) => setSelected(e.target.checked ? [...selected, r.id] : selected.filter((x) => x !== r.id))} />
                <span>{r.name}</span>
                {taken.has(r.id) ? <small className="client-moves">moves here from {taken.get(r.id)}</small>
                  : now && now.id !== profile.id ? <small className="muted">has {now.name}</small>
                    : !now ? <small className="muted">uses the default profile</small> : null}
              </label>
            </li>
          );
        })}
        {roles.error ? <li className="field-error">Roles could not be read: {roles.error.message}</li> : null}
      </ul>
      <p className="field-hint">A user in several roles gets the first of their roles' profiles in the list's order.</p>
      {other ? <div className="error-note" role="alert">{other}</div> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={!changed || save.isPending}>{save.isPending ? 'Saving…' : 'Save'}</button>
        <button type="button" className="btn" disabled={!changed || save.isPending} onClick={() => { setSelected(profile.roleIds); save.reset(); }}>Revert</button>
      </div>
    </form>
  );
}
