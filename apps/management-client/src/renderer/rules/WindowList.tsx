/**
 * The weekly windows as a list: days, from and to of each, with the problem of a window (the
 * form's, or the site's, e.g. an overlap) under it. A `to` earlier than `from` runs past
 * midnight, as the site reads it.
 */
import type { TimeWindow } from '@nightjar/vms-core';
import { Icon } from '@nightjar/ui';
import { DAY_NAMES, DAY_SHORT, GRID_DAY_ORDER, describeWindow, parseClock } from './weekGrid';

export interface WindowListProps {
  windows: readonly TimeWindow[];
  onChange: (windows: TimeWindow[]) => void;
  /** The problem at a field path ("windows[1].from"), the form's or the site's. */
  problem: (field: string) => string | undefined;
}

export function WindowList({ windows, onChange, problem }: WindowListProps) {
  const set = (i: number, w: TimeWindow) => onChange(windows.map((x, k) => (k === i ? w : x)));
  const toggleDay = (i: number, day: number) => {
    const w = windows[i]!;
    set(i, { ...w, days: w.days.includes(day) ? w.days.filter((d) => d !== day) : [...w.days, day].sort((a, b) => GRID_DAY_ORDER.indexOf(a) - GRID_DAY_ORDER.indexOf(b)) });
  };

  return (
    <div className="window-list">
      <table className="window-table" aria-label="Weekly windows">
        <thead><tr><th>Days</th><th>From</th><th>To</th><th><span className="sr-only">Remove</span></th></tr></thead>
        <tbody>
          {windows.map((w, i) => {
            const whole = problem(`windows[${i}]`);
            const overnight = (parseClock(w.to) ?? 0) < (parseClock(w.from) ?? 0) && parseClock(w.to) !== undefined;
            const name = `window ${i + 1}`;
            return [
              <tr key={`w${i}`} data-invalid={whole ? 'true' : undefined}>
                <td>
                  <div className="day-toggles" role="group" aria-label={`Days of ${name}`}>
                    {GRID_DAY_ORDER.map((d) => (
                      <button key={d} type="button" className="day-toggle" aria-pressed={w.days.includes(d)} aria-label={DAY_NAMES[d]} onClick={() => toggleDay(i, d)}>
                        {DAY_SHORT[d]!.slice(0, 2)}
                      </button>
                    ))}
                  </div>
                </td>
                <td>
                  <input className="input clock-input" value={w.from} aria-label={`From, ${name}`} placeholder="HH:MM" maxLength={5}
                    aria-invalid={!!problem(`windows[${i}].from`)} onChange={(e) => set(i, { ...w, from: e.target.value })} />
                </td>
                <td>
                  <input className="input clock-input" value={w.to} aria-label={`To, ${name}`} placeholder="HH:MM" maxLength={5}
                    aria-invalid={!!problem(`windows[${i}].to`)} onChange={(e) => set(i, { ...w, to: e.target.value })} />
                  {overnight ? <small className="muted"> next day</small> : null}
                </td>
                <td>
                  <button type="button" className="icon-btn" aria-label={`Remove ${name} (${describeWindow(w)})`} onClick={() => onChange(windows.filter((_, k) => k !== i))}>
                    <Icon name="trash" size={13} />
                  </button>
                </td>
              </tr>,
              whole ? (
                <tr key={`e${i}`} className="window-error-row">
                  <td colSpan={4}><em className="field-error" role="alert">{whole}</em></td>
                </tr>
              ) : null,
            ];
          })}
          {windows.length === 0 ? <tr><td colSpan={4} className="muted">No windows: the profile is on only on the exceptions' hours.</td></tr> : null}
        </tbody>
      </table>
      <button type="button" className="btn btn-sm" onClick={() => onChange([...windows, { days: [1, 2, 3, 4, 5], from: '08:00', to: '18:00' }])}>
        <Icon name="plus" size={13} /> Add window
      </button>
    </div>
  );
}
