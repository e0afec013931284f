/** Creates a role with a name and admin flags (createRole); device rights are set on its tab after. */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Dialog } from '@nightjar/ui';
import { FormField, fieldError, formError } from '../components/FormField';
import { useAdmin } from '../session/adminContext';
import { createRole } from './securityApi';
import type { RoleBody } from './securityApi';

export function NewRoleDialog({ roles, onCreated, onClose }: { roles: readonly RoleBody[]; onCreated: (role: RoleBody) => void; onClose: () => void }) {
  const { client, notify } = useAdmin();
  const [name, setName] = useState('');
  const [manageConfiguration, setManageConfiguration] = useState(false);
  const [manageUsers, setManageUsers] = useState(false);
  const [tried, setTried] = useState(false);
  const create = useMutation({
    mutationFn: () => createRole(client, { name: name.trim(), manageConfiguration, manageUsers, grants: [] }),
    onSuccess: (role) => {
      notify(`Role ${role.name} created. Give it device rights next.`, 'success');
      onCreated(role);
    },
  });
  const taken = roles.some((r) => r.name.toLowerCase() === name.trim().toLowerCase());
  const nameProblem = name.trim() === '' ? 'A role needs a name.' : taken ? `A role named ${name.trim()} exists.` : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!nameProblem) create.mutate();
  };
  const problem = formError(create.error, ['name']);

  return (
    <Dialog title="New role" icon="shield" width={460} onClose={onClose} footer={(
      <>
        <button type="button" className="btn" onClick={onClose}>Cancel</button>
        <button type="submit" form="new-role-form" className="btn btn-primary" disabled={create.isPending}>{create.isPending ? 'Creating…' : 'Create role'}</button>
      </>
    )}>
      <form id="new-role-form" className="dialog-form" onSubmit={submit} noValidate>
        <FormField label="Name" error={(tried || name !== '' ? nameProblem : undefined) ?? fieldError(create.error, 'name')}>
          <input value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
        </FormField>
        <label className="checkbox">
          <input type="checkbox" checked={manageConfiguration} onChange={(e) => setManageConfiguration(e.target.checked)} /> Manage configuration
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={manageUsers} onChange={(e) => setManageUsers(e.target.checked)} /> Manage users and roles
        </label>
        {problem ? <div className="error-note" role="alert">{problem}</div> : null}
      </form>
    </Dialog>
  );
}
