import { describe, expect, it } from 'vitest';
import { changesSummary, describeHardwareChanges } from './hardwareChangesText';

describe('hardware changes in words', () => {
  const changes = {
    hardware: { firmware: { from: '1.0.0', to: '2.0.0' } },
    camerasAdded: [{ deviceKey: 'VideoSource_2', name: 'Dome 3 2' }],
    camerasMissing: [{ cameraId: 'c9', deviceKey: 'VideoSource_9', name: 'Old' }],
    cameras: [{
      cameraId: 'c1', name: 'Lobby',
      added: [{ key: 'third', name: 'third', url: 'rtsp://x/third', width: 320, height: 180 }],
      removed: [{ key: 'sub', name: 'Sub', url: 'rtsp://x/sub' }],
      changed: [{ key: 'main', changes: { width: { from: 1280, to: 1920 }, height: { from: 720, to: 1080 }, fps: { from: 25, to: 30 } } }],
    }],
  };

  it('says what changed on the device, its cameras and their streams', () => {
    expect(describeHardwareChanges(changes)).toEqual([
      { kind: 'device', text: 'Firmware: 1.0.0 → 2.0.0' },
      { kind: 'cameraAdded', text: 'New camera "Dome 3 2" (VideoSource_2) added' },
      { kind: 'cameraMissing', text: 'Camera "Old" is no longer reported: disabled, its recordings kept' },
      { kind: 'streamAdded', text: 'Lobby: new stream "third" (320×180)' },
      { kind: 'streamRemoved', text: 'Lobby: stream "Sub" removed' },
      { kind: 'streamChanged', text: 'Lobby: stream "main" size 1280×720 → 1920×1080, frame rate 25 → 30' },
    ]);
    expect(changesSummary(changes)).toBe('6 changes found on the device and applied.');
  });

  it('says which inputs, outputs and audio devices came, went or were renamed on the device', () => {
    const devices = {
      added: [{ kind: 'output' as const, deviceKey: 'RO_2', name: 'Output 2' }],
      missing: [{ deviceId: 'd1', kind: 'input' as const, deviceKey: 'DI_3', name: 'Gate Input 3' }],
      renamed: [{ deviceId: 'd2', kind: 'metadata' as const, deviceKey: 'meta1', from: 'Scene', to: 'Scene v2' }],
    };
    const lines = describeHardwareChanges({ hardware: {}, camerasAdded: [], camerasMissing: [], cameras: [], devices });
    expect(lines).toEqual([
      { kind: 'deviceAdded', text: 'New output "Output 2" (RO_2) added, enabled' },
      { kind: 'deviceMissing', text: 'Input "Gate Input 3" (DI_3) is no longer reported: disabled, kept for the rules naming it' },
      { kind: 'deviceRenamed', text: 'Metadata meta1 renamed on the device: "Scene" → "Scene v2"' },
    ]);
    expect(changesSummary({ hardware: {}, camerasAdded: [], camerasMissing: [], cameras: [], devices })).toBe('3 changes found on the device and applied.');
  });

  it('says which kinds the device failed to list, without counting them as changes', () => {
    const c = { hardware: {}, camerasAdded: [], camerasMissing: [], cameras: [], devices: { added: [], missing: [], renamed: [], notRead: ['output' as const] } };
    expect(describeHardwareChanges(c)).toEqual([{ kind: 'devicesNotRead', text: 'Outputs: the device did not answer when asked for them; left as they were' }]);
    expect(changesSummary(c)).toBe('The device reports what is configured: nothing changed. Some of its devices could not be read and were left as they were.');
  });

  it('says so when nothing changed, and when the device was not asked', () => {
    expect(changesSummary({ hardware: {}, camerasAdded: [], camerasMissing: [], cameras: [] })).toMatch(/nothing changed/);
    expect(changesSummary(null)).toBe('Saved.');
    expect(describeHardwareChanges({ hardware: { serial: { from: null, to: 'X1' } }, camerasAdded: [], camerasMissing: [], cameras: [] }))
      .toEqual([{ kind: 'device', text: 'Serial number: (none) → X1' }]);
  });
});
