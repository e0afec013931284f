/**
 * Stored views above the camera tree: the user's private views and the shared ones. Click a
 * view to show it; "+" saves what is on screen as a new private view, ready to be named.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { viewsQuery } from '@nightjar/ui';
import type { ViewBody } from '@nightjar/ui';
import { useClientState, useSite } from '../session/siteContext';
import { Icon } from '@nightjar/ui';
import { useViewActions } from './useViewActions';
import { freeViewName, sortViews } from './viewMapping';
import { ViewRow } from './ViewRow';

export function ViewsPanel() {
  const { client, user } = useSite();
  const views = useQuery(viewsQuery(client));
  const currentId = useClientState((s) => s.viewId);
  const actions = useViewActions();
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [collapsed, setCollapsed] = useState(false);
  const groups = useMemo(() => sortViews(views.data ?? [], user.id), [views.data, user.id]);

  const create = async () => {
    const saved = await actions.create(freeViewName(views.data ?? []), false);
    if (saved) setRenamingId(saved.id);
  };

  const row = (v: ViewBody) => (
    <ViewRow
      key={v.id}
      view={v}
      current={v.id === currentId}
      renaming={renamingId === v.id}
      onApply={() => actions.apply(v)}
      onStartRename={() => setRenamingId(v.id)}
      onRename={(name) => void actions.rename(v, name)}
      onRenameDone={() => setRenamingId(null)}
      onShare={(shared) => void actions.setShared(v, shared)}
      onDelete={() => void actions.remove(v)}
    />
  );

  let body;
  if (views.isPending) body = <div className="panel-note"><span className="spinner spinner-sm" />Loading views…</div>;
  else if (views.isError) {
    body = (
      <div className="panel-note panel-note-error">
        Views could not be loaded: {views.error.message}
        <button type="button" className="btn btn-sm" onClick={() => void views.refetch()}>Retry</button>
      </div>
    );
  } else {
    body = (
      <>
        <div className="view-section">My views</div>
        {groups.mine.length ? <ul>{groups.mine.map(row)}</ul> : <div className="view-empty">None yet: arrange cameras, then press +.</div>}
        <div className="view-section">Shared</div>
        {groups.shared.length ? <ul>{groups.shared.map(row)}</ul> : <div className="view-empty">No shared views.</div>}
      </>
    );
  }

  return (
    <section className="panel views-panel" aria-label="Views" data-collapsed={collapsed}>
      <div className="panel-head">
        <button type="button" className="icon-btn panel-toggle" onClick={() => setCollapsed(!collapsed)} aria-expanded={!collapsed} aria-label="Show or hide views">
          <Icon name={collapsed ? 'chevronRight' : 'chevronDown'} size={12} />
        </button>
        <h2>Views</h2>
        {views.data ? <span className="panel-count">{views.data.length}</span> : null}
        <div className="panel-head-actions">
          <button type="button" className="icon-btn" onClick={() => void create()} title="Save the screen as a new view" aria-label="New view">
            <Icon name="plus" size={14} />
          </button>
        </div>
      </div>
      {collapsed ? null : <div className="panel-scroll">{body}</div>}
    </section>
  );
}
