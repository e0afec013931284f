import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatInstant, fromDateTimeLocal, toDateTimeLocal } from './timeFormat';

describe('timeFormat', () => {
  it('round-trips an instant through the datetime-local value, to the second', () => {
    const t = new Date(2026, 2, 1, 14, 3, 7).getTime();
    expect(toDateTimeLocal(t)).toBe('2026-03-01T14:03:07');
    expect(fromDateTimeLocal(toDateTimeLocal(t))).toBe(t);
    expect(fromDateTimeLocal('2026-03-01 14:03')).toBe(new Date(2026, 2, 1, 14, 3).getTime());
  });

  it('refuses values that are not dates', () => {
    for (const v of ['', '2026-03-01', '2026-02-31T10:00:00', '10:00', 'yesterday']) expect(fromDateTimeLocal(v)).toBeNaN();
  });

  it('leaves the date out for today only', () => {
    const now = new Date(2026, 2, 1, 18, 0, 0).getTime();
    expect(formatInstant(new Date(2026, 2, 1, 9, 5, 1).getTime(), now)).toBe('09:05:01');
    expect(formatInstant(new Date(2026, 1, 28, 9, 5, 1).getTime(), now)).toBe('2026-02-28 09:05:01');
  });

  it('writes durations and sizes compactly', () => {
    expect([12_000, 200_000, 3_900_000, 2 * 86_400_000 + 3_600_000].map(formatDuration)).toEqual(['12 s', '3 min 20 s', '1 h 05 min', '2 d 1 h']);
    expect([512, 12_300, 820_000_000, 1_400_000_000].map(formatBytes)).toEqual(['512 B', '12.3 kB', '820 MB', '1.4 GB']);
  });
});
