/**
 * A device page's overview, as the camera overview is: one table, a collapsible header row per
 * group, a row per device; arrow keys move the selection across groups; only the rows the pane
 * shows are rendered (useRowWindow), so a site with thousands of inputs opens at once.
 */
import { useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { Icon } from '@nightjar/ui';
import type { DeviceBody, DeviceKind } from '@nightjar/vms-core';
import { useRowWindow } from '../components/useRowWindow';
import { Pill } from './CameraStatePills';
import type { HardwareLabel } from './cameraGroups';
import { groupLabel } from './cameraGroups';
import type { DeviceGroup } from './deviceGroups';
import { DEVICE_KIND_INFO, enabledPill, outputStatePill } from './deviceKinds';

export interface DeviceTableProps {
  kind: DeviceKind;
  groups: readonly DeviceGroup[];
  hardware: ReadonlyMap<string, HardwareLabel>;
  selected: string | null;
  onSelect: (deviceId: string) => void;
}

/** Fixed row height (the CSS sets the same for .camera-table), so the window's arithmetic holds. */
const ROW_PX = 27;

type Item = { kind: 'group'; group: DeviceGroup } | { kind: 'device'; device: DeviceBody };

export function DeviceTable({ kind, groups, hardware, selected, onSelect }: DeviceTableProps) {
  const info = DEVICE_KIND_INFO[kind];
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const items = useMemo<Item[]>(() => groups.flatMap((g) => [
    { kind: 'group' as const, group: g },
    ...(collapsed.has(g.path) ? [] : g.devices.map((device) => ({ kind: 'device' as const, device }))),
  ]), [groups, collapsed]);
  const visible = useMemo(() => items.flatMap((i) => (i.kind === 'device' ? [i.device] : [])), [items]);
  const table = useRef<HTMLTableElement>(null);
  const win = useRowWindow(table, items.length, ROW_PX);
  const toggle = (path: string) => setCollapsed((s) => {
    const next = new Set(s);
    if (next.has(path)) next.delete(path);
    else next.add(path);
    return next;
  });
  const onKeyDown = (e: KeyboardEvent) => {
    if ((e.key !== 'ArrowDown' && e.key !== 'ArrowUp') || visible.length === 0 || e.target !== e.currentTarget) return;
    e.preventDefault();
    const i = visible.findIndex((d) => d.id === selected);
    const next = e.key === 'ArrowDown' ? Math.min(visible.length - 1, i + 1) : Math.max(0, i < 0 ? 0 : i - 1);
    const id = visible[next]!.id;
    onSelect(id);
    // Keep the selected row on screen (it may be outside the rendered window).
    const at = items.findIndex((it) => it.kind === 'device' && it.device.id === id);
    const pane = table.current?.closest('.overview-pane');
    if (pane && at >= 0) {
      const top = table.current!.offsetTop + (at + 1) * ROW_PX;
      if (top < pane.scrollTop + ROW_PX) pane.scrollTop = top - ROW_PX;
      else if (top + ROW_PX > pane.scrollTop + pane.clientHeight) pane.scrollTop = top + ROW_PX - pane.clientHeight;
    }
  };
  return (
    <table ref={table} className="data-table camera-table" aria-label={info.plural} aria-rowcount={items.length + 1} tabIndex={0} onKeyDown={onKeyDown}>
      <thead>
        <tr aria-rowindex={1}><th>Name</th><th>State</th><th>Token</th><th>Hardware</th></tr>
      </thead>
      <tbody>
        {win.padTop > 0 ? <tr aria-hidden="true" style={{ height: win.padTop }} /> : null}
        {items.slice(win.start, win.end).map((item, k) => {
          const rowIndex = win.start + k + 2;
          if (item.kind === 'group') {
            const g = item.group;
            return (
              <tr key={`g:${g.path}`} className="group-row" aria-rowindex={rowIndex}>
                <th colSpan={4} scope="colgroup">
                  <button type="button" className="group-toggle" aria-expanded={!collapsed.has(g.path)} onClick={() => toggle(g.path)}>
                    <Icon name={collapsed.has(g.path) ? 'chevronRight' : 'chevronDown'} size={12} />
                    <Icon name="folder" size={13} />
                    {groupLabel(g.path)} <span className="muted">({g.devices.length})</span>
                  </button>
                </th>
              </tr>
            );
          }
          const d = item.device;
          const hw = hardware.get(d.hardwareId);
          const state = d.enabled ? (outputStatePill(d) ?? enabledPill(d)) : enabledPill(d);
          return (
            <tr key={d.id} aria-rowindex={rowIndex} aria-selected={selected === d.id} data-selectable="true" data-enabled={d.enabled} onClick={() => onSelect(d.id)}>
              <td><span className="camera-name-cell"><Icon name={d.enabled ? info.icon : 'disabled'} size={13} />{d.name}</span></td>
              <td><Pill pill={state} /></td>
              <td className="mono" title={d.reportedName}>{d.deviceKey}</td>
              <td title={hw ? `${hw.name} — ${hw.address}` : d.hardwareId}>{hw ? hw.name : '…'}{hw ? <span className="muted device-address"> · {hw.address}</span> : null}</td>
            </tr>
          );
        })}
        {win.padBottom > 0 ? <tr aria-hidden="true" style={{ height: win.padBottom }} /> : null}
      </tbody>
    </table>
  );
}
