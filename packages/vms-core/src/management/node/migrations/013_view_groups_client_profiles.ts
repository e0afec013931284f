import type { Migration } from '../../../base/node/sqlite';

/**
 * View groups and client profiles (issue 5; management/common/viewGroup.ts, clientProfile.ts).
 *
 * Views now live in groups. Every user gets a default private group "Private" (id
 * 'private-<user id>', kept by the triggers below for users created later), and the site one
 * default shared group "Shared" (id 'shared') shown to every role, so a view stored before this
 * sees exactly who saw it before: a private view goes into its owner's "Private", a shared one
 * into "Shared". `saved_view.shared` goes: a view's sharing is its group's kind.
 *
 * SQLite cannot add a NOT NULL column with a reference, so `saved_view` is rebuilt. Its old
 * trigger (private views go with their owner) is dropped first, since a rename checks every
 * trigger naming the table, and comes back as one trigger removing the owner's private views and
 * then their private groups, in that order (views refer to groups).
 *
 * A role has at most one client profile (`client_profile_role.role_id` is the key); the
 * default profile ('default') takes every role without one. Settings are JSON, completed with
 * the defaults when read, so a setting added later needs no migration. The default settings are
 * written out here, not read from clientProfile.ts: a migration must keep doing what it did.
 */
const NOW = "CAST(strftime('%s', 'now') AS INTEGER) * 1000";

const DEFAULT_SETTINGS = JSON.stringify({
  workspaces: ['live', 'playback', 'search', 'alarms'], exportAllowed: true, defaultLayout: '2x2',
  tileTitleBar: true, tileClock: true, defaultExportFormat: 'mp4', idleLogoutMinutes: 0,
});

export const m013ViewGroupsClientProfiles: Migration = {
  version: 13,
  name: 'view_groups_client_profiles',
  sql: `
CREATE TABLE view_group (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('private', 'shared')),
  -- the user a private group belongs to (not a foreign key: the trigger below removes it with its views)
  owner_id TEXT,
  all_roles INTEGER NOT NULL DEFAULT 0 CHECK (all_roles IN (0, 1)),
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  position INTEGER NOT NULL DEFAULT 0,
  -- ms since the epoch
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  CHECK ((kind = 'private') = (owner_id IS NOT NULL)),
  CHECK (kind = 'shared' OR all_roles = 0)
);
-- Names are unique among one user's private groups and among the shared groups.
CREATE UNIQUE INDEX view_group_name ON view_group (COALESCE(owner_id, ''), name COLLATE NOCASE);

CREATE TABLE view_group_role (
  group_id TEXT NOT NULL REFERENCES view_group (id) ON DELETE CASCADE,
  role_id TEXT NOT NULL REFERENCES role (id) ON DELETE CASCADE,
  PRIMARY KEY (group_id, role_id)
);

INSERT INTO view_group (id, name, kind, owner_id, all_roles, is_default, position, created_at, updated_at)
  VALUES ('shared', 'Shared', 'shared', NULL, 1, 1, 0, ${NOW}, ${NOW});
INSERT OR IGNORE INTO view_group (id, name, kind, owner_id, all_roles, is_default, position, created_at, updated_at)
  SELECT 'private-' || owner, 'Private', 'private', owner, 0, 1, 0, ${NOW}, ${NOW}
  FROM (SELECT id AS owner FROM user UNION SELECT owner_id FROM saved_view WHERE shared = 0);

DROP TRIGGER saved_view_owner_deleted;
CREATE TABLE saved_view_grouped (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  group_id TEXT NOT NULL REFERENCES view_group (id),
  owner_id TEXT NOT NULL,
  layout_id TEXT NOT NULL,
  layout TEXT NOT NULL,
  camera_ids TEXT NOT NULL,
  revision INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
INSERT INTO saved_view_grouped (id, name, group_id, owner_id, layout_id, layout, camera_ids, revision, created_at, updated_at)
  SELECT id, name, CASE WHEN shared = 1 THEN 'shared' ELSE 'private-' || owner_id END, owner_id, layout_id, layout, camera_ids, revision, created_at, updated_at
  FROM saved_view;
DROP TABLE saved_view;
ALTER TABLE saved_view_grouped RENAME TO saved_view;
CREATE INDEX saved_view_owner ON saved_view (owner_id);
CREATE INDEX saved_view_group ON saved_view (group_id);

CREATE TRIGGER user_created_private_group AFTER INSERT ON user BEGIN
  INSERT OR IGNORE INTO view_group (id, name, kind, owner_id, all_roles, is_default, position, created_at, updated_at)
    VALUES ('private-' || new.id, 'Private', 'private', new.id, 0, 1, 0, ${NOW}, ${NOW});
END;
CREATE TRIGGER user_deleted_private_groups AFTER DELETE ON user BEGIN
  DELETE FROM saved_view WHERE group_id IN (SELECT id FROM view_group WHERE owner_id = old.id);
  DELETE FROM view_group WHERE owner_id = old.id;
END;

CREATE TABLE client_profile (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description TEXT NOT NULL DEFAULT '',
  is_default INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  -- priority: lower first; the default profile is last whatever its number
  position INTEGER NOT NULL DEFAULT 0,
  -- ClientProfileSettings as JSON
  settings TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE TABLE client_profile_role (
  role_id TEXT PRIMARY KEY REFERENCES role (id) ON DELETE CASCADE,
  profile_id TEXT NOT NULL REFERENCES client_profile (id) ON DELETE CASCADE
);
CREATE INDEX client_profile_role_profile ON client_profile_role (profile_id);

INSERT INTO client_profile (id, name, description, is_default, position, settings, created_at, updated_at)
  VALUES ('default', 'Default', 'Used by every role without a profile of its own.', 1, 0, '${DEFAULT_SETTINGS}', ${NOW}, ${NOW});
`,
};
