/** Security → Basic users: the users with their roles and lock state; create, change roles, reset password, unlock, delete. */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Icon, useNow } from '@nightjar/ui';
import { DataTable } from '../components/DataTable';
import type { Column } from '../components/DataTable';
import { OverviewLayout, PageHeader, PaneMessage } from '../components/PageLayout';
import { useRoute } from '../navigation/route';
import type { PageProps } from '../navigation/pageProps';
import { useAdmin } from '../session/adminContext';
import { NewUserDialog } from './NewUserDialog';
import { rolesQuery, usersQuery } from './securityApi';
import type { UserBody } from './securityApi';
import { UserProperties } from './UserProperties';
import { lockText } from './userForm';
import './security.css';

export function UsersPage({ itemId, tab }: PageProps) {
  const { client, queryClient } = useAdmin();
  const [, navigate] = useRoute();
  const users = useQuery(usersQuery(client));
  const roles = useQuery(rolesQuery(client));
  const [creating, setCreating] = useState(false);
  const [filter, setFilter] = useState('');
  const now = useNow(15_000);

  const roleName = useMemo(() => new Map((roles.data ?? []).map((r) => [r.id, r.name])), [roles.data]);
  const columns: readonly Column<UserBody>[] = [
    { id: 'name', header: 'User name', cell: (u) => u.username },
    { id: 'roles', header: 'Roles', cell: (u) => (u.roleIds.length === 0 ? <span className="muted">none</span> : u.roleIds.map((id) => roleName.get(id) ?? id).join(', ')) },
    { id: 'state', header: 'Sign-in', width: 90, cell: (u) => (lockText(u.lockedUntil, now) ? <span className="state-pill" data-tone="error">Locked</span> : <span className="state-pill" data-tone="ok">Allowed</span>) },
    { id: 'created', header: 'Created', width: 110, cell: (u) => new Date(u.createdAt).toLocaleDateString() },
  ];

  if (users.isPending || roles.isPending) return <PaneMessage kind="loading">Loading users…</PaneMessage>;
  if (users.isError) return <PaneMessage kind="error">Could not read the users: {users.error.message}</PaneMessage>;
  if (roles.isError) return <PaneMessage kind="error">Could not read the roles: {roles.error.message}</PaneMessage>;
  const words = filter.trim().toLowerCase();
  const shown = users.data.filter((u) => !words || u.username.toLowerCase().includes(words) || u.roleIds.some((id) => (roleName.get(id) ?? '').toLowerCase().includes(words)));
  const selected = users.data.find((u) => u.id === itemId);
  const locked = users.data.filter((u) => lockText(u.lockedUntil, now)).length;

  return (
    <div className="page">
      <PageHeader title="Basic users" icon="user"
        detail={`${users.data.length} user${users.data.length === 1 ? '' : 's'}${locked > 0 ? `, ${locked} locked by failed sign-ins` : ''}. A user's rights are those of their roles.`}
        actions={<button type="button" className="btn btn-primary btn-sm" onClick={() => setCreating(true)}><Icon name="plus" size={13} /> New user</button>} />
      <OverviewLayout
        overview={(
          <>
            <div className="overview-filter">
              <Icon name="search" size={13} />
              <input className="input" type="search" aria-label="Filter users" placeholder="Filter by name or role" value={filter} onChange={(e) => setFilter(e.target.value)} />
            </div>
            <DataTable label="Users" columns={columns} rows={shown} rowKey={(u) => u.id} selected={itemId}
              onSelect={(id) => navigate({ itemId: id })} empty={words ? 'No user matches.' : 'No users yet.'} />
          </>
        )}
        properties={selected
          ? <UserProperties key={selected.id} user={selected} roles={roles.data} tab={tab} onDeleted={() => navigate({ itemId: null })} />
          : <PaneMessage>{itemId ? 'This user no longer exists.' : 'Select a user to see and change their roles and password.'}</PaneMessage>}
      />
      {creating ? (
        <NewUserDialog roles={roles.data} users={users.data} onClose={() => setCreating(false)} onCreated={(u) => {
          setCreating(false);
          void queryClient.invalidateQueries({ queryKey: usersQuery(client).queryKey });
          navigate({ itemId: u.id, tab: null });
        }} />
      ) : null}
    </div>
  );
}
