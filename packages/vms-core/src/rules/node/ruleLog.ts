import type { Clock } from '../../base/common/clock';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../../base/node/sqlite';
import type { RuleLogEntry } from '../../events/common/logs';
import { LOG_LIMITS } from '../../events/common/logs';

interface Row {
  seq: number; at: number; rule_id: string; rule_name: string; event_id: number | null; event_type: string | null; source_id: string | null;
  action: string; outcome: RuleLogEntry['outcome']; message: string;
}

export interface RuleLogQuery {
  ruleId?: string;
  from?: number;
  to?: number;
  outcome?: RuleLogEntry['outcome'];
  beforeSeq?: number;
  /** Words the rule name, action, event type or message contains (case-insensitive). */
  text?: string;
  limit?: number;
}

/** Entries held before a write forces a flush: bounds memory when the event loop is too busy to get to the deferred one. */
const MAX_PENDING = 5000;

/**
 * What the rules did: each activation, each action and its outcome (migration 007). Retention
 * is the system log's settings (SystemLog.purge deletes both).
 *
 * Entries are written in batches: `write` queues, and the queue goes to SQLite in one
 * transaction at the end of the current turn of the event loop. One row per transaction
 * rewrites the table's and both indexes' pages in the WAL each time, which at thousands of
 * firings a second is most of the engine's time (docs/benchmarks.md, "Event throughput"). A
 * process crash loses at most that turn's entries; reading flushes first, so a reader never
 * misses what was written before it asked.
 */
export class RuleLog {
  private pending: unknown[][] = [];
  private scheduled: NodeJS.Immediate | undefined;
  private readonly insert: Statement;
  private readonly insertAll: (rows: unknown[][]) => void;

  constructor(private readonly db: Db, private readonly clock: Clock) {
    this.insert = db.prepare(`INSERT INTO rule_log (at, rule_id, rule_name, event_id, event_type, source_id, action, outcome, message)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertAll = db.transaction((rows: unknown[][]) => {
      for (const r of rows) this.insert.run(...r);
    });
  }

  write(e: Omit<RuleLogEntry, 'seq' | 'at'>): void {
    this.pending.push([this.clock.now(), e.ruleId, e.ruleName, e.eventId ?? null, e.eventType ?? null, e.sourceId ?? null, e.action, e.outcome, e.message.slice(0, 4000)]);
    if (this.pending.length >= MAX_PENDING) this.flush();
    else this.scheduled ??= setImmediate(() => this.flush());
  }

  /** Writes what is queued now (reads and close call it). */
  flush(): void {
    if (this.scheduled) clearImmediate(this.scheduled);
    this.scheduled = undefined;
    if (this.pending.length === 0) return;
    const rows = this.pending;
    this.pending = [];
    try {
      this.insertAll(rows);
    } catch {
      // The database is closing: the rules still acted; only their log lines are lost.
    }
  }

  /** Newest first. */
  list(q: RuleLogQuery = {}): RuleLogEntry[] {
    this.flush();
    const where: string[] = [];
    const args: (string | number)[] = [];
    const add = (clause: string, value: string | number) => {
      where.push(clause);
      args.push(value);
    };
    if (q.ruleId !== undefined) add('rule_id = ?', q.ruleId);
    if (q.from !== undefined) add('at >= ?', q.from);
    if (q.to !== undefined) add('at < ?', q.to);
    if (q.outcome !== undefined) add('outcome = ?', q.outcome);
    if (q.beforeSeq !== undefined) add('seq < ?', q.beforeSeq);
    if (q.text?.trim()) add("instr(lower(rule_name || ' ' || action || ' ' || coalesce(event_type, '') || ' ' || message), lower(?)) > 0", q.text.trim());
    const sql = `SELECT * FROM rule_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`;
    return (this.db.prepare(sql).all(...args, Math.min(q.limit ?? 200, LOG_LIMITS.maxPage)) as Row[]).map((r) => ({
      seq: r.seq, at: r.at, ruleId: r.rule_id, ruleName: r.rule_name,
      ...(r.event_id !== null ? { eventId: r.event_id } : {}), ...(r.event_type !== null ? { eventType: r.event_type } : {}),
      ...(r.source_id !== null ? { sourceId: r.source_id } : {}), action: r.action, outcome: r.outcome, message: r.message,
    }));
  }
}
