/**
 * Any grid up to 8×8: hover the cells to size it, click to apply (as table pickers in office
 * software do), or type columns and rows. Merged cells are the presets' business.
 */
import { useState } from 'react';
import { MAX_CUSTOM_GRID } from '@nightjar/ui';

export interface CustomGridPickerProps {
  columns: number;
  rows: number;
  onPick: (columns: number, rows: number) => void;
}

const range = Array.from({ length: MAX_CUSTOM_GRID }, (_, i) => i + 1);

export function CustomGridPicker({ columns, rows, onPick }: CustomGridPickerProps) {
  const [hover, setHover] = useState<{ c: number; r: number } | null>(null);
  const [typed, setTyped] = useState({ c: columns, r: rows });
  const shown = hover ?? typed;
  return (
    <div className="grid-picker">
      <div className="grid-picker-head">Custom grid <span className="grid-picker-size">{shown.c} × {shown.r}</span></div>
      <div className="grid-picker-cells" onPointerLeave={() => setHover(null)} role="grid" aria-label="Grid size">
        {range.map((r) => (
          <div key={r} className="grid-picker-row" role="row">
            {range.map((c) => (
              <button
                key={c}
                type="button"
                role="gridcell"
                className="grid-picker-cell"
                data-on={c <= shown.c && r <= shown.r}
                aria-label={`${c} × ${r}`}
                onPointerEnter={() => setHover({ c, r })}
                onClick={() => onPick(c, r)}
              />
            ))}
          </div>
        ))}
      </div>
      <div className="grid-picker-foot">
        <label>
          <span className="sr-only">Columns</span>
          <select className="input input-sm" value={typed.c} onChange={(e) => setTyped({ ...typed, c: Number(e.target.value) })} aria-label="Columns">
            {range.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        <span className="muted">×</span>
        <label>
          <span className="sr-only">Rows</span>
          <select className="input input-sm" value={typed.r} onChange={(e) => setTyped({ ...typed, r: Number(e.target.value) })} aria-label="Rows">
            {range.map((n) => <option key={n} value={n}>{n}</option>)}
          </select>
        </label>
        <span className="grid-picker-spacer" />
        <button type="button" className="btn btn-sm btn-primary" onClick={() => onPick(typed.c, typed.r)}>Apply</button>
      </div>
    </div>
  );
}
