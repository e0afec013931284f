import { describe, expect, it } from 'vitest';
import type { DeviceBody } from '@nightjar/vms-core';
import {
  deviceInfoBody, deviceInfoForm, deviceInfoProblems, outputSettingsBody, outputSettingsForm, outputSettingsProblems, putDevice,
} from './deviceForms';

const output = (o: Partial<DeviceBody> = {}): DeviceBody => ({
  id: 'd1', hardwareId: 'h1', kind: 'output', deviceKey: 'RO_1', name: 'Gate Output 1', enabled: true, group: '', settings: {}, reportedName: 'Output 1', ...o,
});

describe('device Info tab', () => {
  it('sends only what changed, name trimmed and group as the site stores it', () => {
    const d = output();
    expect(deviceInfoBody(d, deviceInfoForm(d))).toEqual({});
    expect(deviceInfoBody(d, { ...deviceInfoForm(d), name: ' Barrier ', group: ' Yard / North ' })).toEqual({ name: 'Barrier', group: 'Yard/North' });
    expect(deviceInfoBody(output({ group: 'Yard' }), { name: 'Gate Output 1', group: '', enabled: false })).toEqual({ group: '', enabled: false });
  });

  it('marks an empty or long name and a malformed group as the site would', () => {
    const f = deviceInfoForm(output());
    expect(deviceInfoProblems({ ...f, name: '   ' })).toEqual({ name: 'The device needs a name.' });
    // 200 characters are fine even when each takes two UTF-16 units; 201 are not.
    expect(deviceInfoProblems({ ...f, name: '🚪'.repeat(200) })).toEqual({});
    expect(deviceInfoProblems({ ...f, name: 'x'.repeat(201) }).name).toMatch(/200/);
    expect(deviceInfoProblems({ ...f, group: 'Yard//North' }).group).toMatch(/empty/);
    expect(deviceInfoProblems({ ...f, group: 'a/b/c/d/e/f/g/h/i' }).group).toMatch(/8 levels/);
  });
});

describe('output Settings tab', () => {
  it('reads the pulse from the settings and offers 5 s when there is none', () => {
    expect(outputSettingsForm(output())).toEqual({ pulse: false, pulseSeconds: '5' });
    expect(outputSettingsForm(output({ settings: { pulseSeconds: 2.5 } }))).toEqual({ pulse: true, pulseSeconds: '2.5' });
  });

  it('sends the whole settings object, only when it differs', () => {
    expect(outputSettingsBody(output(), { pulse: false, pulseSeconds: '9' })).toEqual({});
    expect(outputSettingsBody(output(), { pulse: true, pulseSeconds: '3' })).toEqual({ settings: { pulseSeconds: 3 } });
    expect(outputSettingsBody(output({ settings: { pulseSeconds: 3 } }), { pulse: true, pulseSeconds: '3' })).toEqual({});
    // Turning the pulse off empties the settings: "on" then lasts until switched off.
    expect(outputSettingsBody(output({ settings: { pulseSeconds: 3 } }), { pulse: false, pulseSeconds: '3' })).toEqual({ settings: {} });
  });

  it('checks the pulse against the site\'s range, by the request field', () => {
    expect(outputSettingsProblems({ pulse: true, pulseSeconds: '0' })).toEqual({ 'settings.pulseSeconds': 'Must be more than 0.' });
    expect(outputSettingsProblems({ pulse: true, pulseSeconds: '3601' })).toEqual({ 'settings.pulseSeconds': 'At most 3600.' });
    expect(outputSettingsProblems({ pulse: true, pulseSeconds: 'soon' })['settings.pulseSeconds']).toMatch(/not a number/);
    expect(outputSettingsProblems({ pulse: false, pulseSeconds: '' })).toEqual({});
  });
});

describe('putDevice', () => {
  it('replaces the saved device in a cached list and leaves lists not yet loaded alone', () => {
    const list = [output(), output({ id: 'd2', deviceKey: 'RO_2' })];
    const saved = output({ id: 'd2', deviceKey: 'RO_2', state: 'on' });
    expect(putDevice(list, saved)).toEqual([list[0], saved]);
    expect(putDevice(undefined, saved)).toBeUndefined();
  });
});
