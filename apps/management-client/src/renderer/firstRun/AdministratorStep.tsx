/**
 * First run, step 1: a password of the administrator's own choosing instead of the one the site
 * was started with (or printed at its first start). The change ends every session of the user,
 * so the window signs in again with the new password (changeOwnPassword).
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent } from 'react';
import { FormField, fieldError, formError } from '../components/FormField';
import { useAdmin } from '../session/adminContext';
import { changeOwnPassword } from './firstRunApi';
import { WizardActions } from './WizardActions';

/** The site's minimum (UpdateUserRequest). */
const MIN_PASSWORD = 8;

export function AdministratorStep({ onDone, onSkip }: { onDone: () => void; onSkip: () => void }) {
  const { client, queryClient, user, notify } = useAdmin();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [tried, setTried] = useState(false);
  const change = useMutation({
    mutationFn: () => changeOwnPassword(client, queryClient, user, password),
    onSuccess: () => {
      notify('Administrator password changed.', 'success');
      onDone();
    },
  });
  const passwordProblem = password.length < MIN_PASSWORD ? `At least ${MIN_PASSWORD} characters.` : undefined;
  const confirmProblem = confirm !== password ? 'The two passwords differ.' : undefined;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!passwordProblem && !confirmProblem) change.mutate();
  };
  return (
    <form className="wizard-form" onSubmit={submit} aria-label="Administrator">
      <p>Choose the password of <b>{user.username}</b>, the administrator you signed in as. Anyone with it can change everything on this site and watch every camera.</p>
      <FormField label="User name"><input value={user.username} readOnly autoComplete="username" /></FormField>
      <div className="form-grid">
        <FormField label="New password" error={(tried ? passwordProblem : undefined) ?? fieldError(change.error, 'password')} hint={`At least ${MIN_PASSWORD} characters; a passphrase is best.`}>
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="new-password" data-autofocus />
        </FormField>
        <FormField label="Repeat the password" error={tried ? confirmProblem : undefined}>
          <input type="password" value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="new-password" />
        </FormField>
      </div>
      {formError(change.error, ['password']) ? <div className="error-note" role="alert">{formError(change.error, ['password'])}</div> : null}
      <WizardActions skipLabel="Keep the current password" onSkip={onSkip} busy={change.isPending}
        primary={change.isPending ? 'Changing…' : 'Change password and continue'} />
    </form>
  );
}
