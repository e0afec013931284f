/**
 * Start and end of a time range, to the second, with its length and a few common choices. The
 * fields hold what is typed (so a half-typed date is not thrown away); the owner parses it with
 * fromDateTimeLocal and shows problems under the fields.
 */
import { formatDuration, fromDateTimeLocal, toDateTimeLocal } from '../playback/timeFormat';

export interface RangeValue {
  from: string;
  to: string;
}

export function rangeValue(fromMs: number, toMs: number): RangeValue {
  return { from: toDateTimeLocal(fromMs), to: toDateTimeLocal(toMs) };
}

const PRESETS: { label: string; ms: number }[] = [
  { label: 'Last 5 min', ms: 5 * 60_000 },
  { label: 'Last hour', ms: 3_600_000 },
  { label: 'Last 24 h', ms: 86_400_000 },
];

export interface RangeFieldsProps {
  value: RangeValue;
  onChange: (value: RangeValue) => void;
  problem?: string | undefined;
  warning?: string | undefined;
  /** Offers "last 5 min" and the like, ending now. */
  presets?: boolean;
}

export function RangeFields({ value, onChange, problem, warning, presets = true }: RangeFieldsProps) {
  const fromMs = fromDateTimeLocal(value.from);
  const toMs = fromDateTimeLocal(value.to);
  const length = toMs > fromMs ? formatDuration(toMs - fromMs) : null;
  return (
    <div className="inv-range">
      <div className="inv-range-row">
        <label className="field">
          <span>From</span>
          <input type="datetime-local" step={1} value={value.from} aria-invalid={Number.isNaN(fromMs) || !!problem}
            onChange={(e) => onChange({ ...value, from: e.target.value })} />
        </label>
        <label className="field">
          <span>To</span>
          <input type="datetime-local" step={1} value={value.to} aria-invalid={Number.isNaN(toMs) || !!problem}
            onChange={(e) => onChange({ ...value, to: e.target.value })} />
        </label>
        <div className="inv-range-length">{length ?? '—'}</div>
      </div>
      {presets ? (
        <div className="inv-presets">
          {PRESETS.map((p) => (
            <button key={p.label} type="button" className="btn btn-sm" onClick={() => {
              const now = Math.floor(Date.now() / 1000) * 1000;
              onChange(rangeValue(now - p.ms, now));
            }}>{p.label}</button>
          ))}
        </div>
      ) : null}
      {problem ? <div className="inv-problem">{problem}</div> : warning ? <div className="inv-warning">{warning}</div> : null}
    </div>
  );
}
