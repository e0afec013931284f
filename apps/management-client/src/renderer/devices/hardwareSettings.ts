/**
 * The hardware Settings tab: name, address and credentials in one updateHardware body. A new
 * address or new credentials are tried on the device by the site before anything is saved, so
 * the form says when saving will reach the device.
 */
import type { HardwareListItemBody, UpdateHardwareBody } from '@nightjar/vms-core';
import type { FieldProblems } from './cameraForms';

export interface HardwareSettingsForm {
  name: string;
  address: string;
  username: string;
  /** Only sent when `changePassword`; '' then clears it. */
  changePassword: boolean;
  password: string;
}

export const hardwareSettingsForm = (h: HardwareListItemBody): HardwareSettingsForm => ({
  name: h.name, address: h.address, username: h.username ?? '', changePassword: false, password: '',
});

export function hardwareSettingsProblems(f: HardwareSettingsForm): FieldProblems {
  const p: FieldProblems = {};
  if (f.name.trim() === '') p.name = 'The hardware needs a name.';
  else if (f.name.trim().length > 200) p.name = 'At most 200 characters.';
  if (f.address.trim() === '') p.address = 'Enter the device\'s address.';
  return p;
}

export function hardwareSettingsBody(h: HardwareListItemBody, f: HardwareSettingsForm): UpdateHardwareBody {
  const body: UpdateHardwareBody = {};
  if (f.name.trim() !== h.name) body.name = f.name.trim();
  if (f.address.trim() !== h.address) body.address = f.address.trim();
  if (f.username !== (h.username ?? '')) body.username = f.username;
  if (f.changePassword) body.password = f.password;
  return body;
}

/** Whether saving this body asks the device (and so may fail on it). */
export const probesDevice = (b: UpdateHardwareBody) => b.address !== undefined || b.username !== undefined || b.password !== undefined || b.refresh === true;
