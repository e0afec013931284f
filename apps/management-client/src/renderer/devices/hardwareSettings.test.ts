import { describe, expect, it } from 'vitest';
import type { HardwareListItemBody } from '@nightjar/vms-core';
import { hardwareSettingsBody, hardwareSettingsForm, hardwareSettingsProblems, probesDevice } from './hardwareSettings';

const hw: HardwareListItemBody = { id: 'h1', driver: 'onvif', address: 'http://10.0.0.5/onvif/device_service', name: 'Dome', username: 'admin', cameras: [] };

describe('hardware settings', () => {
  it('sends nothing when nothing changed, and a rename without asking the device', () => {
    expect(hardwareSettingsBody(hw, hardwareSettingsForm(hw))).toEqual({});
    const rename = hardwareSettingsBody(hw, { ...hardwareSettingsForm(hw), name: ' Lobby dome ' });
    expect(rename).toEqual({ name: 'Lobby dome' });
    expect(probesDevice(rename)).toBe(false);
  });

  it('sends the password only when asked to change it ("" clears it), and then asks the device', () => {
    expect(hardwareSettingsBody(hw, { ...hardwareSettingsForm(hw), password: 'typed but not changing' })).toEqual({});
    const clear = hardwareSettingsBody(hw, { ...hardwareSettingsForm(hw), changePassword: true, password: '' });
    expect(clear).toEqual({ password: '' });
    expect(probesDevice(clear)).toBe(true);
    expect(hardwareSettingsBody(hw, { ...hardwareSettingsForm(hw), username: '', address: '10.0.0.6:80' })).toEqual({ username: '', address: '10.0.0.6:80' });
  });

  it('needs a name and an address', () => {
    expect(hardwareSettingsProblems({ ...hardwareSettingsForm(hw), name: ' ', address: '' })).toEqual({ name: expect.any(String), address: expect.any(String) });
  });
});
