/**
 * The selected role: Info (name, admin flags), Members and Device rights tabs, and Delete,
 * which built-in roles refuse (the button says why).
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Icon, queryKeys } from '@nightjar/ui';
import { PropertyTabs } from '../components/PropertyTabs';
import { useRoute } from '../navigation/route';
import { useAdmin } from '../session/adminContext';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { RoleInfoForm } from './RoleInfoForm';
import { RoleMembersTab } from './RoleMembersTab';
import { RoleRightsTab } from './RoleRightsTab';
import { ADMINISTRATORS, deleteRole } from './securityApi';
import type { RoleBody, UserBody } from './securityApi';

export interface RolePropertiesProps {
  role: RoleBody;
  roles: readonly RoleBody[];
  users: readonly UserBody[];
  tab: string | null;
  onDeleted: () => void;
}

export function RoleProperties({ role, roles, users, tab, onDeleted }: RolePropertiesProps) {
  const { client, queryClient, notify } = useAdmin();
  const [, navigate] = useRoute();
  const [confirming, setConfirming] = useState(false);
  const remove = useMutation({
    mutationFn: () => deleteRole(client, role.id),
    onSuccess: () => {
      notify(`Role ${role.name} deleted.`, 'success');
      setConfirming(false);
      void queryClient.invalidateQueries({ queryKey: queryKeys.configuration('roles') });
      void queryClient.invalidateQueries({ queryKey: queryKeys.configuration('users') });
      onDeleted();
    },
  });
  const members = users.filter((u) => u.roleIds.includes(role.id));
  const whyFixed = role.id === ADMINISTRATORS ? 'Administrators is built in and cannot be deleted.' : role.builtin ? 'Built-in roles cannot be deleted.' : undefined;

  return (
    <>
      <div className="properties-head">
        <Icon name="shield" size={16} />
        <h2>{role.name}</h2>
        {role.builtin ? <span className="state-pill">Built-in</span> : null}
        <div className="page-actions">
          {whyFixed ? <span className="muted">{whyFixed}</span> : null}
          <button type="button" className="btn btn-sm btn-danger" disabled={!!whyFixed} title={whyFixed} onClick={() => { remove.reset(); setConfirming(true); }}>
            <Icon name="trash" size={13} /> Delete
          </button>
        </div>
      </div>
      <PropertyTabs label="Role properties" active={tab} onChange={(t) => navigate({ tab: t }, { replace: true })} tabs={[
        { id: 'info', label: 'Info', render: () => <RoleInfoForm key={role.id} role={role} /> },
        { id: 'members', label: `Members (${members.length})`, render: () => <RoleMembersTab role={role} roles={roles} users={users} /> },
        { id: 'rights', label: 'Device rights', render: () => <RoleRightsTab key={role.id} role={role} /> },
      ]} />
      {confirming ? (
        <ConfirmDialog title="Delete role" confirmLabel="Delete role" busy={remove.isPending} error={remove.error} onConfirm={() => remove.mutate()} onClose={() => setConfirming(false)}>
          <p>Delete the role <b>{role.name}</b>?</p>
          <p className="muted">{members.length === 0 ? 'Nobody holds it.' : `${members.length} member${members.length === 1 ? '' : 's'} (${members.map((m) => m.username).join(', ')}) lose its rights at once.`}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
