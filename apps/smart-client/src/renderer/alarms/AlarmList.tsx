/**
 * The alarm rows, a table an operator scans quickly: priority, state, when, what, where, who.
 * Click opens one, Ctrl/Cmd-click and the checkboxes pick several, Shift-click a range; ↑ and ↓
 * open the row above or below. More pages load on request (the site counts them all).
 */
import type { KeyboardEvent } from 'react';
import type { AlarmBody } from '@nightjar/ui';
import { ErrorNote, useNow } from '@nightjar/ui';
import type { AlarmSelection, ClickModifiers } from './alarmSelection';
import { AlarmRow } from './AlarmRow';

export interface AlarmListProps {
  rows: readonly AlarmBody[];
  selection: AlarmSelection;
  opened: number | null;
  arrived: ReadonlySet<number>;
  /** The filter differs from the default (the empty list says "no match" rather than "all clear"). */
  narrowed: boolean;
  loading: boolean;
  error: unknown;
  hasMore: boolean;
  loadingMore: boolean;
  onMore: () => void;
  onRowClick: (id: number, mods: ClickModifiers) => void;
  onToggleAll: () => void;
  onOpenAdjacent: (step: 1 | -1) => void;
}

export function AlarmList(p: AlarmListProps) {
  // The list prints the time of day (the age is in the tooltip): a slow tick is enough.
  const now = useNow(30_000);
  const all = p.rows.length > 0 && p.rows.every((a) => p.selection.ids.includes(a.id));
  const some = !all && p.selection.ids.length > 0;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    // Handled here: the window's arrow keys step playback, which is not on screen.
    e.preventDefault();
    p.onOpenAdjacent(e.key === 'ArrowDown' ? 1 : -1);
  };

  return (
    <div className="al-list" onKeyDown={onKeyDown}>
      <table className="al-table" data-testid="alarm-list">
        <thead>
          <tr>
            <th className="al-col-check">
              <input type="checkbox" aria-label="Select every listed alarm" checked={all} disabled={p.rows.length === 0}
                ref={(el) => { if (el) el.indeterminate = some; }} onChange={p.onToggleAll} />
            </th>
            <th className="al-col-priority">Priority</th>
            <th className="al-col-state">State</th>
            <th className="al-col-time">Raised</th>
            <th>Alarm</th>
            <th className="al-col-source">Source</th>
            <th className="al-col-assignee">Assignee</th>
          </tr>
        </thead>
        <tbody>
          {p.rows.map((alarm) => (
            <AlarmRow key={alarm.id} alarm={alarm} nowMs={now} selected={p.selection.ids.includes(alarm.id)} opened={p.opened === alarm.id}
              arrived={p.arrived.has(alarm.id)} onClick={(mods) => p.onRowClick(alarm.id, mods)} />
          ))}
        </tbody>
      </table>
      {p.error ? <div className="al-note"><ErrorNote error={p.error} /></div> : null}
      {!p.error && !p.loading && p.rows.length === 0 ? (
        <div className="al-empty" data-testid="alarm-list-empty">
          {p.narrowed ? 'No alarm matches this filter.' : 'No open alarms. New ones appear here as they are raised.'}
        </div>
      ) : null}
      {p.loading ? <div className="al-empty"><span className="spinner" aria-hidden /></div> : null}
      {p.hasMore ? (
        <div className="al-more">
          <button type="button" className="btn btn-sm" disabled={p.loadingMore} onClick={p.onMore}>{p.loadingMore ? 'Loading…' : 'Show more'}</button>
        </div>
      ) : null}
    </div>
  );
}
