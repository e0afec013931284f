import { describe, expect, it } from 'vitest';
import type { CameraBody } from '@nightjar/vms-core';
import { groupCameras, groupLabel, knownGroups, streamSummary } from './cameraGroups';

const cam = (id: string, name: string, group: string | undefined, hardwareId = 'h1'): CameraBody => ({
  id, hardwareId, deviceKey: id, name, enabled: true, group,
  streams: [{ key: 'main', name: 'Main', url: 'rtsp://x', width: 1280, height: 720 }, { key: 'sub', name: 'Sub', url: 'rtsp://y' }],
  recordStream: 'main', liveStream: 'main', storageId: 'live',
  policy: { mode: 'always', preBufferSeconds: 3, postBufferSeconds: 5, keyFramesOnly: false, manualMaxMinutes: 5 },
  motion: { enabled: false, sensitivity: 60, exclusions: [], keyFramesOnly: true },
  transport: 'tcp', ptz: { supported: false, panTilt: false, zoom: false },
} as CameraBody);

const cameras = [cam('1', 'Camera 10', 'Building B'), cam('2', 'Camera 2', 'Building A/Lobby'), cam('3', 'Gate', ''), cam('4', 'Yard', undefined, 'h2'), cam('5', 'Camera 1', 'Building B')];
const hardware = new Map([['h1', { name: 'Dome', address: '10.0.0.5:80' }], ['h2', { name: 'Bullet', address: 'rtsp://10.0.0.9/live', model: 'B-200' }]]);

describe('camera groups', () => {
  it('puts the top level first, then groups and cameras in natural order', () => {
    expect(groupCameras(cameras, hardware).map((g) => [g.path, g.cameras.map((c) => c.name)])).toEqual([
      ['', ['Gate', 'Yard']], ['Building A/Lobby', ['Camera 2']], ['Building B', ['Camera 1', 'Camera 10']],
    ]);
  });

  it('filters by every word across name, group, hardware and address', () => {
    expect(groupCameras(cameras, hardware, 'CAMERA lobby').flatMap((g) => g.cameras.map((c) => c.id))).toEqual(['2']);
    expect(groupCameras(cameras, hardware, 'B-200').flatMap((g) => g.cameras.map((c) => c.id))).toEqual(['4']);
    expect(groupCameras(cameras, hardware, '10.0.0.9').flatMap((g) => g.cameras.map((c) => c.id))).toEqual(['4']);
    expect(groupCameras(cameras, hardware, 'nothing')).toEqual([]);
  });

  it('labels groups and lists the ones in use', () => {
    expect(groupLabel('')).toBe('Top level');
    expect(groupLabel('Building A/Lobby')).toBe('Building A › Lobby');
    expect(knownGroups(cameras)).toEqual(['Building A/Lobby', 'Building B']);
    expect(streamSummary(cameras[0]!)).toBe('1280×720 · Sub');
  });
});
