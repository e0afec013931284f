import type { Migration } from '../../../base/node/sqlite';

/**
 * The site itself, its recording servers, and named time profiles.
 *
 * `site` holds one row (id 1): the name and description administrators give the site.
 *
 * `recording_server`: the model allows many; an all-in-one site has one, marked `is_local`,
 * created at the first start after this migration (RecordingServerStore.ensureLocal), which
 * then takes the hardware and storages that exist already. Until multi-server sites arrive,
 * the triggers put new hardware and storages on the local server, so the code that adds them
 * need not know about servers at all; a server chosen explicitly is kept.
 *
 * `time_profile`: a weekly schedule with dated exceptions (management/common/timeProfile.ts)
 * as JSON, named so that role grants can refer to it (`role_grant.time_profile_id`) instead
 * of carrying a copy; editing the profile changes every grant using it. A grant has either an
 * inline `time_profile` or a `time_profile_id`, never both. A profile in use cannot be deleted
 * (the foreign key, and a clearer check before it in TimeProfileStore).
 */
export const m006SiteConfiguration: Migration = {
  version: 6,
  name: 'site_configuration',
  sql: `
CREATE TABLE site (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  updated_at INTEGER
);
INSERT INTO site (id, name, description) VALUES (1, 'Nightjar site', '');

CREATE TABLE recording_server (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  -- host name or address the server is reached at
  address TEXT NOT NULL,
  is_local INTEGER NOT NULL DEFAULT 0 CHECK (is_local IN (0, 1)),
  created_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX recording_server_one_local ON recording_server (is_local) WHERE is_local = 1;

ALTER TABLE hardware ADD COLUMN recording_server_id TEXT REFERENCES recording_server (id);
ALTER TABLE storage ADD COLUMN recording_server_id TEXT REFERENCES recording_server (id);
CREATE TRIGGER hardware_on_local_server AFTER INSERT ON hardware WHEN new.recording_server_id IS NULL BEGIN
  UPDATE hardware SET recording_server_id = (SELECT id FROM recording_server WHERE is_local = 1) WHERE id = new.id;
END;
CREATE TRIGGER storage_on_local_server AFTER INSERT ON storage WHEN new.recording_server_id IS NULL BEGIN
  UPDATE storage SET recording_server_id = (SELECT id FROM recording_server WHERE is_local = 1) WHERE id = new.id;
END;

CREATE TABLE time_profile (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description TEXT NOT NULL DEFAULT '',
  -- TimeProfile as JSON: {timeZone, windows, exceptions, maxAgeDays}
  rules TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
ALTER TABLE role_grant ADD COLUMN time_profile_id TEXT REFERENCES time_profile (id);
`,
};
