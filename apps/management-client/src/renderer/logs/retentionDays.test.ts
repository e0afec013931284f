import { describe, expect, it } from 'vitest';
import { retentionDaysProblem } from './retentionDays';

describe('retention days as typed', () => {
  it('takes 0 (forever) for closed alarms only, and whole days up to ten years', () => {
    const logs = { foreverAllowed: false };
    const alarms = { foreverAllowed: true };
    expect(retentionDaysProblem('0', alarms)).toBeUndefined();
    expect(retentionDaysProblem('0', logs)).toBe('Whole days, 1 to 3650.');
    expect(retentionDaysProblem('90', logs)).toBeUndefined();
    expect(retentionDaysProblem('3650', alarms)).toBeUndefined();
    for (const bad of ['', ' ', '-1', '1.5', '3651', 'ninety']) {
      expect(retentionDaysProblem(bad, alarms), bad).toBe('Whole days, 0 to 3650 (0 keeps them forever).');
    }
  });
});
