/**
 * One view group in the views panel: a header that folds the group (its name, how many views,
 * private or shared), "+" to save the screen as a new view in it, and for the user's own groups
 * rename and delete; then its views.
 */
import { useState } from 'react';
import type { ReactNode } from 'react';
import { Icon } from '@nightjar/ui';
import type { ViewGroupBody } from '@nightjar/ui';
import { ViewNameInput } from './ViewNameInput';

export interface ViewGroupSectionProps {
  group: ViewGroupBody;
  count: number;
  collapsed: boolean;
  onToggle: () => void;
  /** Start in rename mode (a group just created). */
  renaming: boolean;
  onStartRename: () => void;
  onRename: (name: string | null) => void;
  onNewView: () => void;
  onDelete: () => void;
  children: ReactNode;
}

export function ViewGroupSection(p: ViewGroupSectionProps) {
  const { group } = p;
  const [confirming, setConfirming] = useState(false);
  const kind = group.shared ? 'Shared group' : 'Private group';
  let head;
  if (p.renaming) {
    head = (
      <div className="view-group-head">
        <Icon name={group.shared ? 'shared' : 'lock'} size={12} />
        <ViewNameInput initial={group.name} label="Group name" onDone={p.onRename} />
      </div>
    );
  } else if (confirming) {
    head = (
      <div className="view-group-head view-confirm">
        <span className="tree-label">Delete group “{group.name}”?</span>
        <button type="button" className="btn btn-sm btn-danger" onClick={() => { setConfirming(false); p.onDelete(); }}>Delete</button>
        <button type="button" className="btn btn-sm" onClick={() => setConfirming(false)}>Cancel</button>
      </div>
    );
  } else {
    head = (
      <div className="view-group-head" title={`${kind}${group.isDefault ? ' (default)' : ''} · ${p.count} ${p.count === 1 ? 'view' : 'views'}`}>
        <button type="button" className="view-group-toggle" aria-expanded={!p.collapsed} onClick={p.onToggle}>
          <Icon name={p.collapsed ? 'chevronRight' : 'chevronDown'} size={11} />
          <Icon name={group.shared ? 'shared' : 'lock'} size={12} />
          <span className="tree-label">{group.name}</span>
          <span className="panel-count">{p.count}</span>
        </button>
        <span className="view-row-actions">
          <button type="button" className="icon-btn" title={`Save the screen as a new view in ${group.name}`} aria-label={`New view in ${group.name}`} onClick={p.onNewView}>
            <Icon name="plus" size={12} />
          </button>
          {group.editable ? (
            <button type="button" className="icon-btn" title="Rename the group" aria-label={`Rename group ${group.name}`} onClick={p.onStartRename}>
              <Icon name="edit" size={12} />
            </button>
          ) : null}
          {group.editable && !group.isDefault ? (
            <button type="button" className="icon-btn" title={p.count > 0 ? 'Move or delete its views first' : 'Delete the group'} aria-label={`Delete group ${group.name}`}
              disabled={p.count > 0} onClick={() => setConfirming(true)}>
              <Icon name="trash" size={12} />
            </button>
          ) : null}
        </span>
      </div>
    );
  }
  return (
    <li className="view-group" data-testid="view-group" data-group-id={group.id} aria-label={`${kind} ${group.name}`}>
      {head}
      {p.collapsed ? null : p.children}
    </li>
  );
}
