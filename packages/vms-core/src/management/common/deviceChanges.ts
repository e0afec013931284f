/**
 * What "update hardware" found about the unit's devices other than cameras, against those
 * configured for it: the same report as for cameras (hardwareChanges.ts), and how it is
 * applied, so the store and a client read one rule.
 */
import type { DeviceInfo, DeviceKind } from '../../devices/common/types';
import type { Device } from './device';
import { deviceName } from './device';

export interface DeviceChanges {
  /** Devices the hardware reports that are not configured: added, enabled. */
  added: { kind: DeviceKind; deviceKey: string; name: string }[];
  /**
   * Configured devices the hardware no longer reports: disabled, kept, so rules and alarms that
   * name them still point somewhere when the device comes back (as cameras are kept).
   */
  missing: { deviceId: string; kind: DeviceKind; deviceKey: string; name: string }[];
  /** Devices whose own name on the hardware changed (from and to are the device's names). */
  renamed: { deviceId: string; kind: DeviceKind; deviceKey: string; from: string; to: string }[];
  /**
   * Kinds the hardware failed to list this time: their devices were left as they were (none
   * disabled, none added). Absent when every kind was read.
   */
  notRead?: DeviceKind[];
}

export const noDeviceChanges = (): DeviceChanges => ({ added: [], missing: [], renamed: [] });

const keyOf = (kind: DeviceKind, key: string) => `${kind}\u0000${key}`;

/** `notRead`: kinds the hardware failed to list, about which `reported` says nothing. */
export function diffDevices(configured: readonly Device[], reported: readonly DeviceInfo[], notRead: readonly DeviceKind[] = []): DeviceChanges {
  const unread = new Set(notRead);
  const now = new Map(reported.map((d) => [keyOf(d.kind, d.key), d]));
  const known = new Set(configured.map((d) => keyOf(d.kind, d.deviceKey)));
  const out: DeviceChanges = {
    added: reported.filter((d) => !unread.has(d.kind) && !known.has(keyOf(d.kind, d.key))).map((d) => ({ kind: d.kind, deviceKey: d.key, name: d.name })),
    missing: [],
    renamed: [],
    ...(unread.size > 0 ? { notRead: [...unread] } : {}),
  };
  for (const d of configured) {
    if (unread.has(d.kind)) continue;
    const found = now.get(keyOf(d.kind, d.deviceKey));
    if (!found) out.missing.push({ deviceId: d.id, kind: d.kind, deviceKey: d.deviceKey, name: d.name });
    else if (found.name !== d.reportedName) out.renamed.push({ deviceId: d.id, kind: d.kind, deviceKey: d.deviceKey, from: d.reportedName, to: found.name });
  }
  return out;
}

export function hasDeviceChanges(c: DeviceChanges): boolean {
  return c.added.length > 0 || c.missing.length > 0 || c.renamed.length > 0;
}

/**
 * The stored name after the device renamed itself: it follows only while it is still the name
 * the site made from the device's old one; a name an administrator chose stays.
 */
export function followedName(device: Device, hardwareName: string, newReportedName: string): string {
  return device.name === deviceName(hardwareName, { name: device.reportedName }) ? deviceName(hardwareName, { name: newReportedName }) : device.name;
}
