import type { BookmarkBody, EvidenceLockBody, SequencesBody } from '../api/apiTypes';
import type { TimelineLock, TimelineMarker, TimelineRow } from './timelineDraw';
import type { TimeSpan } from './timelineMath';

/*
 * From the API's bodies (ISO date-times) to the timeline's numbers (ms), done once per answer
 * (in a query's `select`) rather than on every frame.
 */

export function spansOf(spans: readonly { start: string; end: string }[]): TimeSpan[] {
  return spans.map((s) => ({ startMs: Date.parse(s.start), endMs: Date.parse(s.end) }));
}

export function timelineRow(label: string, sequences: SequencesBody): TimelineRow {
  return { cameraId: sequences.cameraId, label, recordings: spansOf(sequences.recordings), motion: spansOf(sequences.motion) };
}

export function timelineMarkers(bookmarks: readonly BookmarkBody[]): TimelineMarker[] {
  return bookmarks.map((b) => ({ id: b.id, timeMs: Date.parse(b.time), cameraIds: b.cameraIds }));
}

export function timelineLocks(locks: readonly EvidenceLockBody[]): TimelineLock[] {
  return locks.map((l) => ({ id: l.id, cameraIds: l.cameraIds, startMs: Date.parse(l.from), endMs: Date.parse(l.to) }));
}
