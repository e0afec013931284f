import type { Migration } from '../../../base/node/sqlite';
import { m002RolesAudit } from './002_roles_audit';
import { m003Bookmarks } from './003_bookmarks';
import { m004Views } from './004_views';
import { m005CameraPtz } from './005_camera_ptz';
import { m006SiteConfiguration } from './006_site_configuration';
import { m007EventsRules } from './007_events_rules';
import { m008AlarmDefinitions } from './008_alarm_definitions';
import { m009Notifications } from './009_notifications';
import { m010AnalyticsSources } from './010_analytics_sources';
import { m011DefaultRules } from './011_default_rules';
import { m012AlarmRetention } from './012_alarm_retention';
import { m013ViewGroupsClientProfiles } from './013_view_groups_client_profiles';
import { m014Devices } from './014_devices';

export const m001Initial: Migration = {
  version: 1,
  name: 'initial',
  sql: `
CREATE TABLE user (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  -- scrypt$N$r$p$salt$hash
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('administrator', 'operator')),
  created_at INTEGER NOT NULL
);

CREATE TABLE token (
  -- SHA-256 of the bearer token; the token itself is never stored
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES user (id) ON DELETE CASCADE,
  expires_at INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);

CREATE TABLE storage (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  path TEXT NOT NULL UNIQUE,
  max_bytes INTEGER NOT NULL,
  retention_hours REAL NOT NULL,
  archive_every_minutes INTEGER NOT NULL DEFAULT 60,
  archive_storage_id TEXT REFERENCES storage (id),
  grooming TEXT,
  encrypted INTEGER NOT NULL DEFAULT 0,
  wrapped_key TEXT,
  min_free_bytes INTEGER NOT NULL DEFAULT 1073741824
);

CREATE TABLE hardware (
  id TEXT PRIMARY KEY,
  driver TEXT NOT NULL,
  address TEXT NOT NULL,
  name TEXT NOT NULL,
  username TEXT,
  -- device password wrapped with the site key
  password_wrapped TEXT,
  manufacturer TEXT,
  model TEXT,
  firmware TEXT,
  serial TEXT,
  created_at INTEGER NOT NULL
);

CREATE TABLE camera (
  id TEXT PRIMARY KEY,
  hardware_id TEXT NOT NULL REFERENCES hardware (id) ON DELETE CASCADE,
  device_key TEXT NOT NULL,
  name TEXT NOT NULL,
  enabled INTEGER NOT NULL DEFAULT 1,
  record_stream TEXT NOT NULL,
  live_stream TEXT NOT NULL,
  storage_id TEXT NOT NULL REFERENCES storage (id),
  -- RecordingPolicy and MotionSettings as JSON
  policy TEXT NOT NULL,
  motion TEXT NOT NULL,
  transport TEXT NOT NULL DEFAULT 'tcp',
  created_at INTEGER NOT NULL
);

CREATE TABLE stream (
  camera_id TEXT NOT NULL REFERENCES camera (id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  name TEXT NOT NULL,
  url TEXT NOT NULL,
  codec TEXT,
  width INTEGER,
  height INTEGER,
  fps REAL,
  PRIMARY KEY (camera_id, key)
);

CREATE TABLE evidence_lock (
  id TEXT PRIMARY KEY,
  camera_ids TEXT NOT NULL,
  from_90k INTEGER NOT NULL,
  to_90k INTEGER NOT NULL,
  until INTEGER,
  reason TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
`,
};

export const configMigrations = [m001Initial, m002RolesAudit, m003Bookmarks, m004Views, m005CameraPtz, m006SiteConfiguration, m007EventsRules, m008AlarmDefinitions, m009Notifications, m010AnalyticsSources, m011DefaultRules, m012AlarmRetention, m013ViewGroupsClientProfiles, m014Devices];
