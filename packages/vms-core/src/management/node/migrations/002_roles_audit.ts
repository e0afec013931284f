import type { Migration } from '../../../base/node/sqlite';

/**
 * Roles with per-camera rights, user membership, rotating token pairs and the audit log.
 *
 * Existing users keep what they could do: 'administrator' becomes a member of the built-in
 * Administrators role (everything, cannot be deleted or changed); 'operator' becomes a member
 * of Operators, created here with live + playback + bookmarkView on all cameras and no admin
 * flag (operators could read and record before, never change configuration). Operators is
 * an ordinary role from then on: administrators may edit or delete it.
 *
 * The old 8-hour tokens are dropped: every client signs in again and gets a token pair.
 */
export const m002RolesAudit: Migration = {
  version: 2,
  name: 'roles_audit',
  sql: `
CREATE TABLE role (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  builtin INTEGER NOT NULL DEFAULT 0,
  manage_configuration INTEGER NOT NULL DEFAULT 0,
  manage_users INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);

CREATE TABLE role_grant (
  id INTEGER PRIMARY KEY,
  role_id TEXT NOT NULL REFERENCES role (id) ON DELETE CASCADE,
  -- NULL: all cameras, including ones added later
  camera_id TEXT REFERENCES camera (id) ON DELETE CASCADE,
  -- JSON array of CameraRight
  rights TEXT NOT NULL,
  -- JSON TimeProfile, or NULL for always
  time_profile TEXT
);
CREATE INDEX role_grant_role ON role_grant (role_id);

CREATE TABLE user_role (
  user_id TEXT NOT NULL REFERENCES user (id) ON DELETE CASCADE,
  role_id TEXT NOT NULL REFERENCES role (id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, role_id)
);

INSERT INTO role (id, name, builtin, manage_configuration, manage_users, created_at)
  VALUES ('administrators', 'Administrators', 1, 1, 1, CAST(strftime('%s', 'now') AS INTEGER) * 1000),
         ('operators', 'Operators', 0, 0, 0, CAST(strftime('%s', 'now') AS INTEGER) * 1000);
INSERT INTO role_grant (role_id, camera_id, rights) VALUES ('operators', NULL, '["live","playback","bookmarkView"]');
INSERT INTO user_role (user_id, role_id) SELECT id, 'administrators' FROM user WHERE role = 'administrator';
INSERT INTO user_role (user_id, role_id) SELECT id, 'operators' FROM user WHERE role = 'operator';
ALTER TABLE user DROP COLUMN role;

DROP TABLE token;
CREATE TABLE token (
  -- SHA-256 of the bearer token; the token itself is never stored
  token_hash TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('access', 'refresh')),
  user_id TEXT NOT NULL REFERENCES user (id) ON DELETE CASCADE,
  -- one login: every pair rotated from it shares the family, so reuse or logout revokes all
  family_id TEXT NOT NULL,
  expires_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  revoked_at INTEGER,
  -- 'rotated' (refresh used once), 'logout', 'reuse', 'password'
  revoked_reason TEXT
);
CREATE INDEX token_family ON token (family_id);
CREATE INDEX token_user ON token (user_id);

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  user_id TEXT,
  username TEXT,
  source TEXT,
  action TEXT NOT NULL,
  target TEXT,
  outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'failed')),
  -- JSON: what changed, or why it failed
  details TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
`,
};
