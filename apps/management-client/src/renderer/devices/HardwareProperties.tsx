/** The selected hardware: Info (with Update and Delete), Settings (name, address, credentials), Cameras, other Devices. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { ErrorNote, Icon, devicesQuery, queryKeys } from '@nightjar/ui';
import type { HardwareListItemBody, UpdateHardwareResult } from '@nightjar/vms-core';
import { PropertyTabs } from '../components/PropertyTabs';
import { useRoute } from '../navigation/route';
import { useAdmin } from '../session/adminContext';
import { DeleteHardwareDialog } from './DeleteHardwareDialog';
import { HardwareCamerasTab } from './HardwareCamerasTab';
import { HardwareChangesDialog } from './HardwareChangesDialog';
import { HardwareDevicesTab } from './HardwareDevicesTab';
import { HardwareSettingsTab } from './HardwareSettingsTab';
import { updateHardware } from './devicesApi';
import { devicesSummary } from './deviceKinds';
import { changesSummary } from './hardwareChangesText';
import { driverLabel } from './manualHardware';

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children ?? <span className="muted">—</span>}</dd>
    </>
  );
}

export function HardwareProperties({ hardware, tab }: { hardware: HardwareListItemBody; tab: string | null }) {
  const { client, notify } = useAdmin();
  const queryClient = useQueryClient();
  const [, navigate] = useRoute();
  const [report, setReport] = useState<UpdateHardwareResult | null>(null);
  const [deleting, setDeleting] = useState(false);
  const devices = useQuery(devicesQuery(client, { hardwareId: hardware.id }));
  const refresh = useMutation({
    mutationFn: () => updateHardware(client, hardware.id, { refresh: true }),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.configuration('hardware') });
      void queryClient.invalidateQueries({ queryKey: queryKeys.cameras(), exact: true });
      void queryClient.invalidateQueries({ queryKey: queryKeys.configuration('devices') });
      notify(`${result.hardware.name}: ${changesSummary(result.changes)}`, 'success');
      setReport(result);
    },
  });
  const info = (
    <div className="device-form">
      <dl className="info-list">
        <Row label="Name">{hardware.name}</Row>
        <Row label="Driver">{driverLabel(hardware.driver)}</Row>
        <Row label="Address"><span className="mono">{hardware.address}</span></Row>
        <Row label="Manufacturer">{hardware.manufacturer}</Row>
        <Row label="Model">{hardware.model}</Row>
        <Row label="Firmware">{hardware.firmware}</Row>
        <Row label="Serial number">{hardware.serial}</Row>
        <Row label="User name">{hardware.username}</Row>
        <Row label="Cameras">{`${hardware.cameras.length} (${hardware.cameras.filter((c) => c.enabled).length} enabled)`}</Row>
        <Row label="Other devices">{devices.data ? devicesSummary(devices.data) || 'none' : null}</Row>
        <Row label="Hardware id"><span className="mono">{hardware.id}</span></Row>
      </dl>
      <div className="form-actions">
        <button type="button" className="btn" disabled={refresh.isPending} onClick={() => refresh.mutate()}>
          <Icon name="refresh" size={13} />{refresh.isPending ? 'Asking the device…' : 'Update hardware'}
        </button>
        <span className="muted">Asks the device again for its model, firmware, cameras, streams, inputs, outputs and audio, and shows what changed.</span>
      </div>
      <ErrorNote error={refresh.error} />
      <div className="danger-zone">
        <button type="button" className="btn btn-danger" onClick={() => setDeleting(true)}><Icon name="trash" size={13} />Delete hardware…</button>
      </div>
    </div>
  );
  return (
    <>
      <div className="properties-head">
        <Icon name="plug" size={16} />
        <h2>{hardware.name}</h2>
        <span className="muted">{driverLabel(hardware.driver)} · {hardware.address}</span>
      </div>
      <PropertyTabs label={`Properties of ${hardware.name}`} active={tab} onChange={(t) => navigate({ tab: t }, { replace: true })} tabs={[
        { id: 'info', label: 'Info', render: () => info },
        { id: 'settings', label: 'Settings', render: () => <HardwareSettingsTab hardware={hardware} onReport={setReport} /> },
        { id: 'cameras', label: `Cameras (${hardware.cameras.length})`, render: () => <HardwareCamerasTab hardware={hardware} /> },
        { id: 'devices', label: devices.data ? `Devices (${devices.data.length})` : 'Devices', render: () => <HardwareDevicesTab hardware={hardware} /> },
      ]} />
      {report ? <HardwareChangesDialog result={report} onClose={() => setReport(null)} /> : null}
      {deleting ? (
        <DeleteHardwareDialog hardware={hardware} onClose={(deleted) => {
          setDeleting(false);
          if (deleted) navigate({ itemId: null, tab: null });
        }} />
      ) : null}
    </>
  );
}
