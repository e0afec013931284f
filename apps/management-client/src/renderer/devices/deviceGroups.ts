/**
 * A device page's overview rows: the devices of one kind grouped by their tree group, as the
 * cameras are (cameraGroups.ts): groups in path order with the top level first, devices by
 * name, narrowed by a filter every word of which must match somewhere.
 */
import type { DeviceBody } from '@nightjar/vms-core';
import type { HardwareLabel } from './cameraGroups';

export interface DeviceGroup {
  /** The group path; '' is the top level. */
  path: string;
  devices: DeviceBody[];
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** What the filter looks through for one device, lower-cased: its names, group, key and hardware. */
function haystack(device: DeviceBody, hardware: HardwareLabel | undefined): string {
  return [device.name, device.reportedName, device.group, device.deviceKey, hardware?.name ?? '', hardware?.address ?? '', hardware?.model ?? '']
    .join('\n').toLowerCase();
}

export function groupDevices(devices: readonly DeviceBody[], hardware: ReadonlyMap<string, HardwareLabel>, filter = ''): DeviceGroup[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  const groups = new Map<string, DeviceBody[]>();
  for (const device of devices) {
    const text = haystack(device, hardware.get(device.hardwareId));
    if (!words.every((w) => text.includes(w))) continue;
    groups.set(device.group, [...(groups.get(device.group) ?? []), device]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : collator.compare(a, b)))
    .map(([path, list]) => ({ path, devices: list.sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id)) }));
}

/** Every group in use by devices and cameras, for the group field's suggestions (one tree holds both). */
export function knownDeviceGroups(items: readonly { group?: string | undefined }[]): string[] {
  return [...new Set(items.map((d) => d.group ?? '').filter(Boolean))].sort(collator.compare);
}
