import { describe, expect, it } from 'vitest';
import { ApiError } from '@nightjar/ui';
import type { DeviceBody } from '@nightjar/vms-core';
import { switchErrorText, switchedText } from './outputSwitchText';

const device: DeviceBody = {
  id: 'd1', hardwareId: 'h1', kind: 'output', deviceKey: 'RO_1', name: 'Barrier', enabled: true, group: '', settings: {}, reportedName: 'Output 1',
};
const at = new Date(2024, 0, 1, 9, 5, 7);
const clock = at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

describe('switching an output in words', () => {
  it('says when it was switched and, for a pulse, when it switches back', () => {
    expect(switchedText({ device: { ...device, state: 'on' } }, 'on', at)).toBe(`Activated at ${clock}.`);
    expect(switchedText({ device: { ...device, state: 'on' }, pulseSeconds: 5 }, 'on', at)).toBe(`Activated at ${clock}; it switches back off after 5 s.`);
    expect(switchedText({ device: { ...device, state: 'off' }, pulseSeconds: 0.25 }, 'off', at)).toBe(`Deactivated at ${clock}; it switches back on after 0.3 s.`);
  });

  it('says why it failed, by the site\'s code', () => {
    expect(switchErrorText(new ApiError(503, 'VMS_ERR_DEVICE_UNREACHABLE', 'connect ECONNREFUSED'))).toBe('The device did not answer, nothing was switched: connect ECONNREFUSED');
    expect(switchErrorText(new ApiError(422, 'VMS_ERR_DEVICE_AUTH', 'not authorized'))).toMatch(/refused the hardware's user name or password.*Settings tab/);
    expect(switchErrorText(new ApiError(409, 'VMS_ERR_CONFLICT', 'output "Barrier" is disabled'))).toMatch(/disabled: enable it/);
    expect(switchErrorText(new ApiError(403, 'VMS_ERR_PERMISSION_DENIED', 'x'))).toMatch(/PTZ right on a camera of its hardware/);
    expect(switchErrorText(new ApiError(0, 'VMS_ERR_NETWORK', 'fetch failed'))).toBe('The site cannot be reached.');
    expect(switchErrorText(new Error('boom'))).toBe('boom');
  });
});
