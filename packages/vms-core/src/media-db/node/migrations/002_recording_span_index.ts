import type { Migration } from '../../../base/node/sqlite';

/**
 * The timeline query (MediaDb.listSequences, listRecordings) needs only the camera, start and
 * end of each recording. With end_90k in the index it never reads the table rows, which carry
 * the ~6 KB frame index of a one-minute recording and so sit about two to a page: 16 cameras
 * over one day went from ~23,000 row reads to a few hundred index pages (bench/indexQuery.ts,
 * docs/benchmarks.md). The old (camera_id, start_90k) index is a prefix of the new one.
 */
export const m002RecordingSpanIndex: Migration = {
  version: 2,
  name: 'recording_span_index',
  sql: `
CREATE INDEX recording_camera_span ON recording (camera_id, start_90k, end_90k);
DROP INDEX recording_camera_time;
`,
};
