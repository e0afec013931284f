/**
 * The selected user's properties: roles (one request replaces the list), password reset (typed
 * twice), and the actions Unlock (while failed logins lock the name) and Delete (confirmed).
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNote, Icon, queryKeys, useNow } from '@nightjar/ui';
import { PropertyTabs } from '../components/PropertyTabs';
import { useRoute } from '../navigation/route';
import { useAdmin } from '../session/adminContext';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { deleteUser, unlockUser } from './securityApi';
import type { RoleBody, UserBody } from './securityApi';
import { UserPasswordForm } from './UserPasswordForm';
import { UserRolesForm } from './UserRolesForm';
import { lockText } from './userForm';

export interface UserPropertiesProps {
  user: UserBody;
  roles: readonly RoleBody[];
  tab: string | null;
  onDeleted: () => void;
}

export function UserProperties({ user, roles, tab, onDeleted }: UserPropertiesProps) {
  const { client, queryClient, notify, user: me } = useAdmin();
  const [, navigate] = useRoute();
  const now = useNow(15_000);
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.configuration('users') });
  const unlock = useMutation({
    mutationFn: () => unlockUser(client, user.id),
    onSuccess: () => {
      notify(`${user.username} can sign in again.`, 'success');
      void refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteUser(client, user.id),
    onSuccess: () => {
      notify(`User ${user.username} deleted.`, 'success');
      void refresh();
      setConfirming(false);
      onDeleted();
    },
  });
  const locked = lockText(user.lockedUntil, now);

  return (
    <>
      <div className="properties-head">
        <Icon name="user" size={16} />
        <h2>{user.username}</h2>
        {locked ? <span className="state-pill" data-tone="error">Locked</span> : null}
        <div className="page-actions">
          {locked ? <button type="button" className="btn btn-sm" disabled={unlock.isPending} onClick={() => unlock.mutate()}><Icon name="lock" size={13} /> Unlock</button> : null}
          <button type="button" className="btn btn-sm btn-danger" onClick={() => { remove.reset(); setConfirming(true); }}><Icon name="trash" size={13} /> Delete</button>
        </div>
      </div>
      {locked ? <p className="user-lock-note" role="status">{locked} after repeated failed sign-ins.</p> : null}
      <ErrorNote error={unlock.error} />
      <PropertyTabs label="User properties" active={tab} onChange={(t) => navigate({ tab: t }, { replace: true })} tabs={[
        { id: 'roles', label: 'Roles', render: () => <UserRolesForm key={user.id} user={user} roles={roles} /> },
        { id: 'password', label: 'Password', render: () => <UserPasswordForm key={user.id} user={user} /> },
        {
          id: 'info', label: 'Info', render: () => (
            <dl className="facts">
              <dt>User name</dt><dd>{user.username}</dd>
              <dt>Created</dt><dd>{new Date(user.createdAt).toLocaleString()}</dd>
              <dt>Id</dt><dd className="mono">{user.id}</dd>
              <dt>Sign-in</dt><dd>{locked ?? 'Not locked'}</dd>
            </dl>
          ),
        },
      ]} />
      {confirming ? (
        <ConfirmDialog title="Delete user" confirmLabel="Delete user" busy={remove.isPending} error={remove.error} onConfirm={() => remove.mutate()} onClose={() => setConfirming(false)}>
          <p>Delete <b>{user.username}</b>? Their sessions end at once; bookmarks and audit entries they made stay.</p>
          {user.id === me.id ? <p className="field-error">This is you: you will be signed out.</p> : null}
        </ConfirmDialog>
      ) : null}
    </>
  );
}
