import { describe, expect, it } from 'vitest';
import type { BookmarkBody, EvidenceLockBody } from '../api/apiTypes';
import { timelineLocks, timelineMarkers, timelineRow } from './timelineModel';

describe('timelineModel', () => {
  it('turns API bodies into millisecond spans and markers', () => {
    const row = timelineRow('Door', {
      cameraId: 'c1',
      recordings: [{ start: '2026-01-01T00:00:00.000Z', end: '2026-01-01T00:01:00.000Z' }],
      motion: [{ start: '2026-01-01T00:00:10.000Z', end: '2026-01-01T00:00:20.000Z' }],
    });
    expect(row).toEqual({
      cameraId: 'c1', label: 'Door',
      recordings: [{ startMs: Date.UTC(2026, 0, 1), endMs: Date.UTC(2026, 0, 1, 0, 1) }],
      motion: [{ startMs: Date.UTC(2026, 0, 1, 0, 0, 10), endMs: Date.UTC(2026, 0, 1, 0, 0, 20) }],
    });
    const bookmark = { id: 'b', cameraIds: ['c1'], time: '2026-01-01T00:00:30.000Z' } as BookmarkBody;
    expect(timelineMarkers([bookmark])).toEqual([{ id: 'b', cameraIds: ['c1'], timeMs: Date.UTC(2026, 0, 1, 0, 0, 30) }]);
    const lock = { id: 'l', cameraIds: ['c1', 'c2'], from: '2026-01-01T00:00:00.000Z', to: '2026-01-01T01:00:00.000Z' } as EvidenceLockBody;
    expect(timelineLocks([lock])).toEqual([{ id: 'l', cameraIds: ['c1', 'c2'], startMs: Date.UTC(2026, 0, 1), endMs: Date.UTC(2026, 0, 1, 1) }]);
  });
});
