import { describe, expect, it } from 'vitest';
import { PLAYBACK_SPEEDS } from '@nightjar/ui';
import { speedLabel } from './speedLabel';

describe('speedLabel', () => {
  it('writes every offered speed distinctly', () => {
    const labels = PLAYBACK_SPEEDS.map(speedLabel);
    expect(new Set(labels).size).toBe(PLAYBACK_SPEEDS.length);
    expect(labels).toContain('−16×');
    expect(labels).toContain('½×');
    expect(speedLabel(1)).toBe('1×');
  });
});
