/** Sets a user's password, typed twice (updateUser); the site ends the user's sessions. */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { ErrorNote } from '@nightjar/ui';
import { FormField } from '../components/FormField';
import { useAdmin } from '../session/adminContext';
import { updateUser } from './securityApi';
import type { UserBody } from './securityApi';
import { hasProblems, passwordProblems } from './userForm';

export function UserPasswordForm({ user }: { user: UserBody }) {
  const { client, notify } = useAdmin();
  const [draft, setDraft] = useState({ password: '', confirm: '' });
  const [tried, setTried] = useState(false);
  const save = useMutation({
    mutationFn: () => updateUser(client, user.id, { password: draft.password }),
    onSuccess: () => {
      notify(`Password of ${user.username} set; their sessions ended.`, 'success');
      setDraft({ password: '', confirm: '' });
      setTried(false);
    },
  });
  const problems = passwordProblems(draft);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!hasProblems(problems)) save.mutate();
  };
  return (
    <form className="page-form tab-form" onSubmit={submit} noValidate>
      <p className="muted">Set a new password for {user.username}. Every session of the user ends; tell them the new password another way.</p>
      <FormField label="New password" error={tried || draft.password ? problems.password : undefined}>
        <input type="password" autoComplete="new-password" value={draft.password} onChange={(e) => setDraft({ ...draft, password: e.target.value })} />
      </FormField>
      <FormField label="Confirm new password" error={tried || draft.confirm ? problems.confirm : undefined}>
        <input type="password" autoComplete="new-password" value={draft.confirm} onChange={(e) => setDraft({ ...draft, confirm: e.target.value })} />
      </FormField>
      <ErrorNote error={save.error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={save.isPending}>{save.isPending ? 'Setting…' : 'Set password'}</button>
      </div>
    </form>
  );
}
