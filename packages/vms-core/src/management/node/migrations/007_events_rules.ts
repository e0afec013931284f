import type { Migration } from '../../../base/node/sqlite';

/**
 * The event server's configuration (issue 6): rules, user-defined events, generic events and
 * the listeners they arrive on, and the rule and system logs.
 *
 * `rule`: the rule sentence (rules/common/rule.ts) as JSON in `definition`, beside the columns
 * lists and checks need. The three built-in rules (rules/common/defaultRules.ts) are rows with
 * `built_in` set and an empty definition: their sentence is the code's, so a later version can
 * describe them better without a migration.
 *
 * `generic_event_source`: a TCP or UDP listener (port 0: any free port, for tests).
 * `generic_event`: a match expression over the packets of some or all sources, with a
 * priority that decides between several matching the same packet.
 *
 * `rule_log` and `system_log` are append-only with retention (days in `log_settings`), deleted
 * by time through their `at` index; `seq` keeps insertion order for paging.
 */
export const m007EventsRules: Migration = {
  version: 7,
  name: 'events_rules',
  sql: `
CREATE TABLE user_defined_event (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE generic_event_source (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  protocol TEXT NOT NULL CHECK (protocol IN ('tcp', 'udp')),
  port INTEGER NOT NULL CHECK (port BETWEEN 0 AND 65535),
  bind_address TEXT NOT NULL,
  -- JSON array of IPv4 addresses or CIDR blocks; empty: any address
  allowed_addresses TEXT NOT NULL,
  -- JSON array of separator strings ending a message
  separators TEXT NOT NULL,
  encoding TEXT NOT NULL,
  max_message_bytes INTEGER NOT NULL,
  max_messages_per_second INTEGER NOT NULL,
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE generic_event (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  description TEXT NOT NULL DEFAULT '',
  expression_type TEXT NOT NULL CHECK (expression_type IN ('search', 'exact', 'regex')),
  expression TEXT NOT NULL,
  case_sensitive INTEGER NOT NULL CHECK (case_sensitive IN (0, 1)),
  priority INTEGER NOT NULL,
  -- JSON array of generic_event_source ids; empty: every source
  source_ids TEXT NOT NULL,
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

CREATE TABLE rule (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  -- RuleDefinition as JSON, without id, name and enabled
  definition TEXT NOT NULL,
  built_in TEXT UNIQUE,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
-- created when the site's database reached this version (ms, like every other time here)
INSERT INTO rule (id, name, enabled, definition, built_in, created_at, updated_at)
  SELECT id, name, 1, '{}', built_in, CAST(strftime('%s', 'now') AS INTEGER) * 1000, CAST(strftime('%s', 'now') AS INTEGER) * 1000
  FROM (SELECT 'builtin-start-feed-always' AS id, 'Start feed always' AS name, 'startFeedAlways' AS built_in
        UNION ALL SELECT 'builtin-record-on-motion', 'Record on motion', 'recordOnMotion'
        UNION ALL SELECT 'builtin-record-on-request', 'Record on request', 'recordOnRequest');

CREATE TABLE rule_log (
  seq INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  rule_id TEXT NOT NULL,
  rule_name TEXT NOT NULL,
  -- the event that fired the rule (null for time rules)
  event_id INTEGER,
  event_type TEXT,
  source_id TEXT,
  -- 'start' | 'stop' | an action type
  action TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'failed', 'skipped')),
  message TEXT NOT NULL
);
CREATE INDEX rule_log_at ON rule_log (at);
CREATE INDEX rule_log_rule ON rule_log (rule_id, at);

CREATE TABLE system_log (
  seq INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  level TEXT NOT NULL CHECK (level IN ('error', 'warning', 'information')),
  -- the part of the site that wrote it: 'rules', 'genericEvents', 'storage', 'recording', 'server'...
  source TEXT NOT NULL,
  message TEXT NOT NULL,
  code TEXT
);
CREATE INDEX system_log_at ON system_log (at);

CREATE TABLE log_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  system_log_level TEXT NOT NULL CHECK (system_log_level IN ('error', 'warning', 'information')),
  system_log_retention_days INTEGER NOT NULL,
  rule_log_retention_days INTEGER NOT NULL
);
INSERT INTO log_settings (id, system_log_level, system_log_retention_days, rule_log_retention_days) VALUES (1, 'information', 30, 30);
`,
};
