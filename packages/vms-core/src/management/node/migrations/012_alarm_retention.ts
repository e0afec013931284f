import type { Migration } from '../../../base/node/sqlite';

/**
 * Closed alarms get a retention (issue 6), kept beside the other logs' retentions in
 * `log_settings` (events/node/systemLog.ts reads it; alarms/node/alarmRetention.ts deletes
 * from DATA/alarms.db what is older). Until now closed alarms were kept forever; 90 days keeps
 * a quarter of history by default, longer than the 30 days of the system and rule logs,
 * since an alarm's comments and history are what an investigation comes back to.
 */
export const m012AlarmRetention: Migration = {
  version: 12,
  name: 'alarm_retention',
  sql: `
ALTER TABLE log_settings ADD COLUMN closed_alarm_retention_days INTEGER NOT NULL DEFAULT 90;
`,
};
