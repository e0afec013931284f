import { describe, expect, it } from 'vitest';
import { AlarmFloodLimiter } from './alarmFlood';

describe('alarm flood limiter', () => {
  it('admits at most N per definition in any one-second window', () => {
    const limiter = new AlarmFloodLimiter(3);
    const admitted = (id: string, times: number[]) => times.filter((t) => limiter.admit(id, t));
    expect(admitted('a', [0, 100, 200, 300, 999])).toEqual([0, 100, 200]);
    // Another definition has its own budget.
    expect(admitted('b', [500, 500, 500, 500])).toEqual([500, 500, 500]);
    // A second after the first admission there is room for one; the window slides, not resets.
    expect(admitted('a', [1000, 1050, 1100, 1199, 1200])).toEqual([1000, 1100, 1200]);
    limiter.forget('b');
    expect(limiter.admit('b', 600)).toBe(true);
  });
});
