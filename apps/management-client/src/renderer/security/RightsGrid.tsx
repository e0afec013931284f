/**
 * The device rights grid: a row per camera (and "All cameras") and time profile, a column per
 * right. A column header toggles the right on every shown row, a row's "All" every right of
 * the row; a camera gets more rows to hold rights under other time profiles. Rights a camera
 * has through "All cameras" show as a dim tick. Rendering only: the rows are the tab's state.
 */
import type { CameraRight } from '@nightjar/vms-core';
import { Icon } from '@nightjar/ui';
import { ALL_RIGHTS, RIGHT_GROUPS, inheritedRights, rightFullLabel, rightLabel } from './rightsMatrix';
import type { RightsRow } from './rightsMatrix';

export interface RightsGridProps {
  rows: readonly RightsRow[];
  /** All rows, for what "All cameras" gives (the shown rows may be filtered). */
  allRows: readonly RightsRow[];
  cameraName: (id: string) => string | undefined;
  profiles: readonly { id: string; name: string }[];
  onToggle: (key: string, right: CameraRight) => void;
  onToggleRow: (key: string) => void;
  onToggleColumn: (right: CameraRight) => void;
  onProfile: (key: string, timeProfileId: string | null) => void;
  onAddRow: (cameraId: string | null) => void;
  onRemoveRow: (key: string) => void;
}

const INLINE = '__inline__';

export function RightsGrid({ rows, allRows, cameraName, profiles, onToggle, onToggleRow, onToggleColumn, onProfile, onAddRow, onRemoveRow }: RightsGridProps) {
  const inherited = inheritedRights(allRows);
  const rowName = (r: RightsRow) => (r.cameraId === null ? 'All cameras' : cameraName(r.cameraId) ?? `Camera ${r.cameraId} (not in your camera list)`);
  const rowsOf = (cameraId: string | null) => allRows.filter((r) => r.cameraId === cameraId).length;

  return (
    <div className="rights-scroll">
      <table className="rights-grid" aria-label="Device rights">
        <thead>
          <tr>
            <th rowSpan={2} className="rights-camera">Camera</th>
            <th rowSpan={2} className="rights-profile">Time profile</th>
            <th rowSpan={2}><span className="sr-only">Row actions</span></th>
            {RIGHT_GROUPS.map((g) => <th key={g.label} colSpan={g.rights.length} className="rights-group">{g.label}</th>)}
          </tr>
          <tr>
            {ALL_RIGHTS.map((right) => (
              <th key={right} className="rights-right">
                <button type="button" className="rights-col-btn" title={`${rightFullLabel(right)}: on or off for every row shown`}
                  aria-label={`${rightFullLabel(right)} for every row shown`} onClick={() => onToggleColumn(right)}>
                  {rightLabel(right)}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const name = rowName(r);
            const extra = rowsOf(r.cameraId) > 1;
            const profileName = r.timeProfileId ? profiles.find((p) => p.id === r.timeProfileId)?.name ?? r.timeProfileId : r.inlineProfile ? 'custom schedule' : 'always';
            const label = `${name}${extra ? ` (${profileName})` : ''}`;
            return (
              <tr key={r.key} data-all={r.cameraId === null ? 'true' : undefined} data-empty={r.rights.length === 0 ? 'true' : undefined}>
                <th scope="row" className="rights-camera">{name}</th>
                <td className="rights-profile">
                  <select className="input" aria-label={`Time profile of ${label}`} value={r.timeProfileId ?? (r.inlineProfile ? INLINE : '')}
                    onChange={(e) => onProfile(r.key, e.target.value === '' ? null : e.target.value)}>
                    <option value="">Always</option>
                    {r.inlineProfile && r.timeProfileId === null ? <option value={INLINE} disabled>Custom schedule (set through the API)</option> : null}
                    {profiles.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
                  </select>
                </td>
                <td className="rights-row-actions">
                  <button type="button" className="btn btn-sm" aria-label={`Every right on ${label}`} title="Every right on or off" onClick={() => onToggleRow(r.key)}>All</button>
                  <button type="button" className="icon-btn" aria-label={`Add a row for ${name} with another time profile`} title="Rights under another time profile"
                    onClick={() => onAddRow(r.cameraId)}><Icon name="plus" size={13} /></button>
                  {extra ? (
                    <button type="button" className="icon-btn" aria-label={`Remove row ${label}`} title="Remove this row" onClick={() => onRemoveRow(r.key)}>
                      <Icon name="close" size={13} />
                    </button>
                  ) : null}
                </td>
                {ALL_RIGHTS.map((right) => {
                  const on = r.rights.includes(right);
                  const viaAll = !on && r.cameraId !== null && inherited.has(right);
                  return (
                    <td key={right} className="rights-cell" data-inherited={viaAll ? 'true' : undefined} title={viaAll ? 'Given through All cameras' : undefined}>
                      <input type="checkbox" checked={on} aria-label={`${rightFullLabel(right)} on ${label}`} onChange={() => onToggle(r.key, right)} />
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
