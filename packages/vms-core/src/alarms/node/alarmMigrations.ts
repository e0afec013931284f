import type { Migration } from '../../base/node/sqlite';

/**
 * The alarm database, DATA/alarms.db. Alarms are the site's busiest writes after the media
 * index (a generic-event flood raises them by the second, every operator action adds history),
 * and they grow past 100,000 rows; a file of their own keeps those writes and their WAL away
 * from the configuration database, which logins, tokens and every configuration change use.
 *
 * `alarm`: the triggering event and what its definition said then (alarms/common/alarm.ts);
 * `definition_id` is the configuration database's alarm_definition.id (no foreign key across
 * files: a deleted definition's closed alarms stay). The indexes serve the alarm list: newest
 * first, or by priority then newest (each also the order of keyset paging), filtered by state,
 * state and priority (counted without reading rows), definition (what a user is shown) or
 * assignee; `(definition_id, state)` also finds the open alarms an event closes.
 */
export const m001Alarms: Migration = {
  version: 1,
  name: 'alarms',
  sql: `
CREATE TABLE alarm (
  id INTEGER PRIMARY KEY,
  definition_id TEXT NOT NULL,
  definition_name TEXT NOT NULL,
  raised_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('new', 'inProgress', 'onHold', 'closed')),
  priority INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 5),
  category TEXT NOT NULL,
  source_kind TEXT NOT NULL,
  source_id TEXT NOT NULL,
  source_name TEXT,
  -- the triggering event's message, for text search
  message TEXT NOT NULL,
  -- AlarmEvent as JSON
  event TEXT NOT NULL,
  -- JSON array of camera ids
  related_camera_ids TEXT NOT NULL,
  instructions TEXT NOT NULL,
  sound TEXT NOT NULL,
  assignee_id TEXT,
  repeats INTEGER NOT NULL DEFAULT 0,
  closed_at INTEGER
);
CREATE INDEX alarm_time ON alarm (raised_at DESC, id DESC);
CREATE INDEX alarm_priority_time ON alarm (priority, raised_at DESC, id DESC);
CREATE INDEX alarm_state_time ON alarm (state, raised_at DESC, id DESC);
CREATE INDEX alarm_state_priority ON alarm (state, priority);
CREATE INDEX alarm_definition_state ON alarm (definition_id, state);
CREATE INDEX alarm_assignee_time ON alarm (assignee_id, raised_at DESC) WHERE assignee_id IS NOT NULL;

CREATE TABLE alarm_comment (
  id INTEGER PRIMARY KEY,
  alarm_id INTEGER NOT NULL REFERENCES alarm (id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  user_id TEXT NOT NULL,
  username TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX alarm_comment_alarm ON alarm_comment (alarm_id);

CREATE TABLE alarm_history (
  id INTEGER PRIMARY KEY,
  alarm_id INTEGER NOT NULL REFERENCES alarm (id) ON DELETE CASCADE,
  at INTEGER NOT NULL,
  -- null: the site did it (raised, closed by an event)
  user_id TEXT,
  username TEXT,
  action TEXT NOT NULL CHECK (action IN ('raised', 'state', 'assignee', 'comment', 'autoClosed')),
  from_value TEXT,
  to_value TEXT,
  detail TEXT
);
CREATE INDEX alarm_history_alarm ON alarm_history (alarm_id);
`,
};

/**
 * Closed alarms are deleted some days after closing (alarmRetention.ts): this index finds the
 * oldest closed ones without reading the open alarms or every closed one at each batch.
 * `closed_at` is set exactly while the state is closed (AlarmStore), so the partial index holds
 * only closed alarms.
 */
export const m002ClosedAt: Migration = {
  version: 2,
  name: 'closed_at',
  sql: `
CREATE INDEX alarm_closed_at ON alarm (closed_at) WHERE closed_at IS NOT NULL;
`,
};

export const alarmMigrations = [m001Alarms, m002ClosedAt];
