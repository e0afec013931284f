import { describe, expect, it } from 'vitest';
import type { CameraBody } from '@nightjar/vms-core';
import { choiceProblems, choiceUpdates, initialChoices } from './addedCameras';
import type { AddHardwareResult } from './devicesApi';

const camera = (id: string, name: string): CameraBody => ({
  id, hardwareId: 'h1', deviceKey: id, name, enabled: true, streams: [], recordStream: 'main', liveStream: 'main', storageId: 'live',
  policy: { mode: 'always', preBufferSeconds: 3, postBufferSeconds: 5, keyFramesOnly: false, manualMaxMinutes: 5 },
  motion: { enabled: false, sensitivity: 60, exclusions: [], keyFramesOnly: true }, transport: 'tcp', group: '', ptz: { supported: false, panTilt: false, zoom: false },
});
const results: AddHardwareResult[] = [{ hardware: { id: 'h1', driver: 'onvif', address: 'x', name: 'Dual' }, cameras: [camera('c1', 'Dual 1'), camera('c2', 'Dual 2')] }];

describe('cameras of added hardware', () => {
  it('starts from what the site made, and updates only the cameras changed', () => {
    const choices = initialChoices(results);
    expect(choices).toEqual({ c1: { name: 'Dual 1', enabled: true }, c2: { name: 'Dual 2', enabled: true } });
    expect(choiceUpdates(results, choices)).toEqual([]);
    expect(choiceUpdates(results, { ...choices, c1: { name: ' Entrance ', enabled: true }, c2: { name: 'Dual 2', enabled: false } })).toEqual([
      { cameraId: 'c1', body: { name: 'Entrance' } }, { cameraId: 'c2', body: { enabled: false } },
    ]);
  });

  it('needs a name for each camera', () => {
    expect(choiceProblems({ c1: { name: ' ', enabled: false }, c2: { name: 'ok', enabled: true } })).toEqual({ c1: 'The camera needs a name.' });
  });
});
