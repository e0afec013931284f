/**
 * Who holds a role. Membership is kept on the users, so adding or removing a member is one
 * updateUser request with that user's new role list; the site refuses what the administrator
 * may not do (taking the last administrator away, making someone an administrator without
 * being one) and says why.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorNote, Icon, queryKeys } from '@nightjar/ui';
import { useAdmin } from '../session/adminContext';
import { updateUser } from './securityApi';
import type { RoleBody, UserBody } from './securityApi';
import { withRole } from './userForm';

export interface RoleMembersTabProps {
  role: RoleBody;
  roles: readonly RoleBody[];
  users: readonly UserBody[];
}

export function RoleMembersTab({ role, roles, users }: RoleMembersTabProps) {
  const { client, queryClient, notify } = useAdmin();
  const [adding, setAdding] = useState('');
  const order = roles.map((r) => r.id);
  const change = useMutation({
    mutationFn: ({ user, member }: { user: UserBody; member: boolean }) =>
      updateUser(client, user.id, { roleIds: withRole(user.roleIds, role.id, member, order) }),
    onSuccess: (saved, { member }) => {
      notify(member ? `${saved.username} added to ${role.name}.` : `${saved.username} removed from ${role.name}.`, 'success');
      setAdding('');
      void queryClient.invalidateQueries({ queryKey: queryKeys.configuration('users') });
    },
  });
  const members = users.filter((u) => u.roleIds.includes(role.id));
  const others = users.filter((u) => !u.roleIds.includes(role.id));
  const candidate = others.find((u) => u.id === adding);

  return (
    <div className="tab-form">
      <form className="member-add" onSubmit={(e) => {
        e.preventDefault();
        if (candidate) change.mutate({ user: candidate, member: true });
      }}>
        <label className="field">
          <span>Add a user to {role.name}</span>
          <select value={adding} onChange={(e) => setAdding(e.target.value)} disabled={others.length === 0}>
            <option value="">{others.length === 0 ? 'Every user is a member' : 'Choose a user…'}</option>
            {others.map((u) => <option key={u.id} value={u.id}>{u.username}</option>)}
          </select>
        </label>
        <button type="submit" className="btn btn-sm" disabled={!candidate || change.isPending}><Icon name="plus" size={13} /> Add</button>
      </form>
      <ErrorNote error={change.error} />
      <table className="data-table member-table" aria-label={`Members of ${role.name}`}>
        <thead><tr><th>User</th><th>Other roles</th><th className="num">Remove</th></tr></thead>
        <tbody>
          {members.map((u) => (
            <tr key={u.id}>
              <td>{u.username}</td>
              <td className="muted">{u.roleIds.filter((id) => id !== role.id).map((id) => roles.find((r) => r.id === id)?.name ?? id).join(', ') || '—'}</td>
              <td className="num">
                <button type="button" className="btn btn-sm" aria-label={`Remove ${u.username} from ${role.name}`} disabled={change.isPending}
                  onClick={() => change.mutate({ user: u, member: false })}>Remove</button>
              </td>
            </tr>
          ))}
          {members.length === 0 ? <tr><td colSpan={3} className="muted">Nobody holds this role yet.</td></tr> : null}
        </tbody>
      </table>
      <p className="muted">A user who loses a role is signed out of their open sessions, so the change takes effect at once.</p>
    </div>
  );
}
