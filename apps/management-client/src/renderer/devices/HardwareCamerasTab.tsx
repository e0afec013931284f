/** The hardware's cameras, each a link to its properties on the Cameras page. */
import { Icon } from '@nightjar/ui';
import type { HardwareListItemBody } from '@nightjar/vms-core';
import { PaneMessage } from '../components/PageLayout';
import { useRoute } from '../navigation/route';
import { CameraStatePills } from './CameraStatePills';

export function HardwareCamerasTab({ hardware }: { hardware: HardwareListItemBody }) {
  const [, navigate] = useRoute();
  if (hardware.cameras.length === 0) return <PaneMessage>This hardware has no cameras. Update it to ask the device again.</PaneMessage>;
  return (
    <table className="data-table" aria-label={`Cameras of ${hardware.name}`}>
      <thead><tr><th>Camera</th><th>Channel</th><th>State</th><th>Recording</th></tr></thead>
      <tbody>
        {hardware.cameras.map((c) => (
          <tr key={c.id}>
            <td>
              <button type="button" className="link-btn" onClick={() => navigate({ node: 'cameras', itemId: c.id, tab: null })}>
                <Icon name={c.enabled ? 'camera' : 'disabled'} size={13} />{c.name}
              </button>
            </td>
            <td className="muted">{c.deviceKey}</td>
            <td><CameraStatePills camera={c} show="connection" /></td>
            <td><CameraStatePills camera={c} show="recording" /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
