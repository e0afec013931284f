/**
 * Client → Client profiles: Smart Client defaults per role (workspaces, export, tiles, layout,
 * idle sign-out), in priority order: a user in several roles gets the first of their roles'
 * profiles; roles without one get the default profile, always last.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Icon, queryKeys } from '@nightjar/ui';
import type { Column } from '../components/DataTable';
import { DataTable } from '../components/DataTable';
import { OverviewLayout, PageHeader, PaneMessage } from '../components/PageLayout';
import type { PageProps } from '../navigation/pageProps';
import { useRoute } from '../navigation/route';
import { useAdmin } from '../session/adminContext';
import { ClientProfileProperties } from './ClientProfileProperties';
import { idleLabel, workspacesLabel } from './clientProfileForm';
import { clientProfilesQuery } from './clientProfilesApi';
import type { ClientProfileBody } from './clientProfilesApi';
import { NewClientProfileDialog } from './NewClientProfileDialog';
import { useRoleNames } from './useRoleNames';
import '../dashboard/dashboard.css';
import './client.css';

export function ClientProfilesPage({ itemId, tab }: PageProps) {
  const { client, queryClient } = useAdmin();
  const [, navigate] = useRoute();
  const profiles = useQuery(clientProfilesQuery(client));
  const roles = useRoleNames();
  const [creating, setCreating] = useState(false);

  if (profiles.isPending) return <PaneMessage kind="loading">Loading client profiles…</PaneMessage>;
  if (profiles.isError) return <PaneMessage kind="error">Could not read the client profiles: {profiles.error.message}</PaneMessage>;
  const selected = profiles.data.find((p) => p.id === itemId);
  const rolesOf = (p: ClientProfileBody) => (p.isDefault ? 'Every role without a profile'
    : p.roleIds.length === 0 ? 'No role yet' : p.roleIds.map((id) => roles.nameOf(id) ?? id).join(', '));
  const columns: readonly Column<ClientProfileBody>[] = [
    { id: 'order', header: '#', numeric: true, width: 32, cell: (p) => (p.isDefault ? '–' : p.position + 1) },
    { id: 'name', header: 'Profile', cell: (p) => <span className="cell-name"><Icon name="sidebar" size={12} /> {p.name}{p.isDefault ? <span className="state-pill client-pill">Default</span> : null}</span> },
    { id: 'roles', header: 'Roles', cell: (p) => <span className="muted">{rolesOf(p)}</span> },
    { id: 'workspaces', header: 'Workspaces', cell: (p) => workspacesLabel(p.settings) },
    { id: 'export', header: 'Export', cell: (p) => (p.settings.exportAllowed ? p.settings.defaultExportFormat.toUpperCase() : 'Off') },
    { id: 'idle', header: 'Idle sign-out', cell: (p) => idleLabel(p.settings.idleLogoutMinutes) },
  ];

  return (
    <div className="page">
      <PageHeader title="Client profiles" icon="sidebar"
        detail="Smart Client defaults per role. A user in several roles gets the first of their roles' profiles in this order."
        actions={<button type="button" className="btn btn-primary btn-sm" onClick={() => setCreating(true)}><Icon name="plus" size={13} /> New profile</button>} />
      <OverviewLayout
        overview={<DataTable label="Client profiles" columns={columns} rows={profiles.data} rowKey={(p) => p.id} selected={itemId} onSelect={(id) => navigate({ itemId: id })} />}
        properties={selected
          ? <ClientProfileProperties key={selected.id} profile={selected} profiles={profiles.data} tab={tab} onDeleted={() => navigate({ itemId: null })} />
          : <PaneMessage>{itemId ? 'This client profile no longer exists.' : 'Select a profile to set what the Smart Client offers its roles.'}</PaneMessage>}
      />
      {creating ? (
        <NewClientProfileDialog profiles={profiles.data} onClose={() => setCreating(false)} onCreated={(p) => {
          setCreating(false);
          void queryClient.invalidateQueries({ queryKey: queryKeys.configuration('clientProfiles') });
          navigate({ itemId: p.id, tab: 'roles' });
        }} />
      ) : null}
    </div>
  );
}
