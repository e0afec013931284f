import { describe, expect, it } from 'vitest';
import { exportProblems, exportRequest, exportWarning } from './exportForm';
import type { ExportForm } from './exportForm';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const form = (patch: Partial<ExportForm> = {}): ExportForm => ({
  cameraIds: ['a'], fromMs: NOW - 60_000, toMs: NOW - 30_000, format: 'mp4', encrypt: false, password: '', confirm: '',
  destination: { kind: 'download' }, ...patch,
});

describe('exportProblems', () => {
  it('accepts a plain MP4 export', () => {
    expect(exportProblems(form(), NOW)).toEqual({});
  });

  it('puts each problem on its field', () => {
    expect(exportProblems(form({ cameraIds: [] }), NOW)).toEqual({ cameras: 'Choose at least one camera.' });
    expect(exportProblems(form({ cameraIds: Array.from({ length: 65 }, (_, i) => `c${i}`) }), NOW).cameras).toMatch(/64/);
    expect(exportProblems(form({ toMs: NOW - 60_000 }), NOW).range).toBe('The end must be after the start.');
    expect(exportProblems(form({ fromMs: Number.NaN }), NOW).range).toBe('Enter a start and an end.');
    expect(exportProblems(form({ fromMs: NOW + 1000, toMs: NOW + 2000 }), NOW).range).toMatch(/future/);
    expect(exportProblems(form({ destination: { kind: 'folder', path: null } }), NOW)).toEqual({ destination: 'Choose a folder to save the export in.' });
  });

  it('checks the password only for an encrypted native export', () => {
    expect(exportProblems(form({ encrypt: true, password: 'x' }), NOW)).toEqual({});
    expect(exportProblems(form({ format: 'native', encrypt: true, password: 'short' }), NOW).password).toMatch(/8/);
    expect(exportProblems(form({ format: 'native', encrypt: true, password: 'longenough', confirm: 'longenougH' }), NOW).confirm).toBe('The passwords differ.');
    expect(exportProblems(form({ format: 'native', encrypt: true, password: 'longenough', confirm: 'longenough' }), NOW)).toEqual({});
  });
});

describe('exportRequest', () => {
  it('maps the range to ISO instants and sends a password only for encrypted native exports', () => {
    expect(exportRequest(form({ cameraIds: ['a', 'b', 'a'] }))).toEqual({
      cameraIds: ['a', 'b'], from: '2026-03-01T11:59:00.000Z', to: '2026-03-01T11:59:30.000Z', format: 'mp4',
    });
    expect(exportRequest(form({ format: 'mp4', encrypt: true, password: 'longenough' }))).not.toHaveProperty('password');
    expect(exportRequest(form({ format: 'native', encrypt: true, password: 'longenough' })).password).toBe('longenough');
  });
});

describe('exportWarning', () => {
  it('warns about very long and future-reaching ranges without blocking them', () => {
    expect(exportWarning(form(), NOW)).toBeUndefined();
    expect(exportWarning(form({ fromMs: NOW - 2 * 86_400_000 }), NOW)).toMatch(/day/);
    expect(exportWarning(form({ toMs: NOW + 60_000 }), NOW)).toMatch(/future/);
  });
});
