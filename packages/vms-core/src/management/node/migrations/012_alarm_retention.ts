import type { Migration } from '../../../base/node/sqlite';

/**
 * Closed alarms get a retention (issue 6), kept beside the other logs' retentions in
 * `log_settings` (events/node/systemLog.ts reads it; alarms/node/alarmRetention.ts deletes
 * from DATA/alarms.db what is older). 0 keeps closed alarms forever, which is what every site
 * did until now: an upgrade must not delete years of alarm history at its first start, so a
 * site migrated here keeps it until an administrator chooses a retention. A site created from
 * now on gets 90 days when it is first set up (site/node/site.ts, after the migrations).
 */
export const m012AlarmRetention: Migration = {
  version: 12,
  name: 'alarm_retention',
  sql: `
ALTER TABLE log_settings ADD COLUMN closed_alarm_retention_days INTEGER NOT NULL DEFAULT 0;
`,
};
