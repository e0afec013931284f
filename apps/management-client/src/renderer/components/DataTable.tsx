/**
 * The overview table of a page: columns, rows, one selected row (keyboard: arrows move the
 * selection, Enter opens). Rendering only; sorting and filtering are the page's.
 */
import type { KeyboardEvent, ReactNode } from 'react';

export interface Column<T> {
  id: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Right-aligned numbers. */
  numeric?: boolean;
  width?: number | string;
}

export interface DataTableProps<T> {
  label: string;
  columns: readonly Column<T>[];
  rows: readonly T[];
  rowKey: (row: T) => string;
  selected?: string | null;
  onSelect?: (key: string) => void;
  empty?: ReactNode;
}

export function DataTable<T>({ label, columns, rows, rowKey, selected, onSelect, empty }: DataTableProps<T>) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (!onSelect || rows.length === 0 || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
    e.preventDefault();
    const i = rows.findIndex((r) => rowKey(r) === selected);
    const next = e.key === 'ArrowDown' ? Math.min(rows.length - 1, i + 1) : Math.max(0, i < 0 ? 0 : i - 1);
    onSelect(rowKey(rows[next]!));
  };
  return (
    <table className="data-table" aria-label={label} tabIndex={onSelect ? 0 : undefined} onKeyDown={onKeyDown}>
      <thead>
        <tr>{columns.map((c) => <th key={c.id} className={c.numeric ? 'num' : undefined} style={c.width !== undefined ? { width: c.width } : undefined}>{c.header}</th>)}</tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const key = rowKey(row);
          return (
            <tr key={key} aria-selected={selected === key} data-selectable={onSelect ? 'true' : undefined} onClick={onSelect ? () => onSelect(key) : undefined}>
              {columns.map((c) => <td key={c.id} className={c.numeric ? 'num' : undefined}>{c.cell(row)}</td>)}
            </tr>
          );
        })}
        {rows.length === 0 ? <tr><td colSpan={columns.length} className="muted">{empty ?? 'Nothing here yet.'}</td></tr> : null}
      </tbody>
    </table>
  );
}
