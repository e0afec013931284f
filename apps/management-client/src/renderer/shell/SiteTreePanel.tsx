/** The site navigation tree: folders of pages, filterable, with the current page marked. */
import { useState } from 'react';
import { Icon } from '@nightjar/ui';
import { visibleTree } from '../navigation/siteTree';
import type { AdminNeed, NodeId } from '../navigation/siteTree';

export interface SiteTreePanelProps {
  flags: Record<AdminNeed, boolean>;
  current: NodeId;
  onSelect: (node: NodeId) => void;
}

export function SiteTreePanel({ flags, current, onSelect }: SiteTreePanelProps) {
  const [filter, setFilter] = useState('');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const tree = visibleTree(flags, filter);
  const toggle = (id: string) => setCollapsed((c) => {
    const next = new Set(c);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    return next;
  });
  return (
    <nav className="sidebar site-tree" aria-label="Site navigation">
      <div className="site-tree-filter">
        <Icon name="search" size={13} />
        <input className="input" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Filter" aria-label="Filter the site tree" />
      </div>
      <ul className="panel-scroll" role="tree">
        {tree.map((f) => {
          const open = filter.trim() !== '' || !collapsed.has(f.id);
          return (
            <li key={f.id} role="treeitem" aria-expanded={open} aria-selected={false}>
              <button type="button" className="tree-folder" onClick={() => toggle(f.id)}>
                <Icon name={open ? 'chevronDown' : 'chevronRight'} size={12} />
                {f.label}
              </button>
              {open ? (
                <ul role="group">
                  {f.nodes.map((n) => (
                    <li key={n.id} role="treeitem" aria-selected={n.id === current}>
                      <button type="button" className="tree-node" data-current={n.id === current} onClick={() => onSelect(n.id)}>
                        <Icon name={n.icon} size={14} />
                        {n.label}
                      </button>
                    </li>
                  ))}
                </ul>
              ) : null}
            </li>
          );
        })}
        {tree.length === 0 ? <li className="panel-note">Nothing matches “{filter}”.</li> : null}
      </ul>
    </nav>
  );
}
