import type { Migration } from '../../../base/node/sqlite';

/**
 * Notifications (issue 6): the site's SMTP server and the notification profiles rules send
 * through (notifications/common/notification.ts).
 *
 * `smtp_settings` has exactly one row (id 1), inserted here empty: no host means no server, and
 * notifications fail with that reason. The password is wrapped with the site key (label
 * "smtp"), as device passwords are; the API never returns it.
 *
 * `notification_profile`: recipients and snapshot cameras as JSON arrays; profiles are few and
 * read whole.
 */
export const m009Notifications: Migration = {
  version: 9,
  name: 'notifications',
  sql: `
CREATE TABLE smtp_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  host TEXT NOT NULL,
  port INTEGER NOT NULL,
  security TEXT NOT NULL CHECK (security IN ('none', 'starttls', 'tls')),
  username TEXT NOT NULL,
  password_wrapped TEXT,
  from_address TEXT NOT NULL,
  from_name TEXT NOT NULL,
  updated_at INTEGER
);
INSERT INTO smtp_settings (id, host, port, security, username, password_wrapped, from_address, from_name, updated_at)
  VALUES (1, '', 25, 'none', '', NULL, '', '', NULL);

CREATE TABLE notification_profile (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description TEXT NOT NULL,
  recipients TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  attach_snapshots INTEGER NOT NULL CHECK (attach_snapshots IN (0, 1)),
  snapshot_camera_ids TEXT NOT NULL,
  time_zone TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
`,
};
