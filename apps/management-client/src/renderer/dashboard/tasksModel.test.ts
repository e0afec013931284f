import { describe, expect, it } from 'vitest';
import type { ExportJobBody } from '@nightjar/ui';
import { exportTaskRow, taskRows } from './tasksModel';

const job = (id: string, state: string, o: Partial<ExportJobBody> = {}): ExportJobBody => ({
  id, state, progress: 0.5, format: 'mp4', cameraIds: ['a', 'b', 'c'], from: '2026-01-01T10:00:00Z', to: '2026-01-01T10:05:00Z',
  createdAt: '2026-01-01T11:00:00Z', files: [], ...o,
});
const names: Record<string, string> = { a: 'Gate', b: 'Yard', c: 'Dock' };
const now = Date.parse('2026-01-01T11:01:30Z');

describe('current tasks', () => {
  it('describes an export job with its cameras, progress and elapsed time', () => {
    const row = exportTaskRow(job('1', 'running'), (id) => names[id] ?? id, now);
    expect(row).toMatchObject({ title: 'Export (MP4)', active: true, percent: 50, duration: '1 min 30 s', state: { tone: 'ok', label: 'Running' } });
    expect(row.detail).toMatch(/^Gate, Yard and 1 more · /);
  });

  it('shows a finished job as complete with its files, and a failure with its reason', () => {
    const done = exportTaskRow(job('2', 'done', { progress: 0.99, finishedAt: '2026-01-01T11:00:10Z', files: [{ name: 'x.mp4', bytes: 2048, downloadUrl: '' }] }), String, now);
    expect(done).toMatchObject({ percent: 100, active: false, duration: '10 s', result: '1 file, 2.0 KiB' });
    const failed = exportTaskRow(job('3', 'failed', { error: { code: 'VMS_ERR_NOT_FOUND', message: 'no recordings' } }), String, now);
    expect(failed.result).toBe('no recordings');
    expect(failed.state.tone).toBe('error');
  });

  it('lists running and queued jobs first, then the newest, and can hide finished ones', () => {
    const jobs = [
      job('old', 'done', { createdAt: '2026-01-01T09:00:00Z' }),
      job('new', 'cancelled', { createdAt: '2026-01-01T12:00:00Z' }),
      job('q', 'queued', { createdAt: '2026-01-01T08:00:00Z' }),
    ];
    expect(taskRows(jobs, String, now, false).map((r) => r.id)).toEqual(['q', 'new', 'old']);
    expect(taskRows(jobs, String, now, true).map((r) => r.id)).toEqual(['q']);
  });
});
