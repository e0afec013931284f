/**
 * Stored views above the camera tree, in their view groups: the user's private groups first,
 * then the shared groups shown to them, each folding on its own. Click a view to show it; "+" on
 * a group saves what is on screen as a new view there, ready to be named; the panel's "+" does
 * so in the user's "Private" group, and the folder button makes a new private group.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { Icon, viewGroupsQuery, viewsQuery } from '@nightjar/ui';
import type { ViewBody, ViewGroupBody } from '@nightjar/ui';
import { useClientState, useSite } from '../session/siteContext';
import { useViewActions } from './useViewActions';
import { useViewGroupActions } from './useViewGroupActions';
import { freeViewName } from './viewMapping';
import { defaultPrivateGroup, freeGroupName, groupViews, moveTargets } from './viewGroupsModel';
import { ViewGroupSection } from './ViewGroupSection';
import { ViewRow } from './ViewRow';
import './viewGroups.css';

export function ViewsPanel() {
  const { client } = useSite();
  const views = useQuery(viewsQuery(client));
  const groups = useQuery(viewGroupsQuery(client));
  const currentId = useClientState((s) => s.viewId);
  const actions = useViewActions();
  const groupActions = useViewGroupActions();
  const [renamingId, setRenamingId] = useState<string | null>(null);
  const [renamingGroupId, setRenamingGroupId] = useState<string | null>(null);
  const [folded, setFolded] = useState<ReadonlySet<string>>(new Set());
  const [collapsed, setCollapsed] = useState(false);
  const groupList = useMemo(() => groups.data ?? [], [groups.data]);
  const { sections, others } = useMemo(() => groupViews(groupList, views.data ?? []), [groupList, views.data]);

  const create = async (group: ViewGroupBody | undefined) => {
    const saved = await actions.create(freeViewName(views.data ?? []), group);
    if (saved) {
      if (group) setFolded((f) => new Set([...f].filter((id) => id !== group.id)));
      setRenamingId(saved.id);
    }
  };
  const createGroup = async () => {
    const group = await groupActions.create(freeGroupName(groupList));
    if (group) setRenamingGroupId(group.id);
  };
  const toggle = (id: string) => setFolded((f) => {
    const next = new Set(f);
    if (!next.delete(id)) next.add(id);
    return next;
  });

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
      moveTargets={moveTargets(groupList, v)}
      onMove={(g) => void actions.move(v, g)}
      onDelete={() => void actions.remove(v)}
    />
  );
  const list = (items: ViewBody[], empty: string) => (items.length ? <ul>{items.map(row)}</ul> : <div className="view-empty">{empty}</div>);

  let body;
  // Both together: views shown before their groups would jump once the groups arrive.
  if (views.isPending || groups.isPending) body = <div className="panel-note"><span className="spinner spinner-sm" />Loading views…</div>;
  else if (views.isError) {
    body = (
      <div className="panel-note panel-note-error">
        Views could not be loaded: {views.error.message}
        <button type="button" className="btn btn-sm" onClick={() => void views.refetch()}>Retry</button>
      </div>
    );
  } else {
    body = (
      <ul className="view-groups" aria-label="View groups">
        {sections.map(({ group, views: inGroup }) => (
          <ViewGroupSection
            key={group.id}
            group={group}
            count={inGroup.length}
            collapsed={folded.has(group.id)}
            onToggle={() => toggle(group.id)}
            renaming={renamingGroupId === group.id}
            onStartRename={() => setRenamingGroupId(group.id)}
            onRename={(name) => {
              setRenamingGroupId(null);
              if (name !== null) void groupActions.rename(group, name);
            }}
            onNewView={() => void create(group)}
            onDelete={() => void groupActions.remove(group)}
          >
            {list(inGroup, group.shared ? 'No views in this group.' : 'None yet: arrange cameras, then press +.')}
          </ViewGroupSection>
        ))}
        {others.length ? <li className="view-group"><div className="view-section">Other views</div>{list(others, '')}</li> : null}
        {groups.isError ? <li className="view-empty">The groups could not be loaded; views are shown ungrouped.</li> : null}
      </ul>
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
          <button type="button" className="icon-btn" onClick={() => void createGroup()} title="New private group" aria-label="New group">
            <Icon name="folder" size={14} />
          </button>
          <button type="button" className="icon-btn" onClick={() => void create(defaultPrivateGroup(groupList))} title="Save the screen as a new view in your Private group" aria-label="New view">
            <Icon name="plus" size={14} />
          </button>
        </div>
      </div>
      {collapsed ? null : <div className="panel-scroll">{body}</div>}
    </section>
  );
}
