/**
 * The outputs of the tile's hardware over the tile, as an operator's I/O overlay: each output
 * with the state the site last set and On / Off buttons. An output with a pulse says so ("on"
 * lasts that long). The outcome of the last command shows below the list.
 */
import { Icon } from '@nightjar/ui';
import type { CameraBody, DeviceBody } from '@nightjar/ui';
import { shortNames } from './tileOutputs';
import { useOutputSwitch } from './useTileOutputs';
import './outputs.css';

export interface OutputsPanelProps {
  camera: CameraBody;
  outputs: readonly DeviceBody[];
  loading: boolean;
  onClose: () => void;
}

const stateText = (d: DeviceBody) => (d.state === 'on' ? 'On' : d.state === 'off' ? 'Off' : '—');

export function OutputsPanel({ camera, outputs, loading, onClose }: OutputsPanelProps) {
  const s = useOutputSwitch();
  const names = shortNames(outputs);
  return (
    <div className="outputs-panel" role="group" aria-label={`Outputs of ${camera.name}`}
      onPointerDown={(e) => e.stopPropagation()} onDoubleClick={(e) => e.stopPropagation()}>
      <div className="ptz-head">
        <span>OUTPUTS</span>
        <button type="button" className="icon-btn" onClick={onClose} aria-label="Close outputs"><Icon name="close" size={11} /></button>
      </div>
      {loading ? <span className="muted">Loading…</span> : null}
      {!loading && outputs.length === 0 ? <span className="muted">No outputs</span> : null}
      <ul className="output-list">
        {outputs.map((d) => (
          <li key={d.id} data-state={d.state ?? 'unknown'}>
            <span className="output-name" title={d.settings.pulseSeconds !== undefined ? `${d.name}: "on" lasts ${d.settings.pulseSeconds} s` : d.name}>
              {names.get(d.id) ?? d.name}
            </span>
            <span className="output-state" title={d.state ? 'As this site last set it' : 'Not switched since the site started'}>{stateText(d)}</span>
            <span className="output-buttons">
              <button type="button" className="output-btn" aria-label={`Activate ${d.name}`} aria-pressed={d.state === 'on'} disabled={s.busyId === d.id}
                onClick={() => s.switchTo(d, 'on')}>{d.settings.pulseSeconds !== undefined ? 'Pulse' : 'On'}</button>
              <button type="button" className="output-btn" aria-label={`Deactivate ${d.name}`} aria-pressed={d.state === 'off'} disabled={s.busyId === d.id}
                onClick={() => s.switchTo(d, 'off')}>Off</button>
            </span>
          </li>
        ))}
      </ul>
      {s.line ? <div className={s.line.kind === 'error' ? 'ptz-problem' : 'output-done'} role={s.line.kind === 'error' ? 'alert' : 'status'}>{s.line.text}</div> : null}
    </div>
  );
}
