/**
 * Client → View groups: the shared view groups operators see in the Smart Client, in the order
 * they see them, with whom each is shown to and how many views it holds; the selected group's
 * properties (name, roles) and its views. Private groups are each user's own and not listed.
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
import { NewViewGroupDialog } from './NewViewGroupDialog';
import { useRoleNames } from './useRoleNames';
import { audienceLabel } from './viewGroupModel';
import { ViewGroupProperties } from './ViewGroupProperties';
import { viewGroupsQuery } from './viewGroupsApi';
import type { ViewGroupBody } from './viewGroupsApi';
import '../dashboard/dashboard.css';
import './client.css';

export function ViewGroupsPage({ itemId, tab }: PageProps) {
  const { client, queryClient } = useAdmin();
  const [, navigate] = useRoute();
  const groups = useQuery(viewGroupsQuery(client));
  const roles = useRoleNames();
  const [creating, setCreating] = useState(false);

  if (groups.isPending) return <PaneMessage kind="loading">Loading view groups…</PaneMessage>;
  if (groups.isError) return <PaneMessage kind="error">Could not read the view groups: {groups.error.message}</PaneMessage>;
  const shared = groups.data.filter((g) => g.shared);
  const selected = shared.find((g) => g.id === itemId);
  const views = shared.reduce((n, g) => n + g.viewCount, 0);
  const columns: readonly Column<ViewGroupBody>[] = [
    { id: 'order', header: '#', numeric: true, width: 32, cell: (g) => g.position + 1 },
    { id: 'name', header: 'Group', cell: (g) => <span className="cell-name"><Icon name="shared" size={12} /> {g.name}{g.isDefault ? <span className="state-pill client-pill">Default</span> : null}</span> },
    { id: 'audience', header: 'Shown to', cell: (g) => <span className="muted">{audienceLabel(g, roles.nameOf)}</span> },
    { id: 'views', header: 'Views', numeric: true, width: 60, cell: (g) => g.viewCount },
  ];

  return (
    <div className="page">
      <PageHeader title="View groups" icon="grid"
        detail={`${shared.length} shared ${shared.length === 1 ? 'group' : 'groups'} · ${views} ${views === 1 ? 'view' : 'views'} · private groups belong to each user`}
        actions={<button type="button" className="btn btn-primary btn-sm" onClick={() => setCreating(true)}><Icon name="plus" size={13} /> New group</button>} />
      <OverviewLayout
        overview={<DataTable label="Shared view groups" columns={columns} rows={shared} rowKey={(g) => g.id} selected={itemId} onSelect={(id) => navigate({ itemId: id })}
          empty="No shared view groups." />}
        properties={selected
          ? <ViewGroupProperties key={selected.id} group={selected} groups={shared} tab={tab} onDeleted={() => navigate({ itemId: null })} />
          : <PaneMessage>{itemId ? 'This view group no longer exists.' : 'Select a group to choose who sees it and to see its views.'}</PaneMessage>}
      />
      {creating ? (
        <NewViewGroupDialog groups={groups.data} onClose={() => setCreating(false)} onCreated={(g) => {
          setCreating(false);
          void queryClient.invalidateQueries({ queryKey: queryKeys.viewGroups() });
          navigate({ itemId: g.id, tab: null });
        }} />
      ) : null}
    </div>
  );
}
