/**
 * The outputs a live tile offers: the relay outputs of its camera's hardware, to an operator the
 * site lets switch them (docs/design/devices.md, "Rights": the Administrators role, or the `ptz`
 * right on a camera of that hardware — switching a relay acts on the world around the camera,
 * as steering it does). The site checks again on every command; this keeps the tile honest.
 */
import { ApiError } from '@nightjar/ui';
import type { CameraBody, CurrentUserBody, DeviceBody, SetOutputStateResult } from '@nightjar/ui';

/** OUTPUT_RIGHT in vms-core's management/common/device.ts (the renderer takes only types from it). */
export const OUTPUT_RIGHT = 'ptz';

/** Whether the user may switch the outputs of the hardware `hardwareId`, with their rights now. */
export function canSwitchOutputs(me: Pick<CurrentUserBody, 'administrator' | 'cameras'> | undefined, cameras: readonly Pick<CameraBody, 'id' | 'hardwareId'>[], hardwareId: string): boolean {
  if (!me) return false;
  if (me.administrator) return true;
  const ofHardware = new Set(cameras.filter((c) => c.hardwareId === hardwareId).map((c) => c.id));
  return me.cameras.some((c) => ofHardware.has(c.cameraId) && c.rights.includes(OUTPUT_RIGHT));
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** The enabled outputs, by name (a disabled output cannot be switched, so it is not offered). */
export function offeredOutputs(devices: readonly DeviceBody[] | undefined): DeviceBody[] {
  return (devices ?? []).filter((d) => d.kind === 'output' && d.enabled).sort((a, b) => collator.compare(a.name, b.name));
}

/**
 * The names the panel shows: without the words every output's name begins with ("North gate
 * barrier", "North gate siren" → "Barrier", "Siren"), which name the tile's hardware anyway, so
 * they fit a small panel. The full names stay in the tooltips and the buttons' accessible names.
 */
export function shortNames(outputs: readonly Pick<DeviceBody, 'id' | 'name'>[]): Map<string, string> {
  const words = outputs.map((d) => d.name.trim().split(/\s+/));
  let common = 0;
  if (outputs.length >= 2) {
    while (words.every((w) => common < w.length - 1 && w[common]!.toLowerCase() === words[0]![common]!.toLowerCase())) common += 1;
    // "Output 1" rather than "1": a bare number says too little.
    if (common > 0 && words.some((w) => w.length - common === 1 && /^\d+$/.test(w[common]!))) common -= 1;
  }
  return new Map(outputs.map((d, i) => {
    const rest = words[i]!.slice(common).join(' ');
    return [d.id, common > 0 ? rest.charAt(0).toUpperCase() + rest.slice(1) : d.name];
  }));
}

/** What the panel says after a switch: "Barrier on", "Barrier on, off again in 5 s". */
export function switchedLine(result: SetOutputStateResult, state: 'on' | 'off'): string {
  const back = result.pulseSeconds !== undefined ? `, ${state === 'on' ? 'off' : 'on'} again in ${Math.round(result.pulseSeconds * 10) / 10} s` : '';
  return `${result.device.name} ${state}${back}`;
}

/** Why a switch failed, in an operator's words. */
export function switchProblem(e: unknown): string {
  if (e instanceof ApiError) {
    if (e.status === 403) return 'Your roles do not allow switching this output.';
    if (e.status === 0) return 'The site cannot be reached.';
    if (e.code === 'VMS_ERR_DEVICE_UNREACHABLE') return 'The device did not answer; nothing was switched.';
    if (e.code === 'VMS_ERR_DEVICE_AUTH') return 'The device refused the site\'s credentials; ask an administrator.';
    if (e.code === 'VMS_ERR_CONFLICT') return 'An administrator disabled this output.';
  }
  return e instanceof Error ? e.message : String(e);
}
