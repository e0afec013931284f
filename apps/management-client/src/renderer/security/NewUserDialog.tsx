/** Creates a basic user: name, password typed twice, roles; one request (createUser). */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Dialog } from '@nightjar/ui';
import { FormField, fieldError, formError } from '../components/FormField';
import { useAdmin } from '../session/adminContext';
import { RoleChecklist } from './RoleChecklist';
import { createUser } from './securityApi';
import type { RoleBody, UserBody } from './securityApi';
import { hasProblems, newUserProblems } from './userForm';
import type { NewUserDraft } from './userForm';

export interface NewUserDialogProps {
  roles: readonly RoleBody[];
  users: readonly UserBody[];
  onCreated: (user: UserBody) => void;
  onClose: () => void;
}

export function NewUserDialog({ roles, users, onCreated, onClose }: NewUserDialogProps) {
  const { client, notify } = useAdmin();
  const [draft, setDraft] = useState<NewUserDraft>({ username: '', password: '', confirm: '', roleIds: [] });
  const [tried, setTried] = useState(false);
  const create = useMutation({
    mutationFn: (d: NewUserDraft) => createUser(client, { username: d.username, password: d.password, roleIds: d.roleIds }),
    onSuccess: (user) => {
      notify(`User ${user.username} created.`, 'success');
      onCreated(user);
    },
  });
  const problems = newUserProblems(draft, users.map((u) => u.username));
  // Problems show once the administrator tried to save, or for a field already typed in.
  const show = (field: keyof typeof problems, typed: string) => (tried || typed !== '' ? problems[field] : undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!hasProblems(problems)) create.mutate(draft);
  };
  const problem = formError(create.error, ['username', 'password', 'roleIds']);

  return (
    <Dialog title="New basic user" icon="user" width={480} onClose={onClose} footer={(
      <>
        <button type="button" className="btn" onClick={onClose}>Cancel</button>
        <button type="submit" form="new-user-form" className="btn btn-primary" disabled={create.isPending}>{create.isPending ? 'Creating…' : 'Create user'}</button>
      </>
    )}>
      <form id="new-user-form" className="dialog-form" onSubmit={submit} noValidate>
        <FormField label="User name" error={show('username', draft.username) ?? fieldError(create.error, 'username')} hint="Letters, digits and . _ @ -">
          <input value={draft.username} autoComplete="off" maxLength={64} onChange={(e) => setDraft({ ...draft, username: e.target.value })} />
        </FormField>
        <FormField label="Password" error={show('password', draft.password) ?? fieldError(create.error, 'password')} hint="At least 8 characters.">
          <input type="password" value={draft.password} autoComplete="new-password" onChange={(e) => setDraft({ ...draft, password: e.target.value })} />
        </FormField>
        <FormField label="Confirm password" error={show('confirm', draft.confirm)}>
          <input type="password" value={draft.confirm} autoComplete="new-password" onChange={(e) => setDraft({ ...draft, confirm: e.target.value })} />
        </FormField>
        <fieldset className="role-fieldset">
          <legend>Roles</legend>
          <RoleChecklist roles={roles} selected={draft.roleIds} onChange={(roleIds) => setDraft({ ...draft, roleIds })} />
          {fieldError(create.error, 'roleIds') ? <em className="field-error" role="alert">{fieldError(create.error, 'roleIds')}</em> : null}
        </fieldset>
        {problem ? <div className="error-note" role="alert">{problem}</div> : null}
      </form>
    </Dialog>
  );
}
