/**
 * The camera overview: one table, a header row per group (collapsible), a row per camera.
 * Arrow keys move the selection over the visible cameras, across groups.
 */
import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { Icon } from '@nightjar/ui';
import type { CameraBody } from '@nightjar/vms-core';
import { CameraStatePills } from './CameraStatePills';
import type { CameraGroup, HardwareLabel } from './cameraGroups';
import { groupLabel, streamSummary } from './cameraGroups';
import { RECORDING_MODES } from './cameraForms';

export interface CameraTableProps {
  groups: readonly CameraGroup[];
  hardware: ReadonlyMap<string, HardwareLabel>;
  selected: string | null;
  onSelect: (cameraId: string) => void;
}

const modeLabel = (c: CameraBody) => RECORDING_MODES.find((m) => m.mode === c.policy.mode)?.label ?? c.policy.mode;

export function CameraTable({ groups, hardware, selected, onSelect }: CameraTableProps) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const visible = groups.flatMap((g) => (collapsed.has(g.path) ? [] : g.cameras));
  const toggle = (path: string) => setCollapsed((s) => {
    const next = new Set(s);
    if (next.has(path)) next.delete(path);
    else next.add(path);
    return next;
  });
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.key !== 'ArrowDown' && e.key !== 'ArrowUp') || visible.length === 0 || e.target !== e.currentTarget) return;
    e.preventDefault();
    const i = visible.findIndex((c) => c.id === selected);
    const next = e.key === 'ArrowDown' ? Math.min(visible.length - 1, i + 1) : Math.max(0, i < 0 ? 0 : i - 1);
    onSelect(visible[next]!.id);
  };
  return (
    <table className="data-table camera-table" aria-label="Cameras" tabIndex={0} onKeyDown={onKeyDown}>
      <thead>
        <tr><th>Name</th><th>State</th><th>Mode</th><th>Hardware</th><th>Streams</th></tr>
      </thead>
      {groups.map((g) => (
        <tbody key={g.path}>
          <tr className="group-row">
            <th colSpan={5} scope="rowgroup">
              <button type="button" className="group-toggle" aria-expanded={!collapsed.has(g.path)} onClick={() => toggle(g.path)}>
                <Icon name={collapsed.has(g.path) ? 'chevronRight' : 'chevronDown'} size={12} />
                <Icon name="folder" size={13} />
                {groupLabel(g.path)} <span className="muted">({g.cameras.length})</span>
              </button>
            </th>
          </tr>
          {collapsed.has(g.path) ? null : g.cameras.map((c) => {
            const hw = hardware.get(c.hardwareId);
            return (
              <tr key={c.id} aria-selected={selected === c.id} data-selectable="true" data-enabled={c.enabled} onClick={() => onSelect(c.id)}>
                <td><span className="camera-name-cell"><Icon name={c.enabled ? 'camera' : 'disabled'} size={13} />{c.name}</span></td>
                <td><CameraStatePills camera={c} show="compact" /></td>
                <td>{modeLabel(c)}</td>
                <td title={hw ? `${hw.name} — ${hw.address}` : c.hardwareId}>{hw ? hw.name : '…'}{hw ? <span className="muted device-address"> · {hw.address}</span> : null}</td>
                <td className="muted" title={streamSummary(c)}>{c.streams.length} · {streamSummary(c)}</td>
              </tr>
            );
          })}
        </tbody>
      ))}
    </table>
  );
}
