import { describe, expect, it } from 'vitest';
import type { SystemStatusBody } from '@nightjar/vms-core';
import { cameraRows, hasProblem } from './cameraRows';

const camera = (cameraId: string, name: string, connection: string | null, enabled = true) => ({
  cameraId, name, enabled, connection, fps: 0, bitrateBitsPerSecond: 0, recording: false, storageId: 'live', storageUsedBytes: 0,
});

const status: SystemStatusBody = {
  at: '2026-01-01T00:00:00Z',
  servers: [{
    id: 's', name: 'Recorder A', uptimeSeconds: 1, intervalMs: 2000,
    cpu: { processPercent: 0, systemPercent: 0, cores: 1 }, memory: { processRssBytes: 0, systemTotalBytes: 1, systemFreeBytes: 1 },
    storages: [{ id: 'live', name: 'Fast disk', path: '/x', usedBytes: 0, maxBytes: 1, diskTotalBytes: 1, diskFreeBytes: 1, writeBytesPerSecond: 0 }],
    cameras: [camera('1', 'Gate 10', 'streaming'), camera('2', 'Gate 9', 'lost'), camera('3', 'Yard', null, false), camera('4', 'Dock', 'connecting')],
  }],
};

describe('camera rows of the system monitor', () => {
  it('counts enabled cameras without video as problems, not disabled ones', () => {
    expect(hasProblem({ enabled: true, connection: 'lost' })).toBe(true);
    expect(hasProblem({ enabled: true, connection: null })).toBe(true);
    expect(hasProblem({ enabled: false, connection: null })).toBe(false);
    expect(hasProblem({ enabled: true, connection: 'streaming' })).toBe(false);
  });

  it('puts problems first, then names in natural order, with the storage named', () => {
    const rows = cameraRows(status, { text: '', problemsOnly: false });
    expect(rows.map((r) => r.name)).toEqual(['Dock', 'Gate 9', 'Gate 10', 'Yard']);
    expect(rows[0]).toMatchObject({ serverName: 'Recorder A', storageName: 'Fast disk', problem: true });
  });

  it('filters by every word over camera, server and storage names, and to problems', () => {
    expect(cameraRows(status, { text: 'gate', problemsOnly: false }).map((r) => r.cameraId)).toEqual(['2', '1']);
    expect(cameraRows(status, { text: 'GATE fast', problemsOnly: true }).map((r) => r.cameraId)).toEqual(['2']);
    expect(cameraRows(status, { text: 'nothing', problemsOnly: false })).toEqual([]);
  });
});
