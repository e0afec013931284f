/**
 * A checklist of cameras for export, evidence locks and search: the site's list (only cameras
 * the user may see), a filter for long lists, and all / none / the view's cameras in one click.
 */
import { useState } from 'react';
import type { CameraBody } from '@nightjar/ui';

export interface CameraPickerProps {
  cameras: readonly CameraBody[];
  selected: readonly string[];
  onChange: (cameraIds: string[]) => void;
  /** The cameras of the current view, offered as a one-click choice. */
  viewCameraIds?: readonly string[];
  invalid?: boolean;
  maxHeight?: number;
}

export function CameraPicker({ cameras, selected, onChange, viewCameraIds, invalid, maxHeight = 168 }: CameraPickerProps) {
  const [filter, setFilter] = useState('');
  const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const shown = cameras.filter((c) => words.every((w) => c.name.toLowerCase().includes(w) || c.id.toLowerCase().includes(w)));
  const chosen = new Set(selected);
  const toggle = (id: string) => onChange(cameras.map((c) => c.id).filter((c) => (c === id ? !chosen.has(c) : chosen.has(c))));
  return (
    <div className="inv-cameras" aria-invalid={invalid}>
      <div className="inv-cameras-bar">
        <input className="input inv-cameras-filter" placeholder="Filter cameras" value={filter} onChange={(e) => setFilter(e.target.value)} aria-label="Filter cameras" />
        <button type="button" className="btn btn-sm" onClick={() => onChange(cameras.map((c) => c.id))}>All</button>
        {viewCameraIds && viewCameraIds.length > 0
          ? <button type="button" className="btn btn-sm" onClick={() => onChange([...viewCameraIds])}>View</button>
          : null}
        <button type="button" className="btn btn-sm" onClick={() => onChange([])}>None</button>
        <span className="inv-count">{selected.length} of {cameras.length}</span>
      </div>
      <ul className="inv-camera-list" style={{ maxHeight }}>
        {shown.map((c) => (
          <li key={c.id}>
            <label className="checkbox">
              <input type="checkbox" checked={chosen.has(c.id)} onChange={() => toggle(c.id)} />
              <span className="inv-camera-name">{c.name}</span>
              {!c.enabled ? <span className="inv-tag">disabled</span> : null}
            </label>
          </li>
        ))}
        {shown.length === 0 ? <li className="muted inv-none">{cameras.length === 0 ? 'No cameras.' : 'No camera matches.'}</li> : null}
      </ul>
    </div>
  );
}
