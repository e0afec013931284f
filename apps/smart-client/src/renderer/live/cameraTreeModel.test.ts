import { describe, expect, it } from 'vitest';
import type { CameraBody, CameraStatusBody } from '@nightjar/ui';
import { buildCameraTree, cameraIndicators, filterCameraTree, folderPaths } from './cameraTreeModel';

const cam = (id: string, name: string, group?: string, enabled = true) =>
  ({ id, name, enabled, ...(group === undefined ? {} : { group }) }) as CameraBody;

const CAMERAS = [
  cam('1', 'Cam 10', 'Building A/Lobby'),
  cam('2', 'Cam 2', 'Building A/Lobby'),
  cam('3', 'North door', 'Building A'),
  cam('4', 'Gate'),
  cam('5', 'Dock', ' Warehouse / Loading '),
  cam('6', 'Café', ''),
];

describe('buildCameraTree', () => {
  it('nests folders by group path, counts cameras below each, sorts naturally', () => {
    const root = buildCameraTree(CAMERAS);
    expect(root.count).toBe(6);
    expect(root.folders.map((f) => f.name)).toEqual(['Building A', 'Warehouse']);
    expect(root.cameras.map((c) => c.name)).toEqual(['Café', 'Gate']);
    const a = root.folders[0]!;
    expect(a).toMatchObject({ path: 'Building A', count: 3 });
    expect(a.cameras.map((c) => c.name)).toEqual(['North door']);
    expect(a.folders[0]).toMatchObject({ path: 'Building A/Lobby', name: 'Lobby', count: 2 });
    expect(a.folders[0]!.cameras.map((c) => c.name)).toEqual(['Cam 2', 'Cam 10']);
    // Spaces around segments do not make a second folder.
    expect(root.folders[1]!.folders[0]).toMatchObject({ path: 'Warehouse/Loading', count: 1 });
    expect(folderPaths(root)).toEqual(['Building A', 'Building A/Lobby', 'Warehouse', 'Warehouse/Loading']);
  });

  it('gives an empty root for no cameras', () => {
    expect(buildCameraTree([])).toEqual({ path: '', name: '', folders: [], cameras: [], count: 0 });
  });
});

describe('filterCameraTree', () => {
  const root = buildCameraTree(CAMERAS);

  it('keeps matching cameras and the folders leading to them, with new counts', () => {
    const r = filterCameraTree(root, 'cam')!;
    expect(r.count).toBe(2);
    expect(r.cameras).toEqual([]);
    expect(r.folders.map((f) => f.path)).toEqual(['Building A']);
    expect(r.folders[0]!.cameras).toEqual([]);
    expect(r.folders[0]!.folders[0]!.cameras.map((c) => c.id)).toEqual(['2', '1']);
  });

  it('matches every word in the name or folder path, ignoring case and accents', () => {
    expect(filterCameraTree(root, 'LOBBY 10')!.count).toBe(1);
    expect(filterCameraTree(root, 'building north')!.folders[0]!.cameras.map((c) => c.name)).toEqual(['North door']);
    expect(filterCameraTree(root, 'cafe')!.cameras.map((c) => c.id)).toEqual(['6']);
    expect(filterCameraTree(root, 'warehouse')!.count).toBe(1);
  });

  it('returns the whole tree for an empty query and null when nothing matches', () => {
    expect(filterCameraTree(root, '   ')).toBe(root);
    expect(filterCameraTree(root, 'parking')).toBeNull();
  });
});

describe('cameraIndicators', () => {
  const status = (over: Partial<CameraStatusBody>): CameraStatusBody => ({
    cameraId: '1', enabled: true, recording: false, manualUntil: null, motion: false, framesWritten: 0, framesLost: 0,
    connection: { state: 'streaming', since: '2026-03-01T10:00:00Z', attempts: 1, framesReceived: 10 }, ...over,
  });

  it('shows recording and motion while streaming', () => {
    expect(cameraIndicators(cam('1', 'a'), status({ recording: true, motion: true }))).toEqual({ condition: 'live', recording: true, motion: true });
  });

  it('puts disabled and disconnected above recording', () => {
    expect(cameraIndicators(cam('1', 'a', undefined, false), status({ recording: true })).condition).toBe('disabled');
    expect(cameraIndicators(cam('1', 'a'), status({ enabled: false })).condition).toBe('disabled');
    const lost = cameraIndicators(cam('1', 'a'), status({
      recording: true,
      connection: { state: 'lost', since: 'x', attempts: 3, framesReceived: 0, error: { code: 'VMS_ERR_DEVICE_UNREACHABLE', message: 'no route' } },
    }));
    expect(lost).toEqual({ condition: 'disconnected', recording: false, motion: false, detail: 'no route' });
    expect(cameraIndicators(cam('1', 'a'), status({ connection: null })).condition).toBe('disconnected');
  });

  it('says unknown before the first status and connecting while connecting', () => {
    expect(cameraIndicators(cam('1', 'a'), undefined).condition).toBe('unknown');
    const connecting = status({ connection: { state: 'connecting', since: 'x', attempts: 0, framesReceived: 0 }, motion: true });
    expect(cameraIndicators(cam('1', 'a'), connecting)).toEqual({ condition: 'connecting', recording: false, motion: false });
  });
});
