import type { Migration } from '../../../base/node/sqlite';

/**
 * Motion grids for smart search: which cells of a 16x9 grid changed in each analysed frame
 * with motion (media-db/common/motionGrid.ts). One row holds a chunk of a few seconds of one
 * camera as fixed-size entries, so a day of key-frame analysis is ~8,640 rows of a few hundred
 * bytes rather than ~86,400 tiny ones, and the detector writes one row every ten seconds.
 *
 * WITHOUT ROWID clusters the rows by camera and time, so a search reads the camera's range
 * from contiguous pages. Rows are deleted with the recordings covering their time
 * (MotionGridStore.forgetWithRecording), not by their own retention.
 */
export const m004MotionGrid: Migration = {
  version: 4,
  name: 'motion_grid',
  sql: `
CREATE TABLE motion_grid (
  camera_id TEXT NOT NULL,
  start_90k INTEGER NOT NULL,
  -- time of the last entry; a chunk spans at most MAX_GRID_CHUNK_90K
  end_90k INTEGER NOT NULL,
  -- entries of 22 bytes: u32 little-endian offset from start_90k, then the 18-byte cell mask
  cells BLOB NOT NULL,
  PRIMARY KEY (camera_id, start_90k)
) WITHOUT ROWID;
`,
};
