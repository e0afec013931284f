import type { Migration } from '../../../base/node/sqlite';

/**
 * Bookmarks, and who extended an evidence lock.
 *
 * A bookmark's cameras are rows of bookmark_camera, not a JSON list as evidence locks have:
 * search filters by camera and by "all cameras visible to the caller", both of which are
 * plain joins this way. `start_at`/`end_at` repeat at - pre and at + post so a time-range
 * search is an indexed comparison.
 *
 * Text search is an FTS5 index with the trigram tokenizer: it finds any substring of three
 * or more characters ignoring case ("lorr" finds "Lorry"), which is how operators type into a
 * search box; shorter words fall back to LIKE. The index is an external-content table kept in
 * step by triggers, so the text is stored once. It keys on `seq`, an INTEGER PRIMARY KEY,
 * because the implicit rowid of a table without one may change on VACUUM and break the link.
 */
export const m003Bookmarks: Migration = {
  version: 3,
  name: 'bookmarks',
  sql: `
CREATE TABLE bookmark (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  -- ms since the epoch
  at INTEGER NOT NULL,
  pre_seconds REAL NOT NULL,
  post_seconds REAL NOT NULL,
  start_at INTEGER NOT NULL,
  end_at INTEGER NOT NULL,
  header TEXT NOT NULL,
  description TEXT NOT NULL,
  -- user names, as evidence locks record them
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_by TEXT,
  updated_at INTEGER
);
CREATE INDEX bookmark_at ON bookmark (at);
CREATE INDEX bookmark_start ON bookmark (start_at);

CREATE TABLE bookmark_camera (
  bookmark_id TEXT NOT NULL REFERENCES bookmark (id) ON DELETE CASCADE,
  camera_id TEXT NOT NULL REFERENCES camera (id) ON DELETE CASCADE,
  -- order given by the user, so the list reads back as written
  position INTEGER NOT NULL,
  PRIMARY KEY (bookmark_id, camera_id)
);
CREATE INDEX bookmark_camera_camera ON bookmark_camera (camera_id);

CREATE VIRTUAL TABLE bookmark_text USING fts5 (
  header, description, content = 'bookmark', content_rowid = 'seq', tokenize = 'trigram'
);
CREATE TRIGGER bookmark_text_insert AFTER INSERT ON bookmark BEGIN
  INSERT INTO bookmark_text (rowid, header, description) VALUES (new.seq, new.header, new.description);
END;
CREATE TRIGGER bookmark_text_delete AFTER DELETE ON bookmark BEGIN
  INSERT INTO bookmark_text (bookmark_text, rowid, header, description) VALUES ('delete', old.seq, old.header, old.description);
END;
CREATE TRIGGER bookmark_text_update AFTER UPDATE OF header, description ON bookmark BEGIN
  INSERT INTO bookmark_text (bookmark_text, rowid, header, description) VALUES ('delete', old.seq, old.header, old.description);
  INSERT INTO bookmark_text (rowid, header, description) VALUES (new.seq, new.header, new.description);
END;

ALTER TABLE evidence_lock ADD COLUMN updated_by TEXT;
ALTER TABLE evidence_lock ADD COLUMN updated_at INTEGER;
`,
};
