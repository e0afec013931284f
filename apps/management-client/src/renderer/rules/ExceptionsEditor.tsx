/**
 * Dated exceptions of a time profile (holidays, a late Saturday): days on which the weekly
 * windows do not apply and the profile is off all day, or on only during listed hours.
 */
import type { TimeException } from '@nightjar/vms-core';
import { Icon } from '@nightjar/ui';

export interface ExceptionsEditorProps {
  exceptions: readonly TimeException[];
  onChange: (exceptions: TimeException[]) => void;
  problem: (field: string) => string | undefined;
}

function todayDate(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function ExceptionsEditor({ exceptions, onChange, problem }: ExceptionsEditorProps) {
  const set = (i: number, e: TimeException) => onChange(exceptions.map((x, k) => (k === i ? e : x)));

  return (
    <div className="exception-list">
      {exceptions.map((e, i) => {
        const field = `exceptions[${i}]`;
        const label = e.name?.trim() || `exception ${i + 1}`;
        const whole = problem(field);
        const on = e.intervals.length > 0;
        return (
          <fieldset key={i} className="exception" data-invalid={whole ? 'true' : undefined}>
            <legend className="sr-only">{label}</legend>
            <div className="exception-head">
              <input className="input" value={e.name ?? ''} placeholder="Name (e.g. Christmas)" aria-label={`Name of ${label}`} maxLength={100}
                onChange={(ev) => set(i, { ...e, name: ev.target.value })} />
              <label className="exception-date">
                <span>From</span>
                <input className="input" type="date" value={e.from} aria-invalid={!!problem(`${field}.from`)} onChange={(ev) => set(i, { ...e, from: ev.target.value })} />
              </label>
              <label className="exception-date">
                <span>To</span>
                <input className="input" type="date" value={e.to ?? e.from} min={e.from} aria-invalid={!!problem(`${field}.to`)}
                  onChange={(ev) => set(i, { ...e, to: ev.target.value })} />
              </label>
              <select className="input" aria-label={`What ${label} does`} value={on ? 'on' : 'off'}
                onChange={(ev) => set(i, { ...e, intervals: ev.target.value === 'on' ? [{ from: '08:00', to: '12:00' }] : [] })}>
                <option value="off">Off all day</option>
                <option value="on">On only during…</option>
              </select>
              <button type="button" className="icon-btn" aria-label={`Remove ${label}`} onClick={() => onChange(exceptions.filter((_, k) => k !== i))}>
                <Icon name="trash" size={13} />
              </button>
            </div>
            {on ? (
              <div className="exception-intervals">
                {e.intervals.map((t, k) => (
                  <span key={k} className="exception-interval" data-invalid={problem(`${field}.intervals[${k}]`) ? 'true' : undefined}>
                    <input className="input clock-input" value={t.from} placeholder="HH:MM" maxLength={5} aria-label={`From, hours ${k + 1} of ${label}`}
                      onChange={(ev) => set(i, { ...e, intervals: e.intervals.map((x, j) => (j === k ? { ...x, from: ev.target.value } : x)) })} />
                    –
                    <input className="input clock-input" value={t.to} placeholder="HH:MM" maxLength={5} aria-label={`To, hours ${k + 1} of ${label}`}
                      onChange={(ev) => set(i, { ...e, intervals: e.intervals.map((x, j) => (j === k ? { ...x, to: ev.target.value } : x)) })} />
                    <button type="button" className="icon-btn" aria-label={`Remove hours ${k + 1} of ${label}`}
                      onClick={() => set(i, { ...e, intervals: e.intervals.filter((_, j) => j !== k) })}><Icon name="close" size={12} /></button>
                  </span>
                ))}
                <button type="button" className="btn btn-sm" onClick={() => set(i, { ...e, intervals: [...e.intervals, { from: '13:00', to: '17:00' }] })}>
                  <Icon name="plus" size={12} /> Hours
                </button>
              </div>
            ) : null}
            {whole ? <em className="field-error" role="alert">{whole}</em> : null}
          </fieldset>
        );
      })}
      {exceptions.length === 0 ? <p className="muted">No exceptions: the weekly windows apply every day.</p> : null}
      <button type="button" className="btn btn-sm" onClick={() => onChange([...exceptions, { from: todayDate(), intervals: [] }])}>
        <Icon name="plus" size={13} /> Add exception
      </button>
    </div>
  );
}
