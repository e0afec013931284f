/** Pick some of a list (cameras, storages, servers) with checkboxes, or "any"/"all" of them. */
import type { Named } from './useRuleContext';

export interface IdPickerProps {
  label: string;
  items: readonly Named[];
  /** null: any (or all) of them. */
  selected: readonly string[] | null;
  onChange: (ids: string[] | null) => void;
  /** With both labels: a choice between any and some; without: just the list. */
  anyLabel?: string;
  someLabel?: string;
  error?: string | undefined;
}

export function IdPicker({ label, items, selected, onChange, anyLabel, someLabel, error }: IdPickerProps) {
  const some = selected !== null;
  const known = new Set(items.map((i) => i.id));
  // Ids a rule keeps for things no longer on the site stay listed, so they can be removed.
  const gone = (selected ?? []).filter((id) => !known.has(id)).map((id) => ({ id, name: `${id} (not on the site)` }));
  const toggle = (id: string, on: boolean) => {
    const cur = selected ?? [];
    onChange(on ? [...cur, id] : cur.filter((x) => x !== id));
  };
  return (
    <div className="picker" role="group" aria-label={label}>
      {anyLabel && someLabel ? (
        <div className="rule-inline">
          <label className="checkbox"><input type="radio" name={label} checked={!some} onChange={() => onChange(null)} /> {anyLabel}</label>
          <label className="checkbox"><input type="radio" name={label} checked={some} onChange={() => onChange([])} /> {someLabel}</label>
        </div>
      ) : null}
      {some ? (
        <div className="picker-list">
          {[...items, ...gone].map((i) => (
            <label key={i.id} className="checkbox">
              <input type="checkbox" checked={selected.includes(i.id)} onChange={(e) => toggle(i.id, e.target.checked)} /> {i.name}
            </label>
          ))}
          {items.length === 0 && gone.length === 0 ? <span className="muted">None on the site.</span> : null}
        </div>
      ) : null}
      {error ? <em className="field-error" role="alert">{error}</em> : null}
    </div>
  );
}
