import type { Clock } from '../../base/common/clock';
import { VmsError } from '../../base/common/errors';
import type { Db } from '../../base/node/sqlite';
import type { LogLevel, LogSettings, SystemLogEntry } from '../common/logs';
import { LOG_LEVELS, LOG_LIMITS, levelKept, logSettingsProblem } from '../common/logs';

const DAY = 24 * 3600_000;

interface Row { seq: number; at: number; level: LogLevel; source: string; message: string; code: string | null }

export interface SystemLogQuery {
  from?: number;
  to?: number;
  /** The least severe level wanted: "warning" lists errors and warnings. */
  level?: LogLevel;
  source?: string;
  /** Entries older than this one (paging backwards). */
  beforeSeq?: number;
  /** Words the message, source or code contains (case-insensitive). */
  text?: string;
  limit?: number;
}

/**
 * The system log and the logs' settings (with the closed alarms' retention, migration 012), in
 * the configuration database (migration 007).
 * Writing below the configured level is a no-op, so callers log freely; a failing write never
 * reaches the caller (the log must not take down what it reports on).
 */
export class SystemLog {
  private settingsCache: LogSettings | undefined;

  constructor(private readonly db: Db, private readonly clock: Clock) {}

  write(level: LogLevel, source: string, message: string, code?: string): void {
    if (!levelKept(level, this.settings().systemLogLevel)) return;
    try {
      this.db.prepare('INSERT INTO system_log (at, level, source, message, code) VALUES (?, ?, ?, ?, ?)')
        .run(this.clock.now(), level, source, message.slice(0, 4000), code ?? null);
    } catch {
      // The database is closing or full: nothing better to tell it to.
    }
  }

  /** Newest first. */
  list(q: SystemLogQuery = {}): SystemLogEntry[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    const add = (clause: string, ...values: (string | number)[]) => {
      where.push(clause);
      args.push(...values);
    };
    if (q.from !== undefined) add('at >= ?', q.from);
    if (q.to !== undefined) add('at < ?', q.to);
    if (q.level !== undefined) {
      const levels = LOG_LEVELS.filter((l) => levelKept(l, q.level!));
      add(`level IN (${levels.map(() => '?').join(', ')})`, ...levels);
    }
    if (q.source !== undefined) add('source = ?', q.source);
    if (q.beforeSeq !== undefined) add('seq < ?', q.beforeSeq);
    if (q.text?.trim()) add("instr(lower(message || ' ' || source || ' ' || coalesce(code, '')), lower(?)) > 0", q.text.trim());
    const sql = `SELECT * FROM system_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
    const rows = this.db.prepare(sql).all(...args, Math.min(q.limit ?? 200, LOG_LIMITS.maxPage)) as Row[];
    return rows.map((r) => ({ seq: r.seq, at: r.at, level: r.level, source: r.source, message: r.message, ...(r.code ? { code: r.code } : {}) }));
  }

  settings(): LogSettings {
    if (!this.settingsCache) {
      const r = this.db.prepare('SELECT * FROM log_settings WHERE id = 1').get() as
        { system_log_level: LogLevel; system_log_retention_days: number; rule_log_retention_days: number; closed_alarm_retention_days: number };
      this.settingsCache = {
        systemLogLevel: r.system_log_level, systemLogRetentionDays: r.system_log_retention_days, ruleLogRetentionDays: r.rule_log_retention_days,
        closedAlarmRetentionDays: r.closed_alarm_retention_days,
      };
    }
    return this.settingsCache;
  }

  updateSettings(patch: Partial<LogSettings>): LogSettings {
    const next = { ...this.settings(), ...patch };
    const problem = logSettingsProblem(next);
    if (problem) throw new VmsError('VMS_ERR_BAD_INPUT', `${problem.field}: ${problem.message}`, { field: problem.field });
    this.db.prepare('UPDATE log_settings SET system_log_level = ?, system_log_retention_days = ?, rule_log_retention_days = ?, closed_alarm_retention_days = ? WHERE id = 1')
      .run(next.systemLogLevel, next.systemLogRetentionDays, next.ruleLogRetentionDays, next.closedAlarmRetentionDays);
    this.settingsCache = next;
    return next;
  }

  /** Reads the settings again (a configuration restore wrote them). */
  reloadSettings(): void {
    this.settingsCache = undefined;
  }

  /** Deletes entries older than the retention of each log; returns how many went. */
  purge(): { systemLog: number; ruleLog: number } {
    const s = this.settings();
    const now = this.clock.now();
    const systemLog = this.db.prepare('DELETE FROM system_log WHERE at < ?').run(now - s.systemLogRetentionDays * DAY).changes;
    const ruleLog = this.db.prepare('DELETE FROM rule_log WHERE at < ?').run(now - s.ruleLogRetentionDays * DAY).changes;
    return { systemLog, ruleLog };
  }
}
