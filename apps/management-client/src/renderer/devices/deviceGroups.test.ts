import { describe, expect, it } from 'vitest';
import type { DeviceBody } from '@nightjar/vms-core';
import { groupDevices, knownDeviceGroups } from './deviceGroups';
import { devicesSummary, kindCount, outputStatePill } from './deviceKinds';

const device = (id: string, name: string, group: string, o: Partial<DeviceBody> = {}): DeviceBody => ({
  id, hardwareId: 'h1', kind: 'input', deviceKey: `DI_${id}`, name, enabled: true, group, settings: {}, reportedName: 'Input', ...o,
});
const hardware = new Map([['h1', { name: 'Gate', address: '10.0.0.5:80', model: 'IO box' }], ['h2', { name: 'Dock', address: '10.0.0.9:80' }]]);

describe('groupDevices', () => {
  const list = [
    device('1', 'Gate Input 10', 'Yard'), device('2', 'Gate Input 2', 'Yard'), device('3', 'Lobby button', ''),
    device('4', 'Dock contact', 'Building A/Doors', { hardwareId: 'h2' }),
  ];

  it('puts the top level first, then groups by path, devices by name with numbers in order', () => {
    expect(groupDevices(list, hardware).map((g) => [g.path, g.devices.map((d) => d.name)])).toEqual([
      ['', ['Lobby button']], ['Building A/Doors', ['Dock contact']], ['Yard', ['Gate Input 2', 'Gate Input 10']],
    ]);
  });

  it('keeps devices every filter word matches: name, group, token or hardware', () => {
    expect(groupDevices(list, hardware, 'dock').flatMap((g) => g.devices.map((d) => d.id))).toEqual(['4']);
    expect(groupDevices(list, hardware, 'yard DI_2').flatMap((g) => g.devices.map((d) => d.id))).toEqual(['2']);
    expect(groupDevices(list, hardware, '10.0.0.5 io box').flatMap((g) => g.devices.map((d) => d.id))).toEqual(['3', '2', '1']);
    expect(groupDevices(list, hardware, 'nowhere')).toEqual([]);
  });

  it('suggests every group in use once, in order', () => {
    expect(knownDeviceGroups([...list, { group: 'Yard' }, { group: undefined }])).toEqual(['Building A/Doors', 'Yard']);
  });
});

describe('device kinds in words', () => {
  it('counts kinds in the tree\'s order', () => {
    expect(devicesSummary([{ kind: 'output' }, { kind: 'input' }, { kind: 'input' }, { kind: 'microphone' }])).toBe('1 microphone, 2 inputs and 1 output');
    expect(devicesSummary([{ kind: 'metadata' }])).toBe('1 metadata device');
    expect(devicesSummary([])).toBe('');
    expect(kindCount('metadata', 2)).toBe('2 metadata devices');
  });

  it('says an output\'s state is unknown until the site switched it', () => {
    expect(outputStatePill({ kind: 'output' })?.label).toBe('State unknown');
    expect(outputStatePill({ kind: 'output', state: 'on' })).toMatchObject({ label: 'On', tone: 'warn' });
    expect(outputStatePill({ kind: 'output', state: 'off' })).toMatchObject({ label: 'Off', tone: 'ok' });
    expect(outputStatePill({ kind: 'input' })).toBeUndefined();
  });
});
