/** PTZ presets: the positions stored on the camera, and turning it to one (audited by the site). */
import { useMutation, useQuery } from '@tanstack/react-query';
import { ErrorNote, Icon, ptzPresetsQuery } from '@nightjar/ui';
import type { CameraBody } from '@nightjar/vms-core';
import { PaneMessage } from '../components/PageLayout';
import { useAdmin } from '../session/adminContext';

export function CameraPtzTab({ camera }: { camera: CameraBody }) {
  const { client, notify } = useAdmin();
  const presets = useQuery(ptzPresetsQuery(client, camera.id));
  const go = useMutation({
    mutationFn: (preset: { token: string; name: string }) => client.gotoPtzPreset(camera.id, preset.token),
    onSuccess: (_, preset) => notify(`${camera.name}: turning to “${preset.name}”.`, 'success'),
  });
  const axes = [camera.ptz.panTilt ? 'pan and tilt' : null, camera.ptz.zoom ? 'zoom' : null].filter(Boolean).join(', ');
  return (
    <div className="device-form">
      <p className="muted">
        This camera can {axes || 'be steered'}. Presets are stored on the camera itself; rules and operators turn it to them. Steer it live
        in the Smart Client.
      </p>
      <div className="region-toolbar">
        <h3>Presets</h3>
        <span className="toolbar-spacer" />
        <button type="button" className="btn btn-sm" onClick={() => void presets.refetch()} disabled={presets.isFetching}><Icon name="refresh" size={12} />Reload</button>
      </div>
      {presets.isPending ? <PaneMessage kind="loading">Asking the camera for its presets…</PaneMessage>
        : presets.isError ? <PaneMessage kind="error">{presets.error.message}</PaneMessage>
          : presets.data.length === 0 ? <PaneMessage>The camera has no presets.</PaneMessage>
            : (
              <table className="data-table" aria-label="PTZ presets">
                <thead><tr><th>Preset</th><th>Token</th><th /></tr></thead>
                <tbody>
                  {presets.data.map((p) => (
                    <tr key={p.token}>
                      <td>{p.name || <span className="muted">(no name)</span>}</td>
                      <td className="mono muted">{p.token}</td>
                      <td className="num">
                        <button type="button" className="btn btn-sm" aria-label={`Go to preset ${p.name || p.token}`} disabled={go.isPending} onClick={() => go.mutate(p)}>
                          Go to
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
      <ErrorNote error={go.error} />
    </div>
  );
}
