/**
 * The selected shared view group: move it up or down the list the Smart Client shows, delete it
 * (refused while it holds views or when it is the default group: the button says why), and its
 * Properties and Views tabs.
 */
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Icon, queryKeys } from '@nightjar/ui';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { PropertyTabs } from '../components/PropertyTabs';
import { useRoute } from '../navigation/route';
import { useAdmin } from '../session/adminContext';
import { GroupViewsTab } from './GroupViewsTab';
import { ViewGroupForm } from './ViewGroupForm';
import { movedPosition } from './viewGroupModel';
import { deleteViewGroup, updateViewGroup } from './viewGroupsApi';
import type { ViewGroupBody } from './viewGroupsApi';

export interface ViewGroupPropertiesProps {
  group: ViewGroupBody;
  /** The shared groups in their order. */
  groups: readonly ViewGroupBody[];
  tab: string | null;
  onDeleted: () => void;
}

export function ViewGroupProperties({ group, groups, tab, onDeleted }: ViewGroupPropertiesProps) {
  const { client, queryClient, notify } = useAdmin();
  const [, navigate] = useRoute();
  const [confirming, setConfirming] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.viewGroups() });
  const reorder = useMutation({
    mutationFn: (position: number) => updateViewGroup(client, group.id, { position }),
    onSuccess: () => void refresh(),
    onError: (e) => notify(`Moving ${group.name} failed: ${e.message}`, 'error'),
  });
  const remove = useMutation({
    mutationFn: () => deleteViewGroup(client, group.id),
    onSuccess: () => {
      notify(`View group ${group.name} deleted.`, 'success');
      setConfirming(false);
      void refresh();
      onDeleted();
    },
  });
  const up = movedPosition(groups, group.id, -1);
  const down = movedPosition(groups, group.id, 1);
  const whyKept = !group.editable ? 'Only configuration managers change shared groups.'
    : group.isDefault ? 'The default shared group cannot be deleted.'
      : group.viewCount > 0 ? `It holds ${group.viewCount} ${group.viewCount === 1 ? 'view' : 'views'}: move or delete them first.` : undefined;

  return (
    <>
      <div className="properties-head">
        <Icon name="grid" size={16} />
        <h2>{group.name}</h2>
        {group.isDefault ? <span className="state-pill">Default</span> : null}
        <div className="page-actions">
          <button type="button" className="btn btn-sm" disabled={up === undefined || reorder.isPending || !group.editable} onClick={() => up !== undefined && reorder.mutate(up)}
            title="Show it earlier in the Smart Client" aria-label="Move up"><Icon name="arrowUp" size={13} /></button>
          <button type="button" className="btn btn-sm" disabled={down === undefined || reorder.isPending || !group.editable} onClick={() => down !== undefined && reorder.mutate(down)}
            title="Show it later in the Smart Client" aria-label="Move down"><Icon name="arrowDown" size={13} /></button>
          <button type="button" className="btn btn-sm btn-danger" disabled={!!whyKept} title={whyKept} onClick={() => { remove.reset(); setConfirming(true); }}>
            <Icon name="trash" size={13} /> Delete
          </button>
        </div>
      </div>
      {whyKept && group.editable ? <p className="muted client-why">{whyKept}</p> : null}
      <PropertyTabs label="View group properties" active={tab} onChange={(t) => navigate({ tab: t }, { replace: true })} tabs={[
        { id: 'properties', label: 'Properties', render: () => <ViewGroupForm key={group.id} group={group} groups={groups} /> },
        { id: 'views', label: `Views (${group.viewCount})`, render: () => <GroupViewsTab key={group.id} group={group} groups={groups} /> },
      ]} />
      {confirming ? (
        <ConfirmDialog title="Delete view group" confirmLabel="Delete group" busy={remove.isPending} error={remove.error} onConfirm={() => remove.mutate()} onClose={() => setConfirming(false)}>
          <p>Delete the empty shared group <b>{group.name}</b>? Operators stop seeing it in the Smart Client.</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
