/**
 * The hardware's devices other than cameras (microphones, speakers, metadata, inputs, outputs),
 * in the tree's order, each a link to its properties on its kind's page.
 */
import { useQuery } from '@tanstack/react-query';
import { Icon, devicesQuery } from '@nightjar/ui';
import type { HardwareListItemBody } from '@nightjar/vms-core';
import { PaneMessage } from '../components/PageLayout';
import { useRoute } from '../navigation/route';
import { useAdmin } from '../session/adminContext';
import { Pill } from './CameraStatePills';
import { DEVICE_KIND_INFO, DEVICE_KIND_ORDER, enabledPill, outputStatePill } from './deviceKinds';

export function HardwareDevicesTab({ hardware }: { hardware: HardwareListItemBody }) {
  const { client } = useAdmin();
  const [, navigate] = useRoute();
  const devices = useQuery(devicesQuery(client, { hardwareId: hardware.id }));
  if (devices.isPending) return <PaneMessage kind="loading">Loading devices…</PaneMessage>;
  if (devices.isError) return <PaneMessage kind="error">{devices.error.message}</PaneMessage>;
  if (devices.data.length === 0) {
    return <PaneMessage>This hardware reports no microphones, speakers, metadata, inputs or outputs. Update it to ask the device again.</PaneMessage>;
  }
  const rows = [...devices.data].sort((a, b) => DEVICE_KIND_ORDER.indexOf(a.kind) - DEVICE_KIND_ORDER.indexOf(b.kind));
  return (
    <table className="data-table" aria-label={`Devices of ${hardware.name}`}>
      <thead><tr><th>Device</th><th>Kind</th><th>Token</th><th>State</th></tr></thead>
      <tbody>
        {rows.map((d) => {
          const info = DEVICE_KIND_INFO[d.kind];
          return (
            <tr key={d.id}>
              <td>
                <button type="button" className="link-btn" onClick={() => navigate({ node: info.node, itemId: d.id, tab: null })}>
                  <Icon name={d.enabled ? info.icon : 'disabled'} size={13} />{d.name}
                </button>
              </td>
              <td>{info.label}</td>
              <td className="mono">{d.deviceKey}</td>
              <td><span className="device-pills"><Pill pill={enabledPill(d)} />{d.enabled && outputStatePill(d) ? <Pill pill={outputStatePill(d)!} /> : null}</span></td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
