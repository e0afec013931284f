/** The camera overview: the cameras in their groups (GroupedTable), with state, recording mode and hardware. */
import { useMemo } from 'react';
import { Icon } from '@nightjar/ui';
import type { CameraBody } from '@nightjar/vms-core';
import { GroupedTable } from '../components/GroupedTable';
import { CameraStatePills } from './CameraStatePills';
import type { CameraGroup, HardwareLabel } from './cameraGroups';
import { groupLabel } from './cameraGroups';
import { RECORDING_MODES } from './cameraForms';
import { HardwareCell } from './HardwareCell';

export interface CameraTableProps {
  groups: readonly CameraGroup[];
  hardware: ReadonlyMap<string, HardwareLabel>;
  selected: string | null;
  onSelect: (cameraId: string) => void;
}

const COLUMNS = ['Name', 'State', 'Mode', 'Hardware'] as const;
const modeLabel = (c: CameraBody) => RECORDING_MODES.find((m) => m.mode === c.policy.mode)?.label ?? c.policy.mode;

export function CameraTable({ groups, hardware, selected, onSelect }: CameraTableProps) {
  const rows = useMemo(() => groups.map((g) => ({ path: g.path, rows: g.cameras })), [groups]);
  return (
    <GroupedTable label="Cameras" columns={COLUMNS} groups={rows} groupLabel={groupLabel} selected={selected} onSelect={onSelect}
      cells={(c: CameraBody) => (
        <>
          <td><span className="camera-name-cell"><Icon name={c.enabled ? 'camera' : 'disabled'} size={13} />{c.name}</span></td>
          <td><CameraStatePills camera={c} show="compact" /></td>
          <td>{modeLabel(c)}</td>
          <HardwareCell hardwareId={c.hardwareId} hardware={hardware} />
        </>
      )} />
  );
}
