import type { Clock } from '../../base/common/clock';
import type { Db } from '../../base/node/sqlite';
import type { AuditAction, AuditEntry } from '../common/audit';

export type AuditRecord = Omit<AuditEntry, 'id' | 'at' | 'outcome' | 'details'> & {
  outcome?: AuditEntry['outcome'];
  details?: Record<string, unknown> | null;
};

export interface AuditQuery {
  /** ms, inclusive. */
  from?: number;
  /** ms, exclusive. */
  to?: number;
  userId?: string;
  action?: AuditAction;
  target?: string;
  afterId?: number;
  /** Entries before this id (paging back from the newest with `newestFirst`). */
  beforeId?: number;
  newestFirst?: boolean;
  /** Words the user name, action, target or details contain (case-insensitive). */
  text?: string;
  limit?: number;
}

interface Row {
  id: number; at: number; user_id: string | null; username: string | null; source: string | null;
  action: AuditAction; target: string | null; outcome: 'ok' | 'failed'; details: string | null;
}

/**
 * The audit log in the configuration database: who did what to which object, when, from
 * where, and what changed. Written in the same process as the change it records; entries are
 * never updated or deleted through the API.
 */
export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  record(r: AuditRecord): void {
    this.db
      .prepare('INSERT INTO audit_log (at, user_id, username, source, action, target, outcome, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(this.clock.now(), r.userId, r.username, r.source, r.action, r.target, r.outcome ?? 'ok', r.details ? JSON.stringify(r.details) : null);
  }

  /** Entries matching the query, oldest first (page with `afterId`) or newest first (page with `beforeId`). */
  list(q: AuditQuery = {}): AuditEntry[] {
    const where: string[] = [];
    const args: (string | number)[] = [];
    const add = (sql: string, v: string | number | undefined) => {
      if (v === undefined) return;
      where.push(sql);
      args.push(v);
    };
    add('at >= ?', q.from);
    add('at < ?', q.to);
    add('user_id = ?', q.userId);
    add('action = ?', q.action);
    add('target = ?', q.target);
    add('id > ?', q.afterId);
    add('id < ?', q.beforeId);
    add("instr(lower(coalesce(username, '') || ' ' || action || ' ' || coalesce(target, '') || ' ' || coalesce(details, '')), lower(?)) > 0", q.text?.trim() || undefined);
    const sql = `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id ${q.newestFirst ? 'DESC' : ''} LIMIT ?`;
    return (this.db.prepare(sql).all(...args, q.limit ?? 1000) as Row[]).map((r) => ({
      id: r.id, at: r.at, userId: r.user_id, username: r.username, source: r.source, action: r.action, target: r.target,
      outcome: r.outcome, details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
    }));
  }
}
