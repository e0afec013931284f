/** A stored view in the views panel: click to show it; rename, share, move and delete when allowed. */
import { useState } from 'react';
import type { ViewBody, ViewGroupBody } from '@nightjar/ui';
import { Icon } from '@nightjar/ui';
import { LayoutGlyph } from './LayoutGlyph';
import { MoveViewMenu } from './MoveViewMenu';
import { ViewNameInput } from './ViewNameInput';

export interface ViewRowProps {
  view: ViewBody;
  current: boolean;
  /** Start in rename mode (a view just created). */
  renaming: boolean;
  onApply: () => void;
  onRename: (name: string) => void;
  onRenameDone: () => void;
  onStartRename: () => void;
  onShare: (shared: boolean) => void;
  /** The groups it may move to (none: no move button). */
  moveTargets: readonly ViewGroupBody[];
  onMove: (group: ViewGroupBody) => void;
  onDelete: () => void;
}

export function ViewRow(p: ViewRowProps) {
  const { view } = p;
  const [confirming, setConfirming] = useState(false);
  if (p.renaming) {
    return (
      <li className="view-row" aria-current={p.current}>
        <LayoutGlyph layout={view.layout} size={14} />
        <ViewNameInput
          initial={view.name}
          onDone={(name) => {
            if (name !== null) p.onRename(name);
            p.onRenameDone();
          }}
        />
      </li>
    );
  }

  if (confirming) {
    return (
      <li className="view-row view-confirm" aria-current={p.current}>
        <span className="tree-label">Delete “{view.name}”?</span>
        <button type="button" className="btn btn-sm btn-danger" onClick={() => { setConfirming(false); p.onDelete(); }}>Delete</button>
        <button type="button" className="btn btn-sm" onClick={() => setConfirming(false)}>Cancel</button>
      </li>
    );
  }

  return (
    <li
      className="view-row"
      aria-current={p.current}
      data-testid="view-row"
      tabIndex={0}
      title={`${view.name} · ${view.layout.columns}×${view.layout.rows} grid, ${view.cameraIds.filter(Boolean).length} cameras${view.shared ? ' · shared' : ''}`}
      onClick={p.onApply}
      onKeyDown={(e) => e.key === 'Enter' && e.target === e.currentTarget && p.onApply()}
    >
      <LayoutGlyph layout={view.layout} size={14} />
      <span className="tree-label">{view.name}</span>
      {view.editable ? (
        <span className="view-row-actions" onClick={(e) => e.stopPropagation()}>
          <button type="button" className="icon-btn" title="Rename" aria-label={`Rename ${view.name}`} onClick={p.onStartRename}>
            <Icon name="edit" size={12} />
          </button>
          <MoveViewMenu viewName={view.name} targets={p.moveTargets} onMove={p.onMove} />
          <button type="button" className="icon-btn" aria-pressed={view.shared} title={view.shared ? 'Shared: click to make it private again' : 'Private: click to share it (the Shared group)'}
            aria-label={view.shared ? `Make ${view.name} private` : `Share ${view.name}`} onClick={() => p.onShare(!view.shared)}>
            <Icon name={view.shared ? 'shared' : 'lock'} size={12} />
          </button>
          <button type="button" className="icon-btn" title="Delete" aria-label={`Delete ${view.name}`} onClick={() => setConfirming(true)}>
            <Icon name="trash" size={12} />
          </button>
        </span>
      ) : <Icon name="lock" size={11} className="view-readonly" title="Shared by someone else: read only" />}
    </li>
  );
}
