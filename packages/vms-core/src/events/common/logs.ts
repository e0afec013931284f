/**
 * The system log (what the site itself reports, by level) and the rule log (what each rule
 * did), as clients read them. Both keep entries for a configurable number of days, as the
 * alarm database keeps closed alarms (the settings hold all three).
 */

export const LOG_LEVELS = ['error', 'warning', 'information'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** True when an entry of `level` is kept under the configured `threshold` (error < warning < information). */
export function levelKept(level: LogLevel, threshold: LogLevel): boolean {
  return LOG_LEVELS.indexOf(level) <= LOG_LEVELS.indexOf(threshold);
}

export interface SystemLogEntry {
  seq: number;
  /** ms since the epoch. */
  at: number;
  level: LogLevel;
  /** The part of the site that wrote it: "rules", "genericEvents", "storage", "recording", "server". */
  source: string;
  message: string;
  code?: string;
}

export interface RuleLogEntry {
  seq: number;
  at: number;
  ruleId: string;
  ruleName: string;
  /** The event that fired the rule; absent for time rules. */
  eventId?: number;
  eventType?: string;
  sourceId?: string;
  /** "start", "stop" (the rule's activation) or the action type performed. */
  action: string;
  outcome: 'ok' | 'failed' | 'skipped';
  message: string;
}

export interface LogSettings {
  /** Entries less severe than this are not written. */
  systemLogLevel: LogLevel;
  systemLogRetentionDays: number;
  ruleLogRetentionDays: number;
  /**
   * Closed alarms (with their comments and history) older than this many days since closing
   * are deleted (alarms/node/alarmRetention.ts); 0 keeps them forever (sites upgraded from
   * before this setting, until an administrator chooses).
   */
  closedAlarmRetentionDays: number;
}

export const LOG_LIMITS = { maxRetentionDays: 3650, maxPage: 1000 } as const;

/** What is wrong with these settings (the field and why), or undefined; the API and a restore both check with it. */
export function logSettingsProblem(s: LogSettings): { field: keyof LogSettings; message: string } | undefined {
  if (!LOG_LEVELS.includes(s.systemLogLevel)) return { field: 'systemLogLevel', message: `one of ${LOG_LEVELS.join(', ')}` };
  for (const k of ['systemLogRetentionDays', 'ruleLogRetentionDays', 'closedAlarmRetentionDays'] as const) {
    // Only closed alarms may be kept forever (0): the logs grow with every event.
    const least = k === 'closedAlarmRetentionDays' ? 0 : 1;
    if (!Number.isInteger(s[k]) || s[k] < least || s[k] > LOG_LIMITS.maxRetentionDays) {
      return { field: k, message: `${least} to ${LOG_LIMITS.maxRetentionDays} days${least === 0 ? ' (0 keeps them forever)' : ''}` };
    }
  }
  return undefined;
}

/** What a new site starts with (the others come from migration 007's row). */
export const NEW_SITE_LOG_SETTINGS: Pick<LogSettings, 'closedAlarmRetentionDays'> = { closedAlarmRetentionDays: 90 };
