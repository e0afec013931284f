/** The selected camera: its name and state, then Info, Settings, Streams, Record, Motion and PTZ tabs. */
import { useRef } from 'react';
import { Icon } from '@nightjar/ui';
import type { CameraBody, HardwareListItemBody } from '@nightjar/vms-core';
import { PropertyTabs } from '../components/PropertyTabs';
import type { PropertyTab } from '../components/PropertyTabs';
import { useRoute } from '../navigation/route';
import { CameraInfoTab } from './CameraInfoTab';
import { CameraMotionTab } from './CameraMotionTab';
import { CameraPtzTab } from './CameraPtzTab';
import { CameraRecordTab } from './CameraRecordTab';
import { CameraSettingsTab } from './CameraSettingsTab';
import { CameraStatePills } from './CameraStatePills';
import { CameraStreamsTab } from './CameraStreamsTab';
import type { TabDrafts } from './useCameraTab';

export interface CameraPropertiesProps {
  camera: CameraBody;
  hardware: HardwareListItemBody | undefined;
  tab: string | null;
}

export function CameraProperties({ camera, hardware, tab }: CameraPropertiesProps) {
  const [, navigate] = useRoute();
  const drafts = useRef<TabDrafts>(new Map()).current;
  const tabs: PropertyTab[] = [
    { id: 'info', label: 'Info', render: () => <CameraInfoTab camera={camera} hardware={hardware} /> },
    { id: 'settings', label: 'Settings', render: () => <CameraSettingsTab camera={camera} drafts={drafts} /> },
    { id: 'streams', label: 'Streams', render: () => <CameraStreamsTab camera={camera} drafts={drafts} /> },
    { id: 'record', label: 'Record', render: () => <CameraRecordTab camera={camera} drafts={drafts} /> },
    { id: 'motion', label: 'Motion', render: () => <CameraMotionTab camera={camera} drafts={drafts} /> },
    ...(camera.ptz.supported ? [{ id: 'ptz', label: 'PTZ presets', render: () => <CameraPtzTab camera={camera} /> }] : []),
  ];
  return (
    <>
      <div className="properties-head">
        <Icon name={camera.enabled ? 'camera' : 'disabled'} size={16} />
        <h2>{camera.name}</h2>
        <CameraStatePills camera={camera} />
      </div>
      <PropertyTabs label={`Properties of ${camera.name}`} tabs={tabs} active={tab} onChange={(t) => navigate({ tab: t }, { replace: true })} />
    </>
  );
}
