/**
 * What the playback timeline draws, from the query cache: each camera's recorded and motion
 * ranges, bookmarks and evidence locks in the fetched range. Answers are turned into the
 * timeline's numbers once, in `select`, not on every frame. A camera whose sequences fail
 * (no right) simply has an empty lane; bookmarks and locks the user may not see are absent.
 */
import { useMemo } from 'react';
import { cameraLabel } from './cameraLabel';
import { useQueries, useQuery } from '@tanstack/react-query';
import { bookmarksQuery, evidenceLocksQuery, sequencesQuery, timelineLocks, timelineMarkers, timelineRow } from '@nightjar/ui';
import type { SiteClient, TimelineLock, TimelineMarker, TimelineRow } from '@nightjar/ui';

export interface TimelineData {
  rows: TimelineRow[];
  bookmarks: TimelineMarker[];
  locks: TimelineLock[];
  loading: boolean;
}

const NO_MARKERS: TimelineMarker[] = [];
const NO_LOCKS: TimelineLock[] = [];

export function useTimelineData(
  client: SiteClient,
  cameraIds: readonly string[],
  cameraNames: ReadonlyMap<string, string>,
  range: { fromMs: number; toMs: number },
): TimelineData {
  const from = new Date(range.fromMs).toISOString();
  const to = new Date(range.toMs).toISOString();
  // "now" decides whether the range is still growing (polled); a minute's precision keeps keys stable.
  const now = Math.floor(Date.now() / 60_000) * 60_000;
  const sequences = useQueries({
    queries: cameraIds.map((id) => ({
      ...sequencesQuery(client, id, { from, to }, now),
      select: (body: Parameters<typeof timelineRow>[1]) => timelineRow(cameraLabel(cameraNames, id), body),
      placeholderData: (previous: unknown) => previous as never,
    })),
  });
  const bookmarks = useQuery({
    ...bookmarksQuery(client, { from, to, cameraIds }),
    enabled: cameraIds.length > 0,
    select: timelineMarkers,
    placeholderData: (previous) => previous,
  });
  const locks = useQuery({ ...evidenceLocksQuery(client), select: timelineLocks });

  const rowData = sequences.map((q) => q.data);
  // A new answer for any camera (its dataUpdatedAt) is what makes new rows; nothing else does.
  const answers = sequences.map((q) => q.dataUpdatedAt).join(',');
  const rows = useMemo(
    () => cameraIds.map((id, i) => rowData[i] ?? { cameraId: id, label: cameraLabel(cameraNames, id), recordings: [], motion: [] }),
    [cameraIds, cameraNames, answers], // rowData changes exactly when `answers` does
  );
  const visibleLocks = useMemo(
    () => (locks.data ?? NO_LOCKS).filter((l) => l.endMs > range.fromMs && l.startMs < range.toMs && l.cameraIds.some((c) => cameraIds.includes(c))),
    [locks.data, range.fromMs, range.toMs, cameraIds],
  );
  return {
    rows,
    bookmarks: bookmarks.data ?? NO_MARKERS,
    locks: visibleLocks,
    loading: sequences.some((q) => q.isLoading),
  };
}
