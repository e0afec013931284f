import type { Migration } from '../../../base/node/sqlite';

/**
 * Smart Client views stored on the site, and camera groups for its camera tree.
 *
 * The table is `saved_view`: VIEW is an SQL keyword. Layout and camera list are JSON, read and
 * written whole (a view is always replaced as one, guarded by `revision`), never queried inside.
 *
 * A view's owner is not a foreign key: when a user is deleted, their private views go with them
 * (the trigger below), while their shared views stay for everyone else and may then be changed
 * only by users who manage configuration (management/common/view.ts, canEditView).
 *
 * `group_path` is a camera's place in the tree, "Building A/Lobby"; '' is the top level.
 */
export const m004Views: Migration = {
  version: 4,
  name: 'views',
  sql: `
CREATE TABLE saved_view (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  shared INTEGER NOT NULL CHECK (shared IN (0, 1)),
  owner_id TEXT NOT NULL,
  layout_id TEXT NOT NULL,
  -- ViewLayout as JSON: {columns, rows, tiles: [{x, y, width, height}]}
  layout TEXT NOT NULL,
  -- JSON array, a camera id or null per tile
  camera_ids TEXT NOT NULL,
  revision INTEGER NOT NULL,
  -- ms since the epoch
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX saved_view_owner ON saved_view (owner_id);

CREATE TRIGGER saved_view_owner_deleted AFTER DELETE ON user BEGIN
  DELETE FROM saved_view WHERE owner_id = old.id AND shared = 0;
END;

ALTER TABLE camera ADD COLUMN group_path TEXT NOT NULL DEFAULT '';
`,
};
