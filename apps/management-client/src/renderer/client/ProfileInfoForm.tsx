/** A profile's name and description, saved in one request (updateClientProfile); Revert restores them. */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { queryKeys } from '@nightjar/ui';
import { FormField, fieldError, formError } from '../components/FormField';
import { useAdmin } from '../session/adminContext';
import { PROFILE_LIMITS, profileNameProblem } from './clientProfileForm';
import { updateClientProfile } from './clientProfilesApi';
import type { ClientProfileBody, UpdateClientProfileBody } from './clientProfilesApi';

export function ProfileInfoForm({ profile, profiles }: { profile: ClientProfileBody; profiles: readonly ClientProfileBody[] }) {
  const { client, queryClient, notify } = useAdmin();
  const [name, setName] = useState(profile.name);
  const [description, setDescription] = useState(profile.description);
  useEffect(() => {
    setName(profile.name);
    setDescription(profile.description);
  }, [profile.name, profile.description]);
  const body: UpdateClientProfileBody = {
    ...(name.trim() !== profile.name ? { name: name.trim() } : {}),
    ...(description !== profile.description ? { description } : {}),
  };
  const changed = Object.keys(body).length > 0;
  const save = useMutation({
    mutationFn: () => updateClientProfile(client, profile.id, body),
    onSuccess: (saved) => {
      notify(`Client profile ${saved.name} saved.`, 'success');
      void queryClient.invalidateQueries({ queryKey: queryKeys.configuration('clientProfiles') });
    },
  });
  const nameProblem = profileNameProblem(name, profiles, profile.id);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (changed && !nameProblem) save.mutate();
  };
  const other = formError(save.error, ['name', 'description']);
  return (
    <form className="page-form client-form" onSubmit={submit} aria-label="Client profile info">
      <FormField label="Name" error={nameProblem ?? fieldError(save.error, 'name')}>
        <input className="input" value={name} maxLength={PROFILE_LIMITS.maxName} onChange={(e) => setName(e.target.value)} />
      </FormField>
      <FormField label="Description" error={fieldError(save.error, 'description')} hint="For administrators: who the profile is for.">
        <textarea className="input" value={description} maxLength={PROFILE_LIMITS.maxDescription} rows={3} onChange={(e) => setDescription(e.target.value)} />
      </FormField>
      {profile.isDefault ? <p className="muted">The default profile applies to every role without a profile of its own. It can be renamed and changed, not deleted.</p> : null}
      {other ? <div className="error-note" role="alert">{other}</div> : null}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={!changed || !!nameProblem || save.isPending}>{save.isPending ? 'Saving…' : 'Save'}</button>
        <button type="button" className="btn" disabled={!changed || save.isPending} onClick={() => { setName(profile.name); setDescription(profile.description); save.reset(); }}>Revert</button>
      </div>
    </form>
  );
}
