import type { Migration } from '../../../base/node/sqlite';

/**
 * Alarm definitions (issue 6): which event raises an alarm, how urgent it is, what the operator
 * should do and who sees it (alarms/common/alarm.ts). The definition is JSON in `definition`
 * beside the columns lists and checks need, as rules keep theirs; definitions are few and read
 * whole. The alarms themselves are many and live in their own database (DATA/alarms.db,
 * alarms/node/alarmMigrations.ts), not here.
 */
export const m008AlarmDefinitions: Migration = {
  version: 8,
  name: 'alarm_definitions',
  sql: `
CREATE TABLE alarm_definition (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
  -- AlarmDefinitionInput as JSON, without name and enabled
  definition TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
`,
};
