import type { Migration } from '../../../base/node/sqlite';

/**
 * Timeline queries get a lower bound on start: a recording (or motion span) that overlaps
 * [from, to) started after `from − the longest one ever stored`. `span_limit` keeps those
 * longest lengths (updated as recordings close), so a query reads one day of index, not the
 * whole retention. Open recordings and open motion spans have no end and are found through
 * small partial indexes instead.
 */
export const m003SpanBounds: Migration = {
  version: 3,
  name: 'span_bounds',
  sql: `
CREATE TABLE span_limit (
  kind TEXT PRIMARY KEY CHECK (kind IN ('recording', 'motion')),
  max_90k INTEGER NOT NULL
);
INSERT INTO span_limit (kind, max_90k)
  SELECT 'recording', COALESCE(MAX(end_90k - start_90k), 0) FROM recording WHERE end_90k IS NOT NULL;
INSERT INTO span_limit (kind, max_90k)
  SELECT 'motion', COALESCE(MAX(end_90k - start_90k), 0) FROM motion_event WHERE end_90k IS NOT NULL;
CREATE INDEX recording_open ON recording (camera_id, start_90k) WHERE end_90k IS NULL;
DROP INDEX motion_camera_time;
CREATE INDEX motion_camera_span ON motion_event (camera_id, start_90k, end_90k);
CREATE INDEX motion_open ON motion_event (camera_id, start_90k) WHERE end_90k IS NULL;
`,
};
