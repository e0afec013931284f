/**
 * The hardware's devices other than cameras: microphones, speakers, metadata, inputs and
 * outputs (docs/design/devices.md). Pure, so the Management Client checks an edit as the server
 * does and the rights rule reads the same on both sides.
 */
import type { DeviceInfo, DeviceKind } from '../../devices/common/types';
import { normalizeCameraGroup } from './camera';
import type { CameraRight, RoleDefinition } from './permissions';
import { checkCameraAccess, hasAdminFlag, hasAnyCameraRight, isAdministrators } from './permissions';

export { DEVICE_KINDS } from '../../devices/common/types';
export type { DeviceInfo, DeviceKind };

/** Per kind. Only outputs have a setting today; the others take an empty object. */
export interface DeviceSettings {
  /** Output: how long "on" lasts before the site switches it off again; absent: it stays on until set off. */
  pulseSeconds?: number;
}

export interface Device {
  id: string;
  hardwareId: string;
  kind: DeviceKind;
  /** Stable within the hardware and kind (DeviceInfo.key). */
  deviceKey: string;
  name: string;
  enabled: boolean;
  /** Folder path in the clients' trees, as for cameras ('' is the top level). */
  group: string;
  settings: DeviceSettings;
  /** The name the device itself gave at its last probe: "update hardware" reports when it changes. */
  reportedName: string;
  createdAt: number;
}

export interface DeviceUpdate {
  name?: string;
  enabled?: boolean;
  group?: string;
  settings?: DeviceSettings;
}

export type OutputState = 'on' | 'off';

export const DEVICE_LIMITS = { nameMaxLength: 200, maxPulseSeconds: 3600 } as const;

/**
 * The camera right that lets an operator switch the outputs of a hardware unit: `ptz` on one of
 * its cameras. Switching a relay acts on the world around the camera (a door, a light, a
 * siren), as steering it does; live or playback only watch. See docs/design/devices.md.
 */
export const OUTPUT_RIGHT: CameraRight = 'ptz';

/** The name a new device gets: the hardware's name, then the device's own ("Gate cam Input 1"). */
export function deviceName(hardwareName: string, info: Pick<DeviceInfo, 'name'>): string {
  return `${hardwareName} ${info.name}`.slice(0, DEVICE_LIMITS.nameMaxLength);
}

export interface DeviceProblem {
  field: string;
  message: string;
}

const SETTINGS_OF: Record<DeviceKind, readonly (keyof DeviceSettings)[]> = {
  microphone: [], speaker: [], metadata: [], input: [], output: ['pulseSeconds'],
};

/** The settings a kind takes, checked: unknown keys and values out of range are named. */
export function deviceSettingsProblem(kind: DeviceKind, settings: unknown): DeviceProblem | undefined {
  if (typeof settings !== 'object' || settings === null || Array.isArray(settings)) return { field: 'settings', message: 'settings are an object' };
  const allowed = SETTINGS_OF[kind];
  const a = /^[aeiou]/.test(kind) ? `an ${kind}` : `a ${kind}`;
  for (const [key, value] of Object.entries(settings)) {
    if (!(allowed as readonly string[]).includes(key)) {
      return { field: `settings.${key}`, message: allowed.length === 0 ? `${a} has no settings` : `${a} has no setting "${key}"` };
    }
    if (key === 'pulseSeconds' && !(typeof value === 'number' && Number.isFinite(value) && value > 0 && value <= DEVICE_LIMITS.maxPulseSeconds)) {
      return { field: 'settings.pulseSeconds', message: `more than 0 and at most ${DEVICE_LIMITS.maxPulseSeconds} seconds` };
    }
  }
  return undefined;
}

/** The device after an edit, or the first problem with it (name, group and settings as stored). */
export function applyDeviceUpdate(device: Device, patch: DeviceUpdate): { device: Device } | { problem: DeviceProblem } {
  const next: Device = { ...device };
  if (patch.name !== undefined) {
    const name = patch.name.trim();
    if (name === '' || [...name].length > DEVICE_LIMITS.nameMaxLength) {
      return { problem: { field: 'name', message: `1 to ${DEVICE_LIMITS.nameMaxLength} characters` } };
    }
    next.name = name;
  }
  if (patch.enabled !== undefined) next.enabled = patch.enabled;
  if (patch.group !== undefined) {
    const group = normalizeCameraGroup(patch.group);
    if ('problem' in group) return { problem: { field: 'group', message: group.problem } };
    next.group = group.group;
  }
  if (patch.settings !== undefined) {
    const problem = deviceSettingsProblem(device.kind, patch.settings);
    if (problem) return { problem };
    next.settings = { ...patch.settings };
  }
  return { device: next };
}

/**
 * Whether a user sees a device: those who manage configuration see all; others see the devices
 * of hardware they see a camera of (a microphone or input belongs to what that camera watches).
 */
export function canSeeDevice(roles: readonly RoleDefinition[], cameraIdsOfHardware: readonly string[]): boolean {
  return hasAdminFlag(roles, 'manageConfiguration') || cameraIdsOfHardware.some((id) => hasAnyCameraRight(roles, id));
}

/** Whether a user may switch an output now: administrators, or OUTPUT_RIGHT on a camera of its hardware. */
export function canOperateOutput(roles: readonly RoleDefinition[], cameraIdsOfHardware: readonly string[], at: number): boolean {
  return roles.some(isAdministrators) ||
    cameraIdsOfHardware.some((cameraId) => checkCameraAccess(roles, { cameraId, right: OUTPUT_RIGHT, at }).allowed);
}

/** The state that undoes `state` (a pulse's return, a rule's stop). */
export const otherState = (state: OutputState): OutputState => (state === 'on' ? 'off' : 'on');
