/**
 * The views of one group: their layout and cameras; the selected one can be renamed, moved to
 * another shared group, or deleted (its owner's work: the dialog says who loses it). The list
 * follows the site by itself (the updates socket writes view changes into viewsQuery's entry).
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, Dialog, ErrorNote, Icon, camerasQuery, currentUserQuery, queryKeys, viewsQuery } from '@nightjar/ui';
import type { ViewBody } from '@nightjar/ui';
import type { Column } from '../components/DataTable';
import { DataTable } from '../components/DataTable';
import { PaneMessage } from '../components/PageLayout';
import { FormField } from '../components/FormField';
import { useAdmin } from '../session/adminContext';
import { RenameViewForm } from './RenameViewForm';
import { usersByIdQuery } from './usersQuery';
import { ViewLayoutPreview } from './ViewLayoutPreview';
import type { ViewGroupBody } from './viewGroupsApi';
import { camerasSummary, layoutLabel, moveBody, tileContents, viewsInGroup } from './viewsModel';

export function GroupViewsTab({ group, groups }: { group: ViewGroupBody; groups: readonly ViewGroupBody[] }) {
  const { client, queryClient, notify } = useAdmin();
  const views = useQuery(viewsQuery(client));
  const cameras = useQuery(camerasQuery(client));
  const me = useQuery(currentUserQuery(client));
  const users = useQuery({ ...usersByIdQuery(client), enabled: me.data?.manageUsers === true });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<ViewBody | null>(null);
  const put = (saved: ViewBody) => queryClient.setQueryData<ViewBody[]>(queryKeys.views(), (list) => list?.map((v) => (v.id === saved.id ? saved : v)));
  const move = useMutation({
    mutationFn: ({ view, to }: { view: ViewBody; to: ViewGroupBody }) => client.updateView(view.id, moveBody(view, to.id)),
    onSuccess: (saved, { to }) => {
      put(saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.viewGroups() });
      setSelectedId(null);
      notify(`View ${saved.name} moved to ${to.name}.`, 'success');
    },
    onError: (e) => {
      if (e instanceof ApiError && e.status === 409) void queryClient.invalidateQueries({ queryKey: queryKeys.views() });
    },
  });
  const remove = useMutation({
    mutationFn: (view: ViewBody) => client.deleteView(view.id),
    onSuccess: (_, view) => {
      queryClient.setQueryData<ViewBody[]>(queryKeys.views(), (list) => list?.filter((v) => v.id !== view.id));
      void queryClient.invalidateQueries({ queryKey: queryKeys.viewGroups() });
      setDeleting(null);
      setSelectedId(null);
      notify(`View ${view.name} deleted.`, 'success');
    },
  });

  if (views.isPending) return <PaneMessage kind="loading">Loading views…</PaneMessage>;
  if (views.isError) return <PaneMessage kind="error">Could not read the views: {views.error.message}</PaneMessage>;
  const names = new Map((cameras.data ?? []).map((c) => [c.id, c.name]));
  const contentsOf = (v: ViewBody) => tileContents(v, (id) => names.get(id));
  const owner = (id: string) => users.data?.get(id) ?? (id === me.data?.id ? me.data.username : 'another user');
  const list = viewsInGroup(views.data, group.id);
  const selected = list.find((v) => v.id === selectedId);
  const targets = groups.filter((g) => g.shared && g.id !== group.id);
  const columns: Column<ViewBody>[] = [
    { id: 'name', header: 'View', cell: (v) => <span className="cell-name"><Icon name="grid" size={12} /> {v.name}</span> },
    { id: 'layout', header: 'Layout', cell: (v) => layoutLabel(v) },
    { id: 'cameras', header: 'Cameras', cell: (v) => camerasSummary(contentsOf(v)) },
    { id: 'owner', header: 'Owner', cell: (v) => owner(v.ownerId) },
  ];

  return (
    <div className="group-views">
      <DataTable label={`Views in ${group.name}`} columns={columns} rows={list} rowKey={(v) => v.id} selected={selected?.id ?? null}
        onSelect={setSelectedId} empty="No views in this group yet. Operators who see it save views into it from the Smart Client." />
      {selected ? (
        <div className="view-properties" aria-label={`View ${selected.name}`} role="group">
          <div className="view-properties-head">
            <h3>{selected.name}</h3>
            <button type="button" className="btn btn-danger btn-sm" disabled={!selected.editable} onClick={() => { remove.reset(); setDeleting(selected); }}>
              <Icon name="trash" size={12} /> Delete view…
            </button>
          </div>
          <RenameViewForm key={selected.id} view={selected} views={views.data} />
          <FormField label="Move to group" hint={targets.length === 0 ? 'There is no other shared group.' : 'Operators who see the other group see the view there.'}>
            <select className="input" value="" disabled={!selected.editable || targets.length === 0 || move.isPending}
              onChange={(e) => {
                const to = targets.find((g) => g.id === e.target.value);
                if (to) move.mutate({ view: selected, to });
              }}>
              <option value="">Choose a group…</option>
              {targets.map((g) => <option key={g.id} value={g.id}>{g.name}</option>)}
            </select>
          </FormField>
          <ErrorNote error={move.error} />
          <dl className="property-list" aria-label="View details">
            <dt>Layout</dt><dd>{layoutLabel(selected)} ({selected.layoutId === 'custom' ? 'custom grid' : `preset ${selected.layoutId}`})</dd>
            <dt>Owner</dt><dd>{owner(selected.ownerId)}</dd>
            <dt>Changed</dt><dd>{new Date(selected.updatedAt).toLocaleString()} (revision {selected.revision})</dd>
          </dl>
          <ViewLayoutPreview view={selected} contents={contentsOf(selected)} />
        </div>
      ) : list.length > 0 ? <p className="muted">Select a view to see its layout, rename, move or delete it.</p> : null}
      {deleting ? (
        <Dialog title="Delete view" icon="trash" width={420} onClose={() => setDeleting(null)}
          footer={(
            <>
              <button type="button" className="btn" data-autofocus onClick={() => setDeleting(null)}>Keep it</button>
              <button type="button" className="btn btn-danger" disabled={remove.isPending} onClick={() => remove.mutate(deleting)}>{remove.isPending ? 'Deleting…' : 'Delete view'}</button>
            </>
          )}>
          <p>Delete the view <b>{deleting.name}</b> ({layoutLabel(deleting)}) from {group.name}? Everyone who sees the group loses it; the cameras and their recordings stay.</p>
          <ErrorNote error={remove.error} />
        </Dialog>
      ) : null}
    </div>
  );
}
