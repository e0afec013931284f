import { describe, expect, it } from 'vitest';
import type { CameraBody } from '@nightjar/ui';
import { cameraChanges, cameraNameProblem, editsOf, enableOrder } from './enableCameras';

const cam = (id: string, name: string, enabled = true) => ({ id, name, enabled }) as CameraBody;

describe('enable cameras', () => {
  it('sends only what changed per camera, with trimmed names', () => {
    const cameras = [cam('a', 'Gate'), cam('b', 'Yard'), cam('c', 'Dock', false)];
    const edits = { ...editsOf(cameras), a: { name: ' Gate north ', enabled: true }, c: { name: 'Dock', enabled: true } };
    expect(cameraChanges(cameras, edits)).toEqual([{ cameraId: 'a', body: { name: 'Gate north' } }, { cameraId: 'c', body: { enabled: true } }]);
    expect(cameraChanges(cameras, editsOf(cameras))).toEqual([]);
  });

  it('checks names', () => {
    expect(cameraNameProblem(' ')).toMatch(/needs a name/);
    expect(cameraNameProblem('x'.repeat(201))).toMatch(/200/);
    expect(cameraNameProblem('Lobby')).toBeUndefined();
  });

  it('lists the cameras just added first', () => {
    const cameras = [cam('a', 'Yard'), cam('b', 'Gate'), cam('n2', 'New 2'), cam('n1', 'New 1')];
    expect(enableOrder(cameras, ['n1', 'n2']).map((c) => c.id)).toEqual(['n1', 'n2', 'b', 'a']);
  });
});
