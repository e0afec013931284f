/** The selected device: its name and state, an output's switch, then the Info and Settings tabs. */
import { useRef } from 'react';
import { Icon } from '@nightjar/ui';
import type { DeviceBody, HardwareListItemBody } from '@nightjar/vms-core';
import { PropertyTabs } from '../components/PropertyTabs';
import { useRoute } from '../navigation/route';
import { Pill } from './CameraStatePills';
import { DeviceInfoTab } from './DeviceInfoTab';
import { DeviceSettingsTab } from './DeviceSettingsTab';
import { OutputControls } from './OutputControls';
import { DEVICE_KIND_INFO, enabledPill } from './deviceKinds';
import type { TabDrafts } from './useCameraTab';

export interface DevicePropertiesProps {
  device: DeviceBody;
  hardware: HardwareListItemBody | undefined;
  groups: readonly string[];
  tab: string | null;
}

export function DeviceProperties({ device, hardware, groups, tab }: DevicePropertiesProps) {
  const [, navigate] = useRoute();
  const drafts = useRef<TabDrafts>(new Map()).current;
  const kind = DEVICE_KIND_INFO[device.kind];
  return (
    <>
      <div className="properties-head">
        <Icon name={device.enabled ? kind.icon : 'disabled'} size={16} />
        <h2>{device.name}</h2>
        <Pill pill={enabledPill(device)} />
        <span className="muted">{kind.label}{hardware ? ` · ${hardware.name}` : ''}</span>
      </div>
      {device.kind === 'output' ? <OutputControls output={device} /> : null}
      <PropertyTabs label={`Properties of ${device.name}`} active={tab} onChange={(t) => navigate({ tab: t }, { replace: true })} tabs={[
        { id: 'info', label: 'Info', render: () => <DeviceInfoTab device={device} hardware={hardware} groups={groups} drafts={drafts} /> },
        { id: 'settings', label: 'Settings', render: () => <DeviceSettingsTab device={device} drafts={drafts} /> },
      ]} />
    </>
  );
}
