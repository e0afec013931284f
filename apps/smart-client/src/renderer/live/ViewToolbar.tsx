/**
 * The strip above the grid: which view is on screen (shared or private, changed since saved),
 * saving it, and the layout picker.
 */
import { useQuery } from '@tanstack/react-query';
import { viewGroupsQuery, viewsQuery } from '@nightjar/ui';
import { useClientState, useSite } from '../session/siteContext';
import { Icon } from '@nightjar/ui';
import { LayoutPicker } from './LayoutPicker';
import { useViewActions } from './useViewActions';
import { differsFromView, freeViewName } from './viewMapping';
import { newViewGroup } from './viewGroupsModel';

export function ViewToolbar() {
  const { client, store } = useSite();
  const views = useQuery(viewsQuery(client)).data;
  const groups = useQuery(viewGroupsQuery(client)).data;
  const viewId = useClientState((s) => s.viewId);
  const tileCameras = useClientState((s) => s.tileCameras);
  const layout = useClientState((s) => s.layout);
  const layoutId = useClientState((s) => s.layoutId);
  const actions = useViewActions();
  const view = viewId ? views?.find((v) => v.id === viewId) : undefined;
  const modified = view ? differsFromView({ layout, layoutId, tileCameras }, view) : tileCameras.some((c) => c !== null);
  const used = tileCameras.filter((c) => c !== null).length;
  const group = view ? groups?.find((g) => g.id === view.groupId) : undefined;
  const target = newViewGroup(groups ?? [], view);

  return (
    <div className="view-toolbar" data-testid="view-toolbar">
      <div className="view-title">
        <Icon name={view ? (view.shared ? 'shared' : 'lock') : 'grid'} size={14} />
        <span className="view-name" data-testid="view-name">{view ? view.name : 'Unsaved view'}</span>
        {view ? <span className="view-badge" title={view.shared ? 'In a shared group' : 'In one of your private groups'}>{group?.name ?? (view.shared ? 'Shared' : 'Private')}</span> : null}
        {view && modified ? <span className="view-modified">● changed</span> : null}
        <span className="view-meta">{used} of {tileCameras.length} tiles</span>
      </div>
      <div className="view-actions">
        {view?.editable ? (
          <button type="button" className="btn btn-sm" disabled={!modified} onClick={() => void actions.save(view)} title="Save the screen over this view">
            <Icon name="save" size={13} />
            Save
          </button>
        ) : null}
        <button type="button" className="btn btn-sm" disabled={!modified && !view} title={`Save the screen as a new view in ${target?.name ?? 'your Private group'}`}
          onClick={() => void actions.create(freeViewName(views ?? [], view ? `${view.name} copy` : 'View'), target)}>
          <Icon name="plus" size={13} />
          Save as new
        </button>
        <button type="button" className="btn btn-sm" disabled={used === 0} title="Empty every tile"
          onClick={() => tileCameras.forEach((_, i) => store.getState().assignCamera(i, null))}>
          Clear
        </button>
      </div>
      <div className="view-toolbar-spacer" />
      <LayoutPicker />
    </div>
  );
}
