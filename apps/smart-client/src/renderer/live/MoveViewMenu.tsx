/** "Move to group" on a view row: the other groups the user sees, one click each. */
import { useRef, useState } from 'react';
import { Icon } from '@nightjar/ui';
import type { ViewGroupBody } from '@nightjar/ui';
import { useMenuDismiss } from '../shell/useMenuDismiss';

export interface MoveViewMenuProps {
  viewName: string;
  targets: readonly ViewGroupBody[];
  onMove: (group: ViewGroupBody) => void;
}

export function MoveViewMenu({ viewName, targets, onMove }: MoveViewMenuProps) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLSpanElement>(null);
  useMenuDismiss(open, () => setOpen(false), box);
  if (targets.length === 0) return null;
  return (
    <span className="menu-anchor" ref={box}>
      <button type="button" className="icon-btn" title="Move to another group" aria-label={`Move ${viewName}`} aria-haspopup="menu" aria-expanded={open}
        onClick={() => setOpen(!open)}>
        <Icon name="folder" size={12} />
      </button>
      {open ? (
        <div className="menu view-move-menu" role="menu" aria-label={`Move ${viewName} to`}>
          <div className="menu-header"><div className="menu-title">Move to group</div></div>
          {targets.map((g) => (
            <button key={g.id} type="button" role="menuitem" className="menu-item" onClick={() => { setOpen(false); onMove(g); }}>
              <Icon name={g.shared ? 'shared' : 'lock'} size={13} />
              <span className="tree-label">{g.name}</span>
            </button>
          ))}
        </div>
      ) : null}
    </span>
  );
}
