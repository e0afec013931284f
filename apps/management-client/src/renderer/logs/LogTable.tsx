/**
 * The table every log page shows: entries newest first, "Load older entries" at the bottom
 * while the site has more, one selected entry whose details open under the table, and the
 * loading, empty and error states. The page owns the query (filters, auto-refresh); this only
 * renders its pages.
 */
import { useMemo, useState } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import type { UseInfiniteQueryResult } from '@tanstack/react-query';
import { PaneMessage } from '../components/PageLayout';
import type { Column } from '../components/DataTable';
import { joinPages } from './logQuery';
import type { LogPages } from './logsApi';

export interface LogTableProps<T> {
  label: string;
  query: UseInfiniteQueryResult<LogPages<T>>;
  columns: readonly Column<T>[];
  rowKey: (entry: T) => number;
  /** Shown under the table for the selected entry. */
  detail?: (entry: T) => ReactNode;
  /** Tints a row (errors, failures). */
  tone?: (entry: T) => 'error' | 'warn' | undefined;
  empty: string;
}

export function LogTable<T>({ label, query, columns, rowKey, detail, tone, empty }: LogTableProps<T>) {
  const [selected, setSelected] = useState<number | null>(null);
  const rows = useMemo(() => joinPages(query.data?.pages ?? [], rowKey), [query.data, rowKey]);
  const current = selected === null ? undefined : rows.find((r) => rowKey(r) === selected);

  if (query.isPending) return <PaneMessage kind="loading">Loading the log…</PaneMessage>;
  if (query.isError) return <PaneMessage kind="error">Could not read the log: {query.error.message}</PaneMessage>;

  const onKeyDown = (e: KeyboardEvent) => {
    if (rows.length === 0 || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
    e.preventDefault();
    const i = rows.findIndex((r) => rowKey(r) === selected);
    const next = e.key === 'ArrowDown' ? Math.min(rows.length - 1, i + 1) : Math.max(0, i < 0 ? 0 : i - 1);
    setSelected(rowKey(rows[next]!));
  };

  return (
    <div className="log-body">
      <div className="log-scroll">
        <table className="data-table log-table" aria-label={label} tabIndex={0} onKeyDown={onKeyDown}>
          <thead>
            <tr>{columns.map((c) => <th key={c.id} style={c.width !== undefined ? { width: c.width } : undefined}>{c.header}</th>)}</tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const key = rowKey(row);
              return (
                <tr key={key} aria-selected={key === selected} data-selectable="true" data-tone={tone?.(row)} onClick={() => setSelected(key === selected ? null : key)}>
                  {columns.map((c) => <td key={c.id}>{c.cell(row)}</td>)}
                </tr>
              );
            })}
            {rows.length === 0 ? <tr><td colSpan={columns.length} className="muted">{empty}</td></tr> : null}
          </tbody>
        </table>
        <div className="log-more">
          <span className="muted">{rows.length === 0 ? '' : `${rows.length} ${rows.length === 1 ? 'entry' : 'entries'}${query.hasNextPage ? ' shown' : ''}`}</span>
          {query.hasNextPage ? (
            <button type="button" className="btn btn-sm" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
              {query.isFetchingNextPage ? 'Loading…' : 'Load older entries'}
            </button>
          ) : rows.length > 0 ? <span className="muted">Oldest entry of the range reached.</span> : null}
        </div>
      </div>
      {detail && current ? (
        <section className="log-detail" aria-label="Entry details">
          {detail(current)}
        </section>
      ) : null}
    </div>
  );
}
