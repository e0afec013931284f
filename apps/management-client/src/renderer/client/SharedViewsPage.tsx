/**
 * Client → Shared views: the views operators share on this site (stored by the Smart Client),
 * with their layout and cameras; an administrator renames or deletes them. The list follows
 * the site by itself (the updates socket writes view changes into viewsQuery's entry). A rename
 * carries the revision it was read at; if an operator changed the view meanwhile the site
 * answers 409 and the form says so with the fresh view loaded.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Dialog, ErrorNote, Icon, camerasQuery, currentUserQuery, queryKeys, viewsQuery } from '@nightjar/ui';
import type { ViewBody } from '@nightjar/ui';
import type { Column } from '../components/DataTable';
import { DataTable } from '../components/DataTable';
import { OverviewLayout, PageHeader, PaneMessage } from '../components/PageLayout';
import type { PageProps } from '../navigation/pageProps';
import { useRoute } from '../navigation/route';
import { useAdmin } from '../session/adminContext';
import { RenameViewForm } from './RenameViewForm';
import { usersByIdQuery } from './usersQuery';
import { ViewLayoutPreview } from './ViewLayoutPreview';
import { camerasSummary, layoutLabel, sharedViews, tileContents } from './viewsModel';
import '../dashboard/dashboard.css';
import './client.css';

export function SharedViewsPage({ itemId }: PageProps) {
  const { client, queryClient, notify } = useAdmin();
  const [, navigate] = useRoute();
  const views = useQuery(viewsQuery(client));
  const cameras = useQuery(camerasQuery(client));
  const me = useQuery(currentUserQuery(client));
  const users = useQuery({ ...usersByIdQuery(client), enabled: me.data?.manageUsers === true });
  const [deleting, setDeleting] = useState<ViewBody | null>(null);
  const remove = useMutation({
    mutationFn: (view: ViewBody) => client.deleteView(view.id),
    onSuccess: (_, view) => {
      queryClient.setQueryData<ViewBody[]>(queryKeys.views(), (list) => list?.filter((v) => v.id !== view.id));
      setDeleting(null);
      navigate({ itemId: null, tab: null }, { replace: true });
      notify(`View ${view.name} deleted.`, 'success');
    },
  });

  const names = new Map((cameras.data ?? []).map((c) => [c.id, c.name]));
  const contentsOf = (v: ViewBody) => tileContents(v, (id) => names.get(id));
  const list = sharedViews(views.data ?? []);
  const selected = list.find((v) => v.id === itemId);
  const owner = (id: string) => users.data?.get(id) ?? (id === me.data?.id ? me.data.username : 'another user');

  const columns: Column<ViewBody>[] = [
    { id: 'name', header: 'View', cell: (v) => <span className="cell-name"><Icon name="grid" size={12} /> {v.name}</span> },
    { id: 'layout', header: 'Layout', cell: (v) => layoutLabel(v) },
    { id: 'cameras', header: 'Cameras', cell: (v) => camerasSummary(contentsOf(v)) },
    { id: 'owner', header: 'Owner', cell: (v) => owner(v.ownerId) },
  ];

  let properties;
  if (!selected) properties = <PaneMessage>{list.length > 0 ? 'Select a view to see its layout, rename or delete it.' : 'No shared views yet.'}</PaneMessage>;
  else {
    properties = (
      <>
        <div className="properties-head">
          <Icon name="grid" size={16} />
          <h2>{selected.name}</h2>
          <div className="page-actions">
            <button type="button" className="btn btn-danger btn-sm" disabled={!selected.editable} onClick={() => { remove.reset(); setDeleting(selected); }}>
              <Icon name="trash" size={12} /> Delete…
            </button>
          </div>
        </div>
        <div className="property-tab-body view-properties">
          <RenameViewForm key={selected.id} view={selected} views={views.data ?? []} />
          <dl className="property-list" aria-label="View details">
            <dt>Layout</dt><dd>{layoutLabel(selected)} ({selected.layoutId === 'custom' ? 'custom grid' : `preset ${selected.layoutId}`})</dd>
            <dt>Owner</dt><dd>{owner(selected.ownerId)}</dd>
            <dt>Changed</dt><dd>{new Date(selected.updatedAt).toLocaleString()} (revision {selected.revision})</dd>
          </dl>
          <ViewLayoutPreview view={selected} contents={contentsOf(selected)} />
        </div>
      </>
    );
  }

  return (
    <div className="page">
      <PageHeader title="Shared views" icon="grid"
        detail={views.data ? `${list.length} shared ${list.length === 1 ? 'view' : 'views'} · operators create and share them in the Smart Client` : undefined} />
      {views.isPending ? <PaneMessage kind="loading">Loading views…</PaneMessage>
        : views.isError ? <PaneMessage kind="error">{views.error.message}</PaneMessage>
          : (
            <OverviewLayout
              overview={<DataTable label="Shared views" columns={columns} rows={list} rowKey={(v) => v.id} selected={selected?.id ?? null}
                onSelect={(id) => navigate({ itemId: id })} empty="No shared views yet. In the Smart Client, save a view and share it." />}
              properties={properties} />
          )}
      {deleting ? (
        <Dialog title="Delete view" icon="trash" width={420} onClose={() => setDeleting(null)}
          footer={(
            <>
              <button type="button" className="btn" data-autofocus onClick={() => setDeleting(null)}>Keep it</button>
              <button type="button" className="btn btn-danger" disabled={remove.isPending} onClick={() => remove.mutate(deleting)}>{remove.isPending ? 'Deleting…' : 'Delete view'}</button>
            </>
          )}>
          <p>Delete the shared view <b>{deleting.name}</b> ({layoutLabel(deleting)})? Every operator loses it; the cameras and their recordings stay.</p>
          <ErrorNote error={remove.error} />
        </Dialog>
      ) : null}
    </div>
  );
}
