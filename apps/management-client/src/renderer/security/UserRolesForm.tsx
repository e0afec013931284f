/** A user's role membership: ticked roles replace the list in one request (updateUser). */
import { useMutation } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { ErrorNote, queryKeys } from '@nightjar/ui';
import { useAdmin } from '../session/adminContext';
import { RoleChecklist } from './RoleChecklist';
import { updateUser } from './securityApi';
import type { RoleBody, UserBody } from './securityApi';

export function UserRolesForm({ user, roles }: { user: UserBody; roles: readonly RoleBody[] }) {
  const { client, queryClient, notify } = useAdmin();
  const [roleIds, setRoleIds] = useState<string[]>(user.roleIds);
  useEffect(() => setRoleIds(user.roleIds), [user.roleIds]);
  const save = useMutation({
    mutationFn: () => updateUser(client, user.id, { roleIds }),
    onSuccess: () => {
      notify(`Roles of ${user.username} saved.`, 'success');
      void queryClient.invalidateQueries({ queryKey: queryKeys.configuration('users') });
    },
  });
  const changed = [...roleIds].sort().join() !== [...user.roleIds].sort().join();
  const lost = user.roleIds.some((id) => !roleIds.includes(id));
  return (
    <form className="page-form tab-form" onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
      <fieldset className="role-fieldset">
        <legend>Member of</legend>
        <RoleChecklist roles={roles} selected={roleIds} onChange={setRoleIds} />
      </fieldset>
      {lost ? <p className="muted">Taking a role away ends the user's open sessions.</p> : null}
      <ErrorNote error={save.error} />
      <div className="form-actions">
        <button type="submit" className="btn btn-primary" disabled={!changed || save.isPending}>{save.isPending ? 'Saving…' : 'Save roles'}</button>
        <button type="button" className="btn" disabled={!changed || save.isPending} onClick={() => { setRoleIds(user.roleIds); save.reset(); }}>Revert</button>
      </div>
    </form>
  );
}
