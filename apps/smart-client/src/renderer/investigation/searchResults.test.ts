import { describe, expect, it } from 'vitest';
import type { BookmarkBody } from '@nightjar/ui';
import { bookmarkHits, countByKind, mergeHits, motionHits, recordingHits } from './searchResults';

const T = (s: string) => Date.parse(`2026-03-01T${s}Z`);
const iso = (s: string) => `2026-03-01T${s}Z`;

const bookmark = (id: string, time: string, patch: Partial<BookmarkBody> = {}): BookmarkBody => ({
  id, cameraIds: ['a'], time: iso(time), preSeconds: 5, postSeconds: 20, header: `B ${id}`, description: '', createdBy: 'op',
  createdAt: iso(time), updatedBy: null, updatedAt: null, ...patch,
});

describe('search results', () => {
  it('cuts recorded runs to the searched range and drops those outside', () => {
    const hits = recordingHits([{ cameraId: 'a', recordings: [
      { start: iso('09:50:00'), end: iso('10:05:00') }, { start: iso('10:30:00'), end: iso('10:40:00') }, { start: iso('12:00:00'), end: iso('12:10:00') },
    ], motion: [] }], { fromMs: T('10:00:00'), toMs: T('11:00:00') });
    expect(hits.map((h) => [h.startMs, h.endMs])).toEqual([[T('10:00:00'), T('10:05:00')], [T('10:30:00'), T('10:40:00')]]);
  });

  it('opens a bookmark at its instant and spans its pre and post time', () => {
    const [hit] = bookmarkHits([bookmark('1', '10:00:00')]);
    expect(hit).toMatchObject({ kind: 'bookmark', atMs: T('10:00:00'), startMs: T('09:59:55'), endMs: T('10:00:20'), header: 'B 1' });
  });

  it('merges the sources newest first, a bookmark before motion before recording at one instant', () => {
    const rec = recordingHits([{ cameraId: 'a', recordings: [{ start: iso('10:00:00'), end: iso('10:10:00') }], motion: [] }], { fromMs: 0, toMs: T('23:00:00') });
    const mot = motionHits([{ cameraId: 'a', start: iso('10:00:00'), end: iso('10:00:05'), cells: 3 }, { cameraId: 'b', start: iso('10:20:00'), end: iso('10:20:02'), cells: 1 }]);
    const bm = bookmarkHits([bookmark('1', '10:00:00'), bookmark('2', '09:00:00')]);
    const newest = mergeHits([rec, mot, bm], 'newest').hits.map((h) => `${h.kind}@${new Date(h.atMs).toISOString().slice(11, 19)}`);
    expect(newest).toEqual(['motion@10:20:00', 'bookmark@10:00:00', 'motion@10:00:00', 'recording@10:00:00', 'bookmark@09:00:00']);
    const oldest = mergeHits([rec, mot, bm], 'oldest').hits.map((h) => h.kind);
    expect(oldest).toEqual(['bookmark', 'bookmark', 'motion', 'recording', 'motion']);
  });

  it('limits the list, says so, and counts kinds', () => {
    const many = motionHits(Array.from({ length: 10 }, (_, i) => ({ cameraId: 'a', start: new Date(T('10:00:00') + i * 1000).toISOString(), end: iso('11:00:00'), cells: 1 })));
    const r = mergeHits([many, many], 'oldest', 4);
    expect(r.hits).toHaveLength(4);
    expect(r.truncated).toBe(true);
    expect(mergeHits([many, many], 'oldest').hits).toHaveLength(10);
    expect(countByKind(many)).toEqual({ recording: 0, motion: 10, bookmark: 0 });
  });
});
