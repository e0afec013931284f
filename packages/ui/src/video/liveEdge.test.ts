import { describe, expect, it } from 'vitest';
import { liveSeekTarget, trimRange } from './liveEdge';

describe('liveSeekTarget', () => {
  it('leaves a playhead that is close to the live edge', () => {
    expect(liveSeekTarget([{ start: 0, end: 5 }], 4.6)).toBeUndefined();
  });

  it('jumps to just behind the edge when more than 0.5 s behind', () => {
    expect(liveSeekTarget([{ start: 0, end: 5 }], 4.4)).toBeCloseTo(4.9);
  });

  it('moves a playhead before the first fragment into the buffer', () => {
    expect(liveSeekTarget([{ start: 12.3, end: 12.34 }], 0)).toBeCloseTo(12.3);
  });

  it('moves a playhead stuck in a gap to the newest range', () => {
    expect(liveSeekTarget([{ start: 0, end: 3 }, { start: 3.5, end: 3.8 }], 3.2)).toBeCloseTo(3.7);
  });

  it('does nothing without data', () => {
    expect(liveSeekTarget([], 0)).toBeUndefined();
  });
});

describe('trimRange', () => {
  it('keeps the last 10 s behind the playhead', () => {
    expect(trimRange([{ start: 0, end: 30 }], 29.9)).toEqual({ start: 0, end: expect.closeTo(19.9) });
  });

  it('waits until at least a second can go', () => {
    expect(trimRange([{ start: 0, end: 10.5 }], 10.5)).toBeUndefined();
    expect(trimRange([], 50)).toBeUndefined();
  });
});
