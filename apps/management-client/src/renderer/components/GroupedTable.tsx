/**
 * An overview of many items in folders (cameras, inputs, outputs…): one table, a collapsible
 * header row per group, a row per item. Arrow keys move the selection over the visible items,
 * across groups. Only the rows the pane shows are rendered (useRowWindow), so a site with
 * thousands of items opens at once.
 */
import { useMemo, useRef, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { Icon } from '@nightjar/ui';
import { useRowWindow } from './useRowWindow';

export interface RowGroup<T> {
  /** The folder path; its label is `label(path)`. */
  path: string;
  rows: readonly T[];
}

export interface GroupedTableProps<T extends { id: string; enabled: boolean }> {
  /** The table's accessible name. */
  label: string;
  columns: readonly string[];
  groups: readonly RowGroup<T>[];
  groupLabel: (path: string) => string;
  selected: string | null;
  onSelect: (id: string) => void;
  /** The row's cells, one per column. */
  cells: (row: T) => ReactNode;
}

/** Height of a row (group or item), fixed so the window's arithmetic holds; the CSS (.camera-table) sets the same. */
const ROW_PX = 27;

type Item<T> = { kind: 'group'; group: RowGroup<T> } | { kind: 'row'; row: T };

export function GroupedTable<T extends { id: string; enabled: boolean }>({ label, columns, groups, groupLabel, selected, onSelect, cells }: GroupedTableProps<T>) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const items = useMemo<Item<T>[]>(() => groups.flatMap((g) => [
    { kind: 'group' as const, group: g },
    ...(collapsed.has(g.path) ? [] : g.rows.map((row) => ({ kind: 'row' as const, row }))),
  ]), [groups, collapsed]);
  const visible = useMemo(() => items.flatMap((i) => (i.kind === 'row' ? [i.row] : [])), [items]);
  const table = useRef<HTMLTableElement>(null);
  const win = useRowWindow(table, items.length, ROW_PX);
  const toggle = (path: string) => setCollapsed((s) => {
    const next = new Set(s);
    if (next.has(path)) next.delete(path);
    else next.add(path);
    return next;
  });
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.key !== 'ArrowDown' && e.key !== 'ArrowUp') || visible.length === 0 || e.target !== e.currentTarget) return;
    e.preventDefault();
    const i = visible.findIndex((r) => r.id === selected);
    const next = e.key === 'ArrowDown' ? Math.min(visible.length - 1, i + 1) : Math.max(0, i < 0 ? 0 : i - 1);
    const id = visible[next]!.id;
    onSelect(id);
    // Keep the selected row on screen (it may be outside the rendered window).
    const at = items.findIndex((it) => it.kind === 'row' && it.row.id === id);
    const pane = table.current?.closest('.overview-pane');
    if (pane && at >= 0) {
      const top = table.current!.offsetTop + (at + 1) * ROW_PX;
      if (top < pane.scrollTop + ROW_PX) pane.scrollTop = top - ROW_PX;
      else if (top + ROW_PX > pane.scrollTop + pane.clientHeight) pane.scrollTop = top + ROW_PX - pane.clientHeight;
    }
  };
  return (
    // aria-rowcount: every row of the list, rendered or not (the header row included).
    <table ref={table} className="data-table camera-table" aria-label={label} aria-rowcount={items.length + 1} tabIndex={0} onKeyDown={onKeyDown}>
      <thead>
        <tr aria-rowindex={1}>{columns.map((c) => <th key={c}>{c}</th>)}</tr>
      </thead>
      <tbody>
        {win.padTop > 0 ? <tr aria-hidden="true" style={{ height: win.padTop }} /> : null}
        {items.slice(win.start, win.end).map((item, k) => {
          const rowIndex = win.start + k + 2;
          if (item.kind === 'group') {
            const g = item.group;
            return (
              <tr key={`g:${g.path}`} className="group-row" aria-rowindex={rowIndex}>
                <th colSpan={columns.length} scope="colgroup">
                  <button type="button" className="group-toggle" aria-expanded={!collapsed.has(g.path)} onClick={() => toggle(g.path)}>
                    <Icon name={collapsed.has(g.path) ? 'chevronRight' : 'chevronDown'} size={12} />
                    <Icon name="folder" size={13} />
                    {groupLabel(g.path)} <span className="muted">({g.rows.length})</span>
                  </button>
                </th>
              </tr>
            );
          }
          const r = item.row;
          return (
            <tr key={r.id} aria-rowindex={rowIndex} aria-selected={selected === r.id} data-selectable="true" data-enabled={r.enabled} onClick={() => onSelect(r.id)}>
              {cells(r)}
            </tr>
          );
        })}
        {win.padBottom > 0 ? <tr aria-hidden="true" style={{ height: win.padBottom }} /> : null}
      </tbody>
    </table>
  );
}
