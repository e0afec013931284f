import type { Migration } from '../../../base/node/sqlite';
import { m002RecordingSpanIndex } from './002_recording_span_index';
import { m003SpanBounds } from './003_span_bounds';
import { m004MotionGrid } from './004_motion_grid';

/** See docs/design/media-database.md for what each column means and the invariants. */
export const m001Initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE video_params (
  id INTEGER PRIMARY KEY,
  codec TEXT NOT NULL CHECK (codec IN ('h264', 'h265')),
  width INTEGER NOT NULL,
  height INTEGER NOT NULL,
  rfc6381 TEXT NOT NULL,
  -- parameter sets, each as u16 length + bytes: vps*, sps*, pps* with u8 counts first
  param_sets BLOB NOT NULL,
  UNIQUE (param_sets)
);

CREATE TABLE recording (
  -- AUTOINCREMENT: ids (and so file names) are never reused, even after deletion
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  camera_id TEXT NOT NULL,
  stream_key TEXT NOT NULL,
  storage_id TEXT NOT NULL,
  -- path of the frame file relative to the storage folder
  path TEXT NOT NULL UNIQUE,
  -- recordings of one run follow each other without a gap
  run_id INTEGER NOT NULL,
  start_90k INTEGER NOT NULL,
  -- NULL while the recording is open (being written)
  end_90k INTEGER,
  video_params_id INTEGER NOT NULL REFERENCES video_params (id),
  frames INTEGER NOT NULL DEFAULT 0,
  key_frames INTEGER NOT NULL DEFAULT 0,
  -- bytes of the frame file
  file_bytes INTEGER NOT NULL DEFAULT 0,
  -- compact per-frame index (see frameIndex.ts); NULL while open
  frame_index BLOB,
  -- SHA-256 of the frame payloads, in order, as stored; NULL while open
  content_sha256 BLOB,
  -- signature chain: chain_hash = SHA-256(prev chain_hash || metadata || content_sha256)
  prev_chain_hash BLOB,
  chain_hash BLOB,
  signature BLOB,
  -- set when archiving groomed the recording: what it was before (chain stays verifiable)
  groomed TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX recording_camera_time ON recording (camera_id, start_90k);
CREATE INDEX recording_storage_time ON recording (storage_id, start_90k);

CREATE TABLE motion_event (
  id INTEGER PRIMARY KEY,
  camera_id TEXT NOT NULL,
  start_90k INTEGER NOT NULL,
  -- NULL while motion goes on
  end_90k INTEGER
);
CREATE INDEX motion_camera_time ON motion_event (camera_id, start_90k);

-- Files to delete. A row is added in the same transaction that forgets a recording, and
-- removed after the unlink; a crash in between leaves a row that start-up finishes.
CREATE TABLE garbage (
  storage_id TEXT NOT NULL,
  path TEXT NOT NULL,
  PRIMARY KEY (storage_id, path)
);

-- Last chain hash per camera stream, so the chain survives deletion of old recordings.
CREATE TABLE chain_head (
  camera_id TEXT NOT NULL,
  stream_key TEXT NOT NULL,
  chain_hash BLOB NOT NULL,
  PRIMARY KEY (camera_id, stream_key)
);
`,
};

export const mediaMigrations = [m001Initial, m002RecordingSpanIndex, m003SpanBounds, m004MotionGrid];
