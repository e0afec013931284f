import { describe, expect, it } from 'vitest';
import { extensionProblem, lockProblems, lockRequest, lockStatus } from './lockForm';
import type { LockForm } from './lockForm';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const DAY = 86_400_000;
const form = (patch: Partial<LockForm> = {}): LockForm => ({
  cameraIds: ['a'], fromMs: NOW - 3_600_000, toMs: NOW - 1_800_000, untilMs: null, reason: 'Case 2026-114', ...patch,
});

describe('evidence lock forms', () => {
  it('accepts an indefinite lock and one until a future date', () => {
    expect(lockProblems(form(), NOW)).toEqual({});
    expect(lockProblems(form({ untilMs: NOW + 30 * DAY }), NOW)).toEqual({});
  });

  it('names what is missing or wrong', () => {
    expect(lockProblems(form({ cameraIds: [], reason: ' ', untilMs: NOW - 1, toMs: NOW - 4_000_000 }), NOW)).toEqual({
      cameras: 'Choose at least one camera.', range: 'The end must be after the start.',
      until: 'Protection must last into the future.', reason: 'Say why the video is kept (case number, incident).',
    });
    expect(lockProblems(form({ untilMs: Number.NaN }), NOW).until).toMatch(/Enter a date/);
  });

  it('maps to the API body, null meaning indefinitely', () => {
    expect(lockRequest(form({ cameraIds: ['a', 'a'], reason: ' x ' }))).toEqual({
      cameraIds: ['a'], from: '2026-03-01T11:00:00.000Z', to: '2026-03-01T11:30:00.000Z', until: null, reason: 'x',
    });
    expect(lockRequest(form({ untilMs: NOW + DAY })).until).toBe('2026-03-02T12:00:00.000Z');
  });

  it('lets an extension only protect longer', () => {
    const lock = { until: new Date(NOW + DAY).toISOString() };
    expect(extensionProblem(lock, null, NOW)).toBeUndefined();
    expect(extensionProblem(lock, NOW + 2 * DAY, NOW)).toBeUndefined();
    expect(extensionProblem(lock, NOW + DAY / 2, NOW)).toMatch(/later/);
    expect(extensionProblem({ until: null }, NOW + 2 * DAY, NOW)).toMatch(/indefinitely/);
    expect(extensionProblem({ until: new Date(NOW - 2 * DAY).toISOString() }, NOW - DAY, NOW)).toMatch(/future/);
  });

  it('tells active, indefinite and expired locks apart', () => {
    expect(lockStatus({ until: null }, NOW)).toBe('indefinite');
    expect(lockStatus({ until: new Date(NOW + 1).toISOString() }, NOW)).toBe('active');
    expect(lockStatus({ until: new Date(NOW).toISOString() }, NOW)).toBe('expired');
  });
});
