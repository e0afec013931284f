/** A device page's overview, as the camera overview is: the devices of one kind in their groups (GroupedTable). */
import { useMemo } from 'react';
import { Icon } from '@nightjar/ui';
import type { DeviceBody, DeviceKind } from '@nightjar/vms-core';
import { GroupedTable } from '../components/GroupedTable';
import { Pill } from './CameraStatePills';
import type { HardwareLabel } from './cameraGroups';
import { groupLabel } from './cameraGroups';
import type { DeviceGroup } from './deviceGroups';
import { DEVICE_KIND_INFO, enabledPill, outputStatePill } from './deviceKinds';
import { HardwareCell } from './HardwareCell';

export interface DeviceTableProps {
  kind: DeviceKind;
  groups: readonly DeviceGroup[];
  hardware: ReadonlyMap<string, HardwareLabel>;
  selected: string | null;
  onSelect: (deviceId: string) => void;
}

const COLUMNS = ['Name', 'State', 'Token', 'Hardware'] as const;

export function DeviceTable({ kind, groups, hardware, selected, onSelect }: DeviceTableProps) {
  const info = DEVICE_KIND_INFO[kind];
  const rows = useMemo(() => groups.map((g) => ({ path: g.path, rows: g.devices })), [groups]);
  return (
    <GroupedTable label={info.plural} columns={COLUMNS} groups={rows} groupLabel={groupLabel} selected={selected} onSelect={onSelect}
      cells={(d: DeviceBody) => (
        <>
          <td><span className="camera-name-cell"><Icon name={d.enabled ? info.icon : 'disabled'} size={13} />{d.name}</span></td>
          <td><Pill pill={d.enabled ? (outputStatePill(d) ?? enabledPill(d)) : enabledPill(d)} /></td>
          <td className="mono" title={d.reportedName}>{d.deviceKey}</td>
          <HardwareCell hardwareId={d.hardwareId} hardware={hardware} />
        </>
      )} />
  );
}
