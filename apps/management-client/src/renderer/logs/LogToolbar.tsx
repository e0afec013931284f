/**
 * The filter bar every log page shares: a time range (recent span or dates), words to find,
 * the page's own filters, auto-refresh and a refresh button. Words are sent a moment after
 * typing stops, so each key press does not ask the site.
 */
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { Icon } from '@nightjar/ui';
import { RANGE_PRESETS, rangeProblem } from './logQuery';
import type { LogRange, RangePreset } from './logQuery';

export interface LogToolbarProps {
  range: LogRange;
  onRange: (range: LogRange) => void;
  text: string;
  onText: (text: string) => void;
  autoRefresh: boolean;
  onAutoRefresh: (on: boolean) => void;
  onRefresh: () => void;
  refreshing: boolean;
  /** Filters of the page (level, rule, user…). */
  children?: ReactNode;
}

const TYPING_PAUSE_MS = 350;

export function LogToolbar({ range, onRange, text, onText, autoRefresh, onAutoRefresh, onRefresh, refreshing, children }: LogToolbarProps) {
  const [typed, setTyped] = useState(text);
  useEffect(() => setTyped(text), [text]);
  useEffect(() => {
    if (typed === text) return;
    const t = setTimeout(() => onText(typed), TYPING_PAUSE_MS);
    return () => clearTimeout(t);
  }, [typed, text, onText]);
  const problem = rangeProblem(range);

  return (
    <div className="log-toolbar" role="search" aria-label="Log filters">
      <label className="log-filter">
        <span>Time</span>
        <select className="input" value={range.preset} onChange={(e) => onRange({ ...range, preset: e.target.value as RangePreset })}>
          {RANGE_PRESETS.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
        </select>
      </label>
      {range.preset === 'custom' ? (
        <>
          <label className="log-filter" data-invalid={problem?.field === 'from' ? 'true' : undefined}>
            <span>From</span>
            <input className="input" type="datetime-local" value={range.from} aria-invalid={problem?.field === 'from'} onChange={(e) => onRange({ ...range, from: e.target.value })} />
          </label>
          <label className="log-filter" data-invalid={problem?.field === 'to' ? 'true' : undefined}>
            <span>To</span>
            <input className="input" type="datetime-local" value={range.to} aria-invalid={problem?.field === 'to'} onChange={(e) => onRange({ ...range, to: e.target.value })} />
          </label>
          {problem ? <em className="field-error" role="alert">{problem.message}</em> : null}
        </>
      ) : null}
      <label className="log-filter log-filter-text">
        <span>Find</span>
        <input className="input" type="search" value={typed} placeholder="Words in the entries" onChange={(e) => setTyped(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter') onText(typed); }} />
      </label>
      {children}
      <div className="log-toolbar-end">
        <label className="checkbox">
          <input type="checkbox" checked={autoRefresh} onChange={(e) => onAutoRefresh(e.target.checked)} />
          Auto-refresh
        </label>
        <button type="button" className="btn btn-sm" onClick={onRefresh} disabled={refreshing} aria-label="Refresh now">
          <Icon name="refresh" size={13} /> {refreshing ? 'Refreshing…' : 'Refresh'}
        </button>
      </div>
    </div>
  );
}
