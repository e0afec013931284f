/**
 * Creates a client profile (createClientProfile): a name and the profile whose settings it
 * starts from; its roles and settings are set on its tabs after.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Dialog } from '@nightjar/ui';
import { FormField, fieldError, formError } from '../components/FormField';
import { useAdmin } from '../session/adminContext';
import { PROFILE_LIMITS, profileNameProblem } from './clientProfileForm';
import { createClientProfile } from './clientProfilesApi';
import type { ClientProfileBody } from './clientProfilesApi';

export function NewClientProfileDialog({ profiles, onCreated, onClose }: { profiles: readonly ClientProfileBody[]; onCreated: (p: ClientProfileBody) => void; onClose: () => void }) {
  const { client, notify } = useAdmin();
  const [name, setName] = useState('');
  const [copyOf, setCopyOf] = useState(profiles.find((p) => p.isDefault)?.id ?? '');
  const [tried, setTried] = useState(false);
  const create = useMutation({
    mutationFn: () => createClientProfile(client, {
      name: name.trim(),
      ...(profiles.find((p) => p.id === copyOf) ? { settings: profiles.find((p) => p.id === copyOf)!.settings } : {}),
    }),
    onSuccess: (p) => {
      notify(`Client profile ${p.name} created. Assign it to roles next.`, 'success');
      onCreated(p);
    },
  });
  const nameProblem = profileNameProblem(name, profiles);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!nameProblem) create.mutate();
  };
  const other = formError(create.error, ['name']);
  return (
    <Dialog title="New client profile" icon="sidebar" width={460} onClose={onClose} footer={(
      <>
        <button type="button" className="btn" onClick={onClose}>Cancel</button>
        <button type="submit" form="new-client-profile-form" className="btn btn-primary" disabled={create.isPending}>{create.isPending ? 'Creating…' : 'Create profile'}</button>
      </>
    )}>
      <form id="new-client-profile-form" className="client-dialog-form" onSubmit={submit} noValidate>
        <FormField label="Name" error={(tried || name !== '' ? nameProblem : undefined) ?? fieldError(create.error, 'name')}>
          <input className="input" value={name} maxLength={PROFILE_LIMITS.maxName} onChange={(e) => setName(e.target.value)} data-autofocus />
        </FormField>
        <FormField label="Start from the settings of" hint="The new profile comes last in the order, before the default profile.">
          <select className="input" value={copyOf} onChange={(e) => setCopyOf(e.target.value)}>
            {profiles.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </FormField>
        {other ? <div className="error-note" role="alert">{other}</div> : null}
      </form>
    </Dialog>
  );
}
