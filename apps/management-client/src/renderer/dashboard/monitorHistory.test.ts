import { describe, expect, it } from 'vitest';
import type { SystemStatusBody } from '@nightjar/vms-core';
import { EMPTY_HISTORY, recordReading, samplesOf, seriesKey } from './monitorHistory';

function status(at: string, fps: number, cameras = ['cam-1']): SystemStatusBody {
  return {
    at,
    servers: [{
      id: 'srv', name: 'Recorder', uptimeSeconds: 10, intervalMs: 2000,
      cpu: { processPercent: 5, systemPercent: 40, cores: 2 },
      memory: { processRssBytes: 100, systemTotalBytes: 1000, systemFreeBytes: 250 },
      storages: [{ id: 'live', name: 'Live', path: '/x', usedBytes: 1, maxBytes: 10, diskTotalBytes: 100, diskFreeBytes: 50, writeBytesPerSecond: 900 }],
      cameras: cameras.map((cameraId) => ({
        cameraId, name: cameraId, enabled: true, connection: 'streaming', fps, bitrateBitsPerSecond: 4000, recording: true, storageId: 'live', storageUsedBytes: 0,
      })),
    }],
  };
}

describe('monitor history', () => {
  it('takes one sample per figure of a reading', () => {
    const s = samplesOf(status('t1', 25));
    expect(s).toEqual({ 'cpu:srv': 40, 'mem:srv': 750, 'write:live': 900, 'fps:cam-1': 25, 'bitrate:cam-1': 4000 });
  });

  it('appends readings, ignores one seen twice, and keeps the last few', () => {
    let h = EMPTY_HISTORY;
    for (let i = 0; i < 5; i++) h = recordReading(h, `t${i}`, samplesOf(status(`t${i}`, i)), 3);
    expect(h.series[seriesKey.fps('cam-1')]).toEqual([2, 3, 4]);
    const same = recordReading(h, 't4', samplesOf(status('t4', 99)), 3);
    expect(same).toBe(h);
  });

  it('drops the series of a camera that is gone', () => {
    let h = recordReading(EMPTY_HISTORY, 'a', samplesOf(status('a', 25, ['cam-1', 'cam-2'])));
    h = recordReading(h, 'b', samplesOf(status('b', 25, ['cam-2'])));
    expect(Object.keys(h.series)).not.toContain(seriesKey.fps('cam-1'));
    expect(h.series[seriesKey.fps('cam-2')]).toEqual([25, 25]);
  });
});
