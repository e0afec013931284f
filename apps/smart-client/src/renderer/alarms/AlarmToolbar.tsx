/**
 * The filter bar over the alarm list: states and priorities as toggles, how far back, words,
 * the order, the total the site counted, and the sound switch.
 */
import type { AlarmListView } from './alarmFilterModel';
import { PERIODS, SORTS, togglePriority, toggleState } from './alarmFilterModel';
import type { AlarmPeriod, AlarmSort } from './alarmFilterModel';
import { ALARM_STATE_ORDER, PRIORITIES, STATE_LABEL, priorityLabel } from './alarmLabels';
import { SoundToggle } from './SoundToggle';

export interface AlarmToolbarProps {
  view: AlarmListView;
  onChange: (view: AlarmListView) => void;
  /** Alarms matching the filter, as the site counted them (undefined until it answered). */
  total: number | undefined;
  loading: boolean;
}

export function AlarmToolbar({ view, onChange, total, loading }: AlarmToolbarProps) {
  return (
    <div className="al-toolbar" data-testid="alarm-toolbar">
      <div className="al-toolbar-row">
        <div className="al-chips" role="group" aria-label="States">
          {ALARM_STATE_ORDER.map((s) => (
            <button key={s} type="button" className="al-chip" data-state={s} aria-pressed={view.states.includes(s)}
              onClick={() => onChange(toggleState(view, s))}>
              {STATE_LABEL[s]}
            </button>
          ))}
        </div>
        <div className="al-chips" role="group" aria-label="Priorities">
          {PRIORITIES.map((p) => (
            <button key={p} type="button" className="al-chip al-chip-priority" data-priority={p} aria-pressed={view.priorities.includes(p)}
              title={`Priority ${priorityLabel(p)}`} aria-label={`Priority ${priorityLabel(p)}`} onClick={() => onChange(togglePriority(view, p))}>
              {p}
            </button>
          ))}
        </div>
        <div className="al-spacer" />
        <SoundToggle />
      </div>
      <div className="al-toolbar-row">
        <input type="search" className="input al-text" placeholder="Search name, category, source, instructions" aria-label="Search alarms"
          value={view.text} maxLength={200} onChange={(e) => onChange({ ...view, text: e.target.value })} />
        <select className="input al-select" aria-label="Period" value={view.period} onChange={(e) => onChange({ ...view, period: e.target.value as AlarmPeriod })}>
          {PERIODS.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
        </select>
        <select className="input al-select" aria-label="Sort" value={view.sort} onChange={(e) => onChange({ ...view, sort: e.target.value as AlarmSort })}>
          {SORTS.map((s) => <option key={s.id} value={s.id}>{s.label}</option>)}
        </select>
        <span className="al-total" data-testid="alarm-total" aria-live="polite">
          {loading ? <span className="spinner spinner-sm" aria-hidden /> : null}
          {total === undefined ? '' : `${total} alarm${total === 1 ? '' : 's'}`}
        </span>
      </div>
    </div>
  );
}
