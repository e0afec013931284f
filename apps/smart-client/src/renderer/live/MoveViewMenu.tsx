/** "Move to group" on a view row: the other groups the user sees, one click each. */
import { useEffect, useRef, useState } from 'react';
import { Icon } from '@nightjar/ui';
import type { ViewGroupBody } from '@nightjar/ui';

export interface MoveViewMenuProps {
  viewName: string;
  targets: readonly ViewGroupBody[];
  onMove: (group: ViewGroupBody) => void;
}

export function MoveViewMenu({ viewName, targets, onMove }: MoveViewMenuProps) {
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLSpanElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent) {
        if (e.key !== 'Escape') return;
        // Consumed here: the same Escape must not also restore a tile.
        e.preventDefault();
        setOpen(false);
      } else if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', close);
    window.addEventListener('keydown', close, true);
    return () => {
      window.removeEventListener('pointerdown', close);
      window.removeEventListener('keydown', close, true);
    };
  }, [open]);
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
