/**
 * Security → Roles: the roles with what they allow; the selected role's Info (name, admin
 * flags), Members and Device rights. Built-in roles cannot be deleted, Administrators not
 * changed at all; the page says so where the action would be.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Icon, queryKeys } from '@nightjar/ui';
import { DataTable } from '../components/DataTable';
import type { Column } from '../components/DataTable';
import { OverviewLayout, PageHeader, PaneMessage } from '../components/PageLayout';
import { useRoute } from '../navigation/route';
import type { PageProps } from '../navigation/pageProps';
import { useAdmin } from '../session/adminContext';
import { NewRoleDialog } from './NewRoleDialog';
import { roleSummary } from './roleSummary';
import { RoleProperties } from './RoleProperties';
import { rolesQuery, usersQuery } from './securityApi';
import type { RoleBody } from './securityApi';
import './security.css';

export function RolesPage({ itemId, tab }: PageProps) {
  const { client, queryClient } = useAdmin();
  const [, navigate] = useRoute();
  const roles = useQuery(rolesQuery(client));
  const users = useQuery(usersQuery(client));
  const [creating, setCreating] = useState(false);

  if (roles.isPending || users.isPending) return <PaneMessage kind="loading">Loading roles…</PaneMessage>;
  if (roles.isError) return <PaneMessage kind="error">Could not read the roles: {roles.error.message}</PaneMessage>;
  if (users.isError) return <PaneMessage kind="error">Could not read the users: {users.error.message}</PaneMessage>;
  const memberCount = (r: RoleBody) => users.data.filter((u) => u.roleIds.includes(r.id)).length;
  const columns: readonly Column<RoleBody>[] = [
    { id: 'name', header: 'Role', cell: (r) => <>{r.name}{r.builtin ? <span className="state-pill role-pill">Built-in</span> : null}</> },
    { id: 'members', header: 'Members', numeric: true, width: 70, cell: memberCount },
    { id: 'allows', header: 'Allows', cell: (r) => <span className="muted">{roleSummary(r)}</span> },
  ];
  const selected = roles.data.find((r) => r.id === itemId);

  return (
    <div className="page">
      <PageHeader title="Roles" icon="shield" detail="What members may do: camera rights per camera or for all, limited by time profiles, and administration."
        actions={<button type="button" className="btn btn-primary btn-sm" onClick={() => setCreating(true)}><Icon name="plus" size={13} /> New role</button>} />
      <OverviewLayout
        overview={<DataTable label="Roles" columns={columns} rows={roles.data} rowKey={(r) => r.id} selected={itemId} onSelect={(id) => navigate({ itemId: id })} empty="No roles." />}
        properties={selected
          ? <RoleProperties key={selected.id} role={selected} roles={roles.data} users={users.data} tab={tab} onDeleted={() => navigate({ itemId: null })} />
          : <PaneMessage>{itemId ? 'This role no longer exists.' : 'Select a role to see its members and rights.'}</PaneMessage>}
      />
      {creating ? (
        <NewRoleDialog roles={roles.data} onClose={() => setCreating(false)} onCreated={(role) => {
          setCreating(false);
          void queryClient.invalidateQueries({ queryKey: queryKeys.configuration('roles') });
          navigate({ itemId: role.id, tab: 'rights' });
        }} />
      ) : null}
    </div>
  );
}
