/**
 * What switching an output answered, in words: the state it is in now and, for a pulse, when it
 * returns; or why it failed, by the site's error code (the device did not answer, refused the
 * hardware's credentials, the output is disabled, the caller may not).
 */
import { ApiError } from '@nightjar/ui';
import type { SetOutputStateResult } from '@nightjar/vms-core';

export type OutputCommand = 'on' | 'off';

const clock = (at: Date) => at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const seconds = (s: number) => `${Number.isInteger(s) ? s : s.toFixed(1)} s`;

export function switchedText(result: SetOutputStateResult, asked: OutputCommand, at: Date): string {
  const verb = asked === 'on' ? 'Activated' : 'Deactivated';
  const back = asked === 'on' ? 'off' : 'on';
  const pulse = result.pulseSeconds !== undefined ? `; it switches back ${back} after ${seconds(result.pulseSeconds)}` : '';
  return `${verb} at ${clock(at)}${pulse}.`;
}

export function switchErrorText(error: unknown): string {
  if (!(error instanceof ApiError)) return error instanceof Error ? error.message : String(error);
  switch (error.code) {
    case 'VMS_ERR_DEVICE_UNREACHABLE': return `The device did not answer, nothing was switched: ${error.message}`;
    case 'VMS_ERR_DEVICE_AUTH': return `The device refused the hardware's user name or password: ${error.message}. Correct them on the hardware's Settings tab.`;
    case 'VMS_ERR_DEVICE_PROTOCOL': return `The device refused the command: ${error.message}`;
    case 'VMS_ERR_CONFLICT': return 'The output is disabled: enable it on its Info tab first.';
    case 'VMS_ERR_PERMISSION_DENIED': return 'Your roles do not allow switching this output: administrators may, and operators with the PTZ right on a camera of its hardware.';
    default: return error.status === 0 ? 'The site cannot be reached.' : error.message;
  }
}
