/**
 * Runs a submitted search: recorded sequences of each camera, motion in the drawn region (smart
 * search) and bookmarks, each a cached query, merged into one ordered list. Each source reports
 * its own failure (a camera without the right, a region search the site refuses), so one
 * refusal does not hide the other results.
 */
import { useQueries, useQuery } from '@tanstack/react-query';
import { bookmarksQuery, motionSearchQuery, sequencesQuery } from '@nightjar/ui';
import type { SiteClient } from '@nightjar/ui';
import type { Region } from './regionGeometry';
import { bookmarkHits, mergeHits, motionHits, recordingHits } from './searchResults';
import type { SearchHit, SearchKind, SearchOrder } from './searchResults';

export interface SearchCriteria {
  fromMs: number;
  toMs: number;
  cameraIds: string[];
  kinds: Record<SearchKind, boolean>;
  /** Words bookmarks must contain (header or description). */
  text: string;
  /** Smart search: the region and the camera it was drawn on. */
  region: Region | null;
  regionCameraId: string | null;
}

export interface SourceProblem {
  source: string;
  error: unknown;
}

export interface SearchOutcome {
  hits: SearchHit[];
  truncated: boolean;
  /** Motion searched more spans than it returned (`truncated` on the site's side). */
  motionTruncated: boolean;
  loading: boolean;
  problems: SourceProblem[];
  /** Cameras the motion search left out for lack of the playback right. */
  skippedCameraIds: string[];
}

const IDLE: SearchOutcome = { hits: [], truncated: false, motionTruncated: false, loading: false, problems: [], skippedCameraIds: [] };

export function useSearch(client: SiteClient, criteria: SearchCriteria | null, order: SearchOrder): SearchOutcome {
  const c = criteria;
  const from = c ? new Date(c.fromMs).toISOString() : '';
  const to = c ? new Date(c.toMs).toISOString() : '';
  const now = Date.now();
  const sequences = useQueries({
    queries: (c?.kinds.recording ? c.cameraIds : []).map((id) => sequencesQuery(client, id, { from, to }, now)),
  });
  const bookmarks = useQuery({
    ...bookmarksQuery(client, { text: c?.text ?? '', from, to, cameraIds: c?.cameraIds ?? [] }),
    enabled: !!c?.kinds.bookmark,
  });
  // Hooks run in the same order every render: without a region the query is built but disabled.
  const motionBody = c?.region && c.regionCameraId
    ? { cameraIds: [c.regionCameraId], from, to, region: c.region }
    : { cameraIds: [], from, to, region: { x: 0, y: 0, width: 1, height: 1 } };
  const motion = useQuery({ ...motionSearchQuery(client, motionBody, now), enabled: !!(c?.kinds.motion && c.region && c.regionCameraId) });

  if (!c) return IDLE;
  const problems: SourceProblem[] = [];
  sequences.forEach((q, i) => q.error && problems.push({ source: `Recordings of ${c.cameraIds[i]}`, error: q.error }));
  if (c.kinds.bookmark && bookmarks.error) problems.push({ source: 'Bookmarks', error: bookmarks.error });
  if (c.kinds.motion && motion.error) problems.push({ source: 'Motion', error: motion.error });
  const range = { fromMs: c.fromMs, toMs: c.toMs };
  const merged = mergeHits([
    recordingHits(sequences.flatMap((q) => (q.data ? [q.data] : [])), range),
    c.kinds.motion && motion.data ? motionHits(motion.data.hits) : [],
    c.kinds.bookmark && bookmarks.data ? bookmarkHits(bookmarks.data) : [],
  ], order);
  return {
    ...merged,
    motionTruncated: !!(c.kinds.motion && motion.data?.truncated),
    loading: sequences.some((q) => q.isLoading) || (c.kinds.bookmark && bookmarks.isLoading) || (c.kinds.motion && motion.isLoading),
    problems,
    skippedCameraIds: c.kinds.motion ? motion.data?.skippedCameraIds ?? [] : [],
  };
}
