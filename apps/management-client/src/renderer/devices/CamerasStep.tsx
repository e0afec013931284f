/** The wizard's Cameras step: which of the new cameras to enable, and what to call them. */
import { fieldError } from '../components/FormField';
import type { CameraChoice } from './addedCameras';
import type { AddHardwareResult } from './devicesApi';

export interface CamerasStepProps {
  results: readonly AddHardwareResult[];
  choices: Record<string, CameraChoice>;
  onChange: (cameraId: string, choice: CameraChoice) => void;
  problems: Record<string, string>;
  /** What the site said when a camera could not be saved, by camera id. */
  errors: Record<string, unknown>;
}

export function CamerasStep({ results, choices, onChange, problems, errors }: CamerasStepProps) {
  return (
    <div className="device-form">
      <p className="muted">The cameras below were added and have started with their default settings. Name them and disable those you do not need.</p>
      <table className="data-table" aria-label="New cameras">
        <thead><tr><th>Enabled</th><th>Name</th><th>Hardware</th><th>Channel</th><th>Streams</th></tr></thead>
        <tbody>
          {results.flatMap((r) => r.cameras.map((c) => {
            const choice = choices[c.id] ?? { name: c.name, enabled: c.enabled };
            const error = problems[c.id] ?? fieldError(errors[c.id], 'name') ?? (errors[c.id] instanceof Error ? (errors[c.id] as Error).message : undefined);
            return (
              <tr key={c.id}>
                <td><input type="checkbox" aria-label={`Enable ${choice.name || c.name}`} checked={choice.enabled} onChange={(e) => onChange(c.id, { ...choice, enabled: e.target.checked })} /></td>
                <td className="cell-field">
                  <input className="input" aria-label={`Name of camera ${c.deviceKey} of ${r.hardware.name}`} value={choice.name} maxLength={200}
                    aria-invalid={error ? true : undefined} onChange={(e) => onChange(c.id, { ...choice, name: e.target.value })} />
                  {error ? <em className="field-error" role="alert">{error}</em> : null}
                </td>
                <td>{r.hardware.name}</td>
                <td className="muted">{c.deviceKey}</td>
                <td className="muted">{c.streams.map((s) => (s.width && s.height ? `${s.width}×${s.height}` : s.name)).join(' · ')}</td>
              </tr>
            );
          }))}
        </tbody>
      </table>
    </div>
  );
}
