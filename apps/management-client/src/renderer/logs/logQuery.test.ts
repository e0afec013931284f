import { describe, expect, it } from 'vitest';
import { fromLocalInput, joinPages, nextCursor, rangeProblem, rangeQuery, toLocalInput } from './logQuery';

const now = Date.parse('2026-03-10T12:00:00.000Z');

describe('log ranges', () => {
  it('turns recent spans into a start at the time of the request', () => {
    expect(rangeQuery({ preset: '1h', from: '', to: '' }, now)).toEqual({ from: '2026-03-10T11:00:00.000Z' });
    expect(rangeQuery({ preset: '7d', from: 'ignored', to: '' }, now)).toEqual({ from: '2026-03-03T12:00:00.000Z' });
    expect(rangeQuery({ preset: 'all', from: '', to: '' }, now)).toEqual({});
  });

  it('reads custom dates in local time, open at either end', () => {
    const from = '2026-03-01T08:00';
    const q = rangeQuery({ preset: 'custom', from, to: '' }, now);
    expect(q).toEqual({ from: new Date(2026, 2, 1, 8, 0).toISOString() });
    expect(toLocalInput(fromLocalInput(from)!)).toBe(from);
    expect(fromLocalInput('')).toBeUndefined();
    expect(fromLocalInput('yesterday')).toBeUndefined();
  });

  it('names the field of a custom range that cannot be', () => {
    expect(rangeProblem({ preset: 'custom', from: '2026-03-02T00:00', to: '2026-03-01T00:00' })).toEqual({ field: 'to', message: 'The end must be after the start.' });
    expect(rangeProblem({ preset: 'custom', from: 'x', to: '' })?.field).toBe('from');
    expect(rangeProblem({ preset: 'custom', from: '2026-03-01T00:00', to: '' })).toBeUndefined();
    expect(rangeProblem({ preset: '1h', from: 'x', to: 'y' })).toBeUndefined();
  });
});

describe('paging', () => {
  it('continues from the last entry of a full page and stops after a short one', () => {
    expect(nextCursor([{ seq: 9 }, { seq: 7 }], 2, (e) => e.seq)).toBe(7);
    expect(nextCursor([{ seq: 9 }], 2, (e) => e.seq)).toBeUndefined();
    expect(nextCursor([], 0, (e: { seq: number }) => e.seq)).toBeUndefined();
  });

  it('joins pages without repeating entries', () => {
    expect(joinPages([[{ seq: 5 }, { seq: 4 }], [{ seq: 4 }, { seq: 3 }]], (e) => e.seq).map((e) => e.seq)).toEqual([5, 4, 3]);
  });
});
