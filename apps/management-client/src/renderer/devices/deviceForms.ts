/**
 * A device's property tabs as forms: Info (name, group, enabled) and Settings (an output's
 * pulse), each with the site's limits checked as typed (named by the request field, so the
 * site's errors land on the same field) and the one updateDevice body it saves: only what
 * changed. The renderer may not import vms-core's values, so the limits are written here.
 */
import type { DeviceBody, UpdateDeviceBody } from '@nightjar/vms-core';
import type { FieldProblems } from './cameraForms';
import { changedOnly, groupProblem, normalGroup, numberProblem } from './cameraForms';

/** DEVICE_LIMITS in management/common/device.ts. */
export const DEVICE_NAME_MAX = 200;
export const MAX_PULSE_SECONDS = 3600;

export const isEmptyDeviceBody = (body: UpdateDeviceBody): boolean => Object.keys(body).length === 0;

// Info: name, tree group, enabled.

export interface DeviceInfoForm {
  name: string;
  group: string;
  enabled: boolean;
}

export const deviceInfoForm = (d: DeviceBody): DeviceInfoForm => ({ name: d.name, group: d.group, enabled: d.enabled });

export function deviceInfoProblems(f: DeviceInfoForm): FieldProblems {
  const p: FieldProblems = {};
  const name = f.name.trim();
  if (name === '') p.name = 'The device needs a name.';
  // The site counts characters, not UTF-16 units.
  else if ([...name].length > DEVICE_NAME_MAX) p.name = `At most ${DEVICE_NAME_MAX} characters.`;
  const group = groupProblem(f.group);
  if (group) p.group = group;
  return p;
}

export function deviceInfoBody(d: DeviceBody, f: DeviceInfoForm): UpdateDeviceBody {
  return changedOnly(deviceInfoForm(d), { name: f.name.trim(), group: normalGroup(f.group), enabled: f.enabled });
}

// Settings: what each kind takes. Only outputs have one (the pulse); the others take none.

export interface OutputSettingsForm {
  /** Whether "on" returns to off by itself. */
  pulse: boolean;
  pulseSeconds: string;
}

/** The pulse a new one starts with when the administrator ticks it. */
const DEFAULT_PULSE_SECONDS = 5;

export const outputSettingsForm = (d: DeviceBody): OutputSettingsForm => ({
  pulse: d.settings.pulseSeconds !== undefined,
  pulseSeconds: String(d.settings.pulseSeconds ?? DEFAULT_PULSE_SECONDS),
});

export function outputSettingsProblems(f: OutputSettingsForm): FieldProblems {
  const problem = f.pulse ? numberProblem(f.pulseSeconds, { min: 0, max: MAX_PULSE_SECONDS, exclusiveMin: true }) : undefined;
  return problem ? { 'settings.pulseSeconds': problem } : {};
}

/** The whole settings object (the site replaces it), sent only when it differs. */
export function outputSettingsBody(d: DeviceBody, f: OutputSettingsForm): UpdateDeviceBody {
  const settings = f.pulse ? { pulseSeconds: Number(f.pulseSeconds) } : {};
  return JSON.stringify(settings) === JSON.stringify(d.settings) ? {} : { settings };
}

/**
 * After a device was saved or switched: the answer goes into every cached device list (by kind,
 * by hardware), so the overview, the hardware's tab and the properties show it at once.
 */
export function putDevice(list: DeviceBody[] | undefined, saved: DeviceBody): DeviceBody[] | undefined {
  return list?.map((d) => (d.id === saved.id ? saved : d));
}
