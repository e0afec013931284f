/**
 * The camera overview: one table, a header row per group (collapsible), a row per camera.
 * Arrow keys move the selection over the visible cameras, across groups. Only the rows the
 * pane shows are rendered (useRowWindow): a site of a thousand cameras opens at once.
 */
import { useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { Icon } from '@nightjar/ui';
import type { CameraBody } from '@nightjar/vms-core';
import { CameraStatePills } from './CameraStatePills';
import type { CameraGroup, HardwareLabel } from './cameraGroups';
import { groupLabel } from './cameraGroups';
import { RECORDING_MODES } from './cameraForms';
import { useRowWindow } from '../components/useRowWindow';

export interface CameraTableProps {
  groups: readonly CameraGroup[];
  hardware: ReadonlyMap<string, HardwareLabel>;
  selected: string | null;
  onSelect: (cameraId: string) => void;
}

const modeLabel = (c: CameraBody) => RECORDING_MODES.find((m) => m.mode === c.policy.mode)?.label ?? c.policy.mode;

/** Height of a row (group or camera), fixed so the window's arithmetic holds; the CSS sets the same. */
const ROW_PX = 27;

type Item = { kind: 'group'; group: CameraGroup } | { kind: 'camera'; camera: CameraBody };

export function CameraTable({ groups, hardware, selected, onSelect }: CameraTableProps) {
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const items = useMemo<Item[]>(() => groups.flatMap((g) => [
    { kind: 'group' as const, group: g },
    ...(collapsed.has(g.path) ? [] : g.cameras.map((camera) => ({ kind: 'camera' as const, camera }))),
  ]), [groups, collapsed]);
  const visible = useMemo(() => items.flatMap((i) => (i.kind === 'camera' ? [i.camera] : [])), [items]);
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
    const i = visible.findIndex((c) => c.id === selected);
    const next = e.key === 'ArrowDown' ? Math.min(visible.length - 1, i + 1) : Math.max(0, i < 0 ? 0 : i - 1);
    const id = visible[next]!.id;
    onSelect(id);
    // Keep the selected row on screen (it may be outside the rendered window).
    const at = items.findIndex((it) => it.kind === 'camera' && it.camera.id === id);
    const pane = table.current?.closest('.overview-pane');
    if (pane && at >= 0) {
      const top = table.current!.offsetTop + (at + 1) * ROW_PX;
      if (top < pane.scrollTop + ROW_PX) pane.scrollTop = top - ROW_PX;
      else if (top + ROW_PX > pane.scrollTop + pane.clientHeight) pane.scrollTop = top + ROW_PX - pane.clientHeight;
    }
  };
  return (
    // aria-rowcount: every row of the list, rendered or not (the header row included).
    <table ref={table} className="data-table camera-table" aria-label="Cameras" aria-rowcount={items.length + 1} tabIndex={0} onKeyDown={onKeyDown}>
      <thead>
        <tr aria-rowindex={1}><th>Name</th><th>State</th><th>Mode</th><th>Hardware</th></tr>
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
                    {groupLabel(g.path)} <span className="muted">({g.cameras.length})</span>
                  </button>
                </th>
              </tr>
            );
          }
          const c = item.camera;
          const hw = hardware.get(c.hardwareId);
          return (
            <tr key={c.id} aria-rowindex={rowIndex} aria-selected={selected === c.id} data-selectable="true" data-enabled={c.enabled} onClick={() => onSelect(c.id)}>
              <td><span className="camera-name-cell"><Icon name={c.enabled ? 'camera' : 'disabled'} size={13} />{c.name}</span></td>
              <td><CameraStatePills camera={c} show="compact" /></td>
              <td>{modeLabel(c)}</td>
              <td title={hw ? `${hw.name} — ${hw.address}` : c.hardwareId}>{hw ? hw.name : '…'}{hw ? <span className="muted device-address"> · {hw.address}</span> : null}</td>
            </tr>
          );
        })}
        {win.padBottom > 0 ? <tr aria-hidden="true" style={{ height: win.padBottom }} /> : null}
      </tbody>
    </table>
  );
}
