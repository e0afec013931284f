import { describe, expect, it } from 'vitest';
import type { Device } from './device';
import { applyDeviceUpdate, canOperateOutput, canSeeDevice, deviceName, deviceSettingsProblem } from './device';
import { diffDevices, followedName, hasDeviceChanges } from './deviceChanges';
import type { RoleDefinition } from './permissions';

const device = (o: Partial<Device> = {}): Device => ({
  id: 'd1', hardwareId: 'hw', kind: 'output', deviceKey: 'RO_1', name: 'Gate Output 1', enabled: true, group: '',
  settings: {}, reportedName: 'Output 1', createdAt: 0, ...o,
});
const role = (o: Partial<RoleDefinition>): RoleDefinition => ({ id: 'r', name: 'r', builtin: false, manageConfiguration: false, manageUsers: false, grants: [], ...o });

describe('device edits', () => {
  it('trims the name, normalizes the group and keeps what is not changed', () => {
    const r = applyDeviceUpdate(device(), { name: '  Siren ', group: ' Yard / North ', settings: { pulseSeconds: 5 } });
    expect(r).toEqual({ device: device({ name: 'Siren', group: 'Yard/North', settings: { pulseSeconds: 5 } }) });
    expect(applyDeviceUpdate(device(), { enabled: false })).toEqual({ device: device({ enabled: false }) });
  });

  it('names the field at fault', () => {
    const cases: [Parameters<typeof applyDeviceUpdate>[1], string, RegExp][] = [
      [{ name: '   ' }, 'name', /1 to 200/],
      [{ name: 'x'.repeat(201) }, 'name', /1 to 200/],
      [{ group: 'A//B' }, 'group', /may not be empty/],
      [{ settings: { pulseSeconds: 0 } }, 'settings.pulseSeconds', /more than 0/],
      [{ settings: { pulseSeconds: 3601 } }, 'settings.pulseSeconds', /at most 3600/],
      [{ settings: { volume: 3 } as object }, 'settings.volume', /no setting "volume"/],
    ];
    for (const [patch, field, message] of cases) {
      const r = applyDeviceUpdate(device(), patch);
      expect(r, JSON.stringify(patch)).toMatchObject({ problem: { field, message: expect.stringMatching(message) } });
    }
  });

  it('gives settings only to outputs', () => {
    expect(deviceSettingsProblem('microphone', {})).toBeUndefined();
    expect(deviceSettingsProblem('input', { pulseSeconds: 2 })).toEqual({ field: 'settings.pulseSeconds', message: 'an input has no settings' });
    expect(deviceSettingsProblem('output', [])).toMatchObject({ field: 'settings' });
  });
});

describe('device rights', () => {
  it('shows devices to those who manage configuration or see a camera of the hardware', () => {
    expect(canSeeDevice([role({ manageConfiguration: true })], [])).toBe(true);
    expect(canSeeDevice([role({ grants: [{ cameraId: 'cam', rights: ['live'] }] })], ['cam'])).toBe(true);
    expect(canSeeDevice([role({ grants: [{ cameraId: 'other', rights: ['live'] }] })], ['cam'])).toBe(false);
    expect(canSeeDevice([], ['cam'])).toBe(false);
  });

  it('lets administrators and holders of ptz on a camera of the hardware switch outputs, within their schedule', () => {
    const at = Date.UTC(2026, 0, 5, 12); // a Monday, noon UTC
    expect(canOperateOutput([role({ id: 'administrators', builtin: true })], [], at)).toBe(true);
    expect(canOperateOutput([role({ grants: [{ cameraId: 'cam', rights: ['ptz'] }] })], ['cam'], at)).toBe(true);
    expect(canOperateOutput([role({ grants: [{ cameraId: null, rights: ['ptz'] }] })], ['cam'], at)).toBe(true);
    expect(canOperateOutput([role({ grants: [{ cameraId: 'cam', rights: ['live', 'playback'] }] })], ['cam'], at)).toBe(false);
    // Configuration is not operation: a configurer without camera rights may not.
    expect(canOperateOutput([role({ manageConfiguration: true })], ['cam'], at)).toBe(false);
    const nights = { windows: [{ days: [1], from: '20:00', to: '23:00' }] };
    expect(canOperateOutput([role({ grants: [{ cameraId: 'cam', rights: ['ptz'], timeProfile: nights }] })], ['cam'], at)).toBe(false);
  });
});

describe('device changes', () => {
  const configured = [
    device(),
    device({ id: 'd2', kind: 'input', deviceKey: 'DI_1', name: 'Front door', reportedName: 'Input 1' }),
    device({ id: 'd3', kind: 'microphone', deviceKey: 'AudioSource_1', name: 'Gate Microphone', reportedName: 'Microphone' }),
  ];

  it('reports devices added, missing and renamed by the device, by kind and key', () => {
    const changes = diffDevices(configured, [
      { kind: 'output', key: 'RO_1', name: 'Output 1' },
      { kind: 'input', key: 'DI_1', name: 'Door contact' },
      { kind: 'output', key: 'RO_2', name: 'Output 2' },
      // Same key, other kind: another device.
      { kind: 'speaker', key: 'AudioSource_1', name: 'Speaker' },
    ]);
    expect(changes).toEqual({
      added: [{ kind: 'output', deviceKey: 'RO_2', name: 'Output 2' }, { kind: 'speaker', deviceKey: 'AudioSource_1', name: 'Speaker' }],
      missing: [{ deviceId: 'd3', kind: 'microphone', deviceKey: 'AudioSource_1', name: 'Gate Microphone' }],
      renamed: [{ deviceId: 'd2', kind: 'input', deviceKey: 'DI_1', from: 'Input 1', to: 'Door contact' }],
    });
    expect(hasDeviceChanges(changes)).toBe(true);
    const same = configured.map((d) => ({ kind: d.kind, key: d.deviceKey, name: d.reportedName }));
    expect(hasDeviceChanges(diffDevices(configured, same))).toBe(false);
  });

  it('leaves the devices of a kind the hardware failed to list as they are', () => {
    // The outputs could not be read: RO_1 is neither missing nor renamed; the microphone still is missing.
    expect(diffDevices(configured, [{ kind: 'input', key: 'DI_1', name: 'Input 1' }], ['output'])).toEqual({
      added: [], missing: [{ deviceId: 'd3', kind: 'microphone', deviceKey: 'AudioSource_1', name: 'Gate Microphone' }], renamed: [], notRead: ['output'],
    });
  });

  it('lets a name follow the device only while the site made it', () => {
    expect(deviceName('Gate', { name: 'Output 1' })).toBe('Gate Output 1');
    expect(followedName(configured[0]!, 'Gate', 'Barrier')).toBe('Gate Barrier');
    expect(followedName(configured[1]!, 'Gate', 'Door contact')).toBe('Front door');
  });
});
