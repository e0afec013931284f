import { describe, expect, it } from 'vitest';
import { ALL_CAMERAS, FeedHolds } from './feedHolds';
import { RecordingRequests } from './recordingRequests';

describe('recording requests', () => {
  it('ends a camera\'s request only when its last one is over', () => {
    const r = new RecordingRequests();
    r.start('a', 'manual', 300_000);
    r.start('a', 'event', 6_000);
    r.start('b', 'event', 4_000);
    expect(r.nextEnd()).toBe(4_000);
    expect(r.expire(5_000)).toEqual(['b']);
    // The event on a ended; the manual recording still runs.
    expect(r.expire(6_000)).toEqual([]);
    expect(r.until('a', 'event')).toBeUndefined();
    expect(r.stop('a', 'manual')).toBe(true);
    expect(r.stop('a', 'manual')).toBe(false);
    expect(r.nextEnd()).toBeUndefined();
  });

  it('extends event requests but never shortens one, and stops manual recording at once', () => {
    const r = new RecordingRequests();
    r.start('a', 'event', 10_000);
    r.start('a', 'event', 8_000);
    expect(r.until('a', 'event')).toBe(10_000);
    r.start('a', 'manual', 60_000);
    expect(r.stop('a', 'manual')).toBe(false);
    expect(r.expire(9_999)).toEqual([]);
    expect(r.expire(10_000)).toEqual(['a']);
    // A manual maximum that runs out ends the request too.
    r.start('b', 'manual', 1_000);
    expect(r.expire(1_000)).toEqual(['b']);
  });
});

describe('feed holds', () => {
  it('lets a camera\'s feed run while any hold covers it, all cameras included', () => {
    const f = new FeedHolds();
    expect(f.allows('a')).toBe(false);
    expect(f.hold(ALL_CAMERAS, 'rule:always')).toBe(true);
    expect(f.hold(ALL_CAMERAS, 'rule:always')).toBe(false);
    expect(f.allows('a')).toBe(true);
    expect(f.allows('added-later')).toBe(true);
    f.hold('a', 'rule:door');
    expect(f.release(ALL_CAMERAS, 'rule:always')).toBe(true);
    expect([f.allows('a'), f.allows('b')]).toEqual([true, false]);
    expect(f.release('a', 'rule:other')).toBe(false);
    f.release('a', 'rule:door');
    expect(f.allows('a')).toBe(false);
  });
});
