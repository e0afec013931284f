/**
 * Search results from three sources — recorded sequences, motion in a region, bookmarks — as one
 * list an operator can scan: each hit has a camera (or several), a span, and the instant that
 * opens it in playback. Merging and ordering are pure, so the list is tested without a site.
 */
import type { BookmarkBody, SequencesBody } from '@nightjar/ui';

export type SearchHit =
  | { kind: 'recording'; key: string; cameraIds: [string]; startMs: number; endMs: number; atMs: number }
  | { kind: 'motion'; key: string; cameraIds: [string]; startMs: number; endMs: number; atMs: number; cells: number }
  | { kind: 'bookmark'; key: string; cameraIds: string[]; startMs: number; endMs: number; atMs: number; header: string; description: string; createdBy: string };

export type SearchKind = SearchHit['kind'];
export type SearchOrder = 'newest' | 'oldest';

/** A motion hit as the searchMotion answer carries it. */
export interface MotionHit {
  cameraId: string;
  start: string;
  end: string;
  cells: number;
}

/** Recorded sequences, cut to the searched range (a run may start before it or still be going). */
export function recordingHits(bodies: readonly SequencesBody[], range: { fromMs: number; toMs: number }): SearchHit[] {
  return bodies.flatMap((b) => b.recordings.flatMap((r): SearchHit[] => {
    const startMs = Math.max(range.fromMs, Date.parse(r.start));
    const endMs = Math.min(range.toMs, Date.parse(r.end));
    if (!(endMs > startMs)) return [];
    return [{ kind: 'recording', key: `r|${b.cameraId}|${startMs}`, cameraIds: [b.cameraId], startMs, endMs, atMs: startMs }];
  }));
}

export function motionHits(hits: readonly MotionHit[]): SearchHit[] {
  return hits.map((h) => {
    const startMs = Date.parse(h.start);
    return { kind: 'motion', key: `m|${h.cameraId}|${startMs}`, cameraIds: [h.cameraId], startMs, endMs: Date.parse(h.end), atMs: startMs, cells: h.cells };
  });
}

export function bookmarkHits(bookmarks: readonly BookmarkBody[]): SearchHit[] {
  return bookmarks.map((b) => {
    const atMs = Date.parse(b.time);
    return {
      kind: 'bookmark', key: `b|${b.id}`, cameraIds: [...b.cameraIds], atMs,
      startMs: atMs - b.preSeconds * 1000, endMs: atMs + b.postSeconds * 1000,
      header: b.header, description: b.description, createdBy: b.createdBy,
    };
  });
}

const KIND_ORDER: Record<SearchKind, number> = { bookmark: 0, motion: 1, recording: 2 };

/**
 * One list, by the instant each hit opens at, newest or oldest first; at the same instant a
 * bookmark (someone's judgement) comes before motion, and motion before plain recording.
 * `limit` keeps the list scannable; `truncated` says that more matched.
 */
export function mergeHits(lists: readonly (readonly SearchHit[])[], order: SearchOrder, limit = 500): { hits: SearchHit[]; truncated: boolean } {
  const seen = new Set<string>();
  const all = lists.flat().filter((h) => !seen.has(h.key) && seen.add(h.key));
  const sign = order === 'newest' ? -1 : 1;
  all.sort((a, b) => sign * (a.atMs - b.atMs) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.cameraIds[0]!.localeCompare(b.cameraIds[0]!));
  return { hits: all.slice(0, limit), truncated: all.length > limit };
}

/** Counts per kind, for the filter chips above the results. */
export function countByKind(hits: readonly SearchHit[]): Record<SearchKind, number> {
  const counts: Record<SearchKind, number> = { recording: 0, motion: 0, bookmark: 0 };
  for (const h of hits) counts[h.kind]++;
  return counts;
}
