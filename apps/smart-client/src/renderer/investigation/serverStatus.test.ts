import { describe, expect, it } from 'vitest';
import type { CameraStatusBody } from '@nightjar/ui';
import { storageUse, summarizeCameras } from './serverStatus';

const status = (cameraId: string, patch: Partial<CameraStatusBody> = {}): CameraStatusBody => ({
  cameraId, enabled: true, recording: false, manualUntil: null, motion: false, framesWritten: 0, framesLost: 0,
  connection: { state: 'streaming', since: '2026-03-01T10:00:00Z', attempts: 0, framesReceived: 10 }, ...patch,
});

describe('summarizeCameras', () => {
  it('counts states and lists lost cameras before cameras with errors', () => {
    const s = summarizeCameras([
      status('a', { recording: true }),
      status('b', { lastError: { code: 'X', message: 'disk slow', at: '2026-03-01T10:00:00Z' } }),
      status('c', { connection: { state: 'lost', since: '2026-03-01T10:00:00Z', attempts: 3, framesReceived: 0, error: { code: 'Y', message: 'timeout' } } }),
      status('d', { enabled: false, connection: null }),
      status('e', { connection: null }),
    ]);
    expect(s).toMatchObject({ total: 5, streaming: 2, recording: 1, lost: 1, disabled: 1, connecting: 1 });
    expect(s.problems).toEqual([{ cameraId: 'c', text: 'timeout' }, { cameraId: 'b', text: 'disk slow' }]);
  });
});

describe('storageUse', () => {
  it('grades how full a storage is', () => {
    expect(storageUse(50, 100)).toEqual({ fraction: 0.5, level: 'ok' });
    expect(storageUse(90, 100).level).toBe('high');
    expect(storageUse(120, 100)).toEqual({ fraction: 1, level: 'full' });
    expect(storageUse(5, 0).fraction).toBe(0);
  });
});
