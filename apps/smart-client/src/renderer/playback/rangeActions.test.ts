import { describe, expect, it } from 'vitest';
import { DEFAULT_MARK_MS, MAX_BOOKMARK_SECONDS, markSelection, rangeBookmark, rangeRequest, viewCameras } from './rangeActions';

describe('rangeActions', () => {
  it('takes each camera of the view once, in tile order', () => {
    expect(viewCameras(['b', null, 'a', 'b'])).toEqual(['b', 'a']);
  });

  it('marks start and end at the playhead, keeping a valid range', () => {
    expect(markSelection(null, 10_000, 'start')).toEqual({ startMs: 10_000, endMs: 10_000 + DEFAULT_MARK_MS });
    expect(markSelection({ startMs: 0, endMs: 50_000 }, 10_000, 'start')).toEqual({ startMs: 10_000, endMs: 50_000 });
    expect(markSelection({ startMs: 0, endMs: 5_000 }, 10_000, 'start')).toEqual({ startMs: 10_000, endMs: 10_000 + DEFAULT_MARK_MS });
    expect(markSelection({ startMs: 0, endMs: 5_000 }, 10_000, 'end')).toEqual({ startMs: 0, endMs: 10_000 });
    expect(markSelection({ startMs: 20_000, endMs: 30_000 }, 10_000, 'end')).toEqual({ startMs: 10_000 - DEFAULT_MARK_MS, endMs: 10_000 });
  });

  it('maps a selection to whole-millisecond requests and a bookmark over its length', () => {
    expect(rangeRequest({ startMs: 1000.4, endMs: 2000.2 }, ['a'])).toEqual({ cameraIds: ['a'], from: 1000, to: 2001 });
    expect(rangeBookmark({ startMs: 1000, endMs: 31_500 })).toEqual({ atMs: 1000, postSeconds: 31 });
    expect(rangeBookmark({ startMs: 0, endMs: 3 * 86_400_000 }).postSeconds).toBe(MAX_BOOKMARK_SECONDS);
  });
});
