import { VmsError } from '../../base/common/errors';
import type { Db } from '../../base/node/sqlite';
import { openDatabase } from '../../base/node/sqlite';
import type { EventSource } from '../../events/common/vmsEvent';
import type { Alarm, AlarmComment, AlarmDetails, AlarmHistoryEntry, AlarmState } from '../common/alarm';
import type { AlarmChange, AlarmHistoryStep } from '../common/alarmChanges';
import { alarmChangeProblem, applyAlarmChange } from '../common/alarmChanges';
import { alarmMigrations } from './alarmMigrations';
import type { AlarmQuery } from './alarmQuery';
import { alarmListSql, decodeCursor, encodeCursor } from './alarmQuery';

interface AlarmRow {
  id: number; definition_id: string; definition_name: string; raised_at: number; updated_at: number; state: AlarmState; priority: number;
  category: string; source_kind: EventSource['kind']; source_id: string; source_name: string | null; message: string; event: string;
  related_camera_ids: string; instructions: string; sound: Alarm['sound']; assignee_id: string | null; repeats: number; closed_at: number | null;
}

interface HistoryRow {
  id: number; at: number; user_id: string | null; username: string | null; action: AlarmHistoryEntry['action'];
  from_value: string | null; to_value: string | null; detail: string | null;
}

/** What raising an alarm stores; the rest (id, state New, no assignee) the store sets. */
export type NewAlarm = Omit<Alarm, 'id' | 'updatedAt' | 'state' | 'assigneeId' | 'repeats' | 'closedAt'>;

/** Who changes an alarm; absent for the site's own changes (closed by an event). */
export interface AlarmActor {
  userId: string;
  username: string;
}

export interface AlarmPage {
  alarms: Alarm[];
  /** Alarms matching the filter, on every page. */
  total: number;
  /** Pass as `cursor` for the next page; absent on the last. */
  nextCursor?: string;
}

function toAlarm(r: AlarmRow): Alarm {
  return {
    id: r.id, definitionId: r.definition_id, definitionName: r.definition_name, raisedAt: r.raised_at, updatedAt: r.updated_at,
    state: r.state, priority: r.priority, category: r.category,
    source: { kind: r.source_kind, id: r.source_id, ...(r.source_name !== null ? { name: r.source_name } : {}) },
    event: JSON.parse(r.event) as Alarm['event'], relatedCameraIds: JSON.parse(r.related_camera_ids) as string[],
    instructions: r.instructions, sound: r.sound, repeats: r.repeats,
    ...(r.assignee_id !== null ? { assigneeId: r.assignee_id } : {}), ...(r.closed_at !== null ? { closedAt: r.closed_at } : {}),
  };
}

function toHistory(r: HistoryRow): AlarmHistoryEntry {
  return {
    id: r.id, at: r.at, action: r.action,
    ...(r.user_id !== null ? { userId: r.user_id } : {}), ...(r.username !== null ? { username: r.username } : {}),
    ...(r.from_value !== null ? { from: r.from_value } : {}), ...(r.to_value !== null ? { to: r.to_value } : {}), ...(r.detail !== null ? { detail: r.detail } : {}),
  };
}

/**
 * Alarms with their comments and history in DATA/alarms.db (alarmMigrations.ts). Knows nothing
 * of rights: the API decides who may see and change which alarm before it asks.
 */
export class AlarmStore {
  readonly db: Db;
  private readonly insertAlarm;
  private readonly insertHistory;
  private readonly selectAlarm;

  constructor(path: string) {
    this.db = openDatabase(path, alarmMigrations);
    this.insertAlarm = this.db.prepare(`INSERT INTO alarm (definition_id, definition_name, raised_at, updated_at, state, priority, category,
      source_kind, source_id, source_name, message, event, related_camera_ids, instructions, sound)
      VALUES (?, ?, ?, ?, 'new', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertHistory = this.db.prepare(`INSERT INTO alarm_history (alarm_id, at, user_id, username, action, from_value, to_value, detail)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    this.selectAlarm = this.db.prepare('SELECT * FROM alarm WHERE id = ?');
  }

  insert(a: NewAlarm, now: number): Alarm {
    return this.db.transaction(() => {
      const id = Number(this.insertAlarm.run(
        a.definitionId, a.definitionName, a.raisedAt, now, a.priority, a.category, a.source.kind, a.source.id, a.source.name ?? null,
        a.event.message, JSON.stringify(a.event), JSON.stringify(a.relatedCameraIds), a.instructions, a.sound,
      ).lastInsertRowid);
      this.history(id, now, undefined, { action: 'raised', to: 'new', detail: `${a.event.type} from ${a.source.name ?? `${a.source.kind} ${a.source.id}`}` });
      return this.get(id);
    })();
  }

  get(id: number): Alarm {
    const row = this.selectAlarm.get(id) as AlarmRow | undefined;
    if (!row) throw new VmsError('VMS_ERR_NOT_FOUND', `alarm ${id} does not exist`);
    return toAlarm(row);
  }

  details(id: number): AlarmDetails {
    const alarm = this.get(id);
    const comments = (this.db.prepare('SELECT id, at, user_id AS userId, username, text FROM alarm_comment WHERE alarm_id = ? ORDER BY id').all(id) as AlarmComment[]);
    const history = (this.db.prepare('SELECT * FROM alarm_history WHERE alarm_id = ? ORDER BY id').all(id) as HistoryRow[]).map(toHistory);
    return { ...alarm, comments, history };
  }

  list(q: AlarmQuery): AlarmPage {
    const sort = q.sort ?? 'time';
    const limit = q.limit ?? 50;
    const cursor = q.cursor === undefined ? undefined : decodeCursor(q.cursor, sort);
    const counted = alarmListSql(q, sort, cursor);
    if (!counted) return { alarms: [], total: 0 };
    const total = (this.db.prepare(counted.count).get(...counted.countArgs) as { n: number }).n;
    if (limit === 0 || total === 0) return { alarms: [], total };
    const page = alarmListSql(q, sort, cursor, total)!;
    const rows = this.db.prepare(page.page).all(...page.pageArgs, limit + 1) as AlarmRow[];
    const alarms = rows.slice(0, limit).map(toAlarm);
    const last = alarms.at(-1);
    return { alarms, total, ...(rows.length > limit && last ? { nextCursor: encodeCursor(sort, last) } : {}) };
  }

  /** Applies one request's change (checked: an invalid one throws VMS_ERR_BAD_INPUT naming the field). */
  change(id: number, change: AlarmChange, by: AlarmActor, now: number, field = ''): Alarm {
    return this.db.transaction(() => this.changeOne(this.get(id), change, by, now, field))();
  }

  /** Changes several alarms at once, or none: the first invalid change throws. */
  changeMany(changes: { id: number; change: AlarmChange; field: string }[], by: AlarmActor, now: number): Alarm[] {
    return this.db.transaction(() => changes.map((c) => this.changeOne(this.get(c.id), c.change, by, now, c.field)))();
  }

  /** Counts further triggering events into an alarm (a definition flooding). */
  addRepeats(id: number, count: number, now: number): Alarm | undefined {
    const changed = this.db.prepare('UPDATE alarm SET repeats = repeats + ?, updated_at = ? WHERE id = ?').run(count, now, id).changes;
    return changed > 0 ? this.get(id) : undefined;
  }

  /** Closes a definition's open alarms (from one source, when given), as the site: the close event is `detail`. */
  closeOpen(definitionId: string, source: Pick<EventSource, 'kind' | 'id'> | undefined, detail: string, now: number): Alarm[] {
    return this.db.transaction(() => {
      const rows = (source
        ? this.db.prepare(`SELECT * FROM alarm WHERE definition_id = ? AND state != 'closed' AND source_kind = ? AND source_id = ?`).all(definitionId, source.kind, source.id)
        : this.db.prepare(`SELECT * FROM alarm WHERE definition_id = ? AND state != 'closed'`).all(definitionId)) as AlarmRow[];
      return rows.map((r) => {
        this.db.prepare(`UPDATE alarm SET state = 'closed', closed_at = ?, updated_at = ? WHERE id = ?`).run(now, now, r.id);
        this.history(r.id, now, undefined, { action: 'autoClosed', from: r.state, to: 'closed', detail });
        return this.get(r.id);
      });
    })();
  }

  /**
   * Deletes at most `limit` alarms closed before `closedBefore` (ms), oldest first, with their
   * comments and history (ON DELETE CASCADE), in one transaction; returns how many went. Small
   * batches keep each write short, so alarms raised meanwhile never wait long (alarmRetention.ts).
   */
  deleteClosedBefore(closedBefore: number, limit: number): number {
    return this.db.prepare(`DELETE FROM alarm WHERE id IN (
        SELECT id FROM alarm WHERE closed_at IS NOT NULL AND closed_at < ? AND state = 'closed' ORDER BY closed_at LIMIT ?)`)
      .run(closedBefore, limit).changes;
  }

  openCount(definitionId: string): number {
    return (this.db.prepare(`SELECT COUNT(*) AS n FROM alarm WHERE definition_id = ? AND state != 'closed'`).get(definitionId) as { n: number }).n;
  }

  close(): void {
    this.db.close();
  }

  private changeOne(cur: Alarm, change: AlarmChange, by: AlarmActor, now: number, field: string): Alarm {
    const p = alarmChangeProblem(cur, change, field);
    if (p) throw new VmsError('VMS_ERR_BAD_INPUT', `${p.field}: ${p.message}`, { field: p.field });
    const next = applyAlarmChange(cur, change);
    if (next.steps.length === 0) return cur;
    const closedAt = next.state === 'closed' ? (cur.closedAt ?? now) : null;
    this.db.prepare('UPDATE alarm SET state = ?, assignee_id = ?, closed_at = ?, updated_at = ? WHERE id = ?')
      .run(next.state, next.assigneeId ?? null, closedAt, now, cur.id);
    if (change.comment !== undefined) {
      this.db.prepare('INSERT INTO alarm_comment (alarm_id, at, user_id, username, text) VALUES (?, ?, ?, ?, ?)')
        .run(cur.id, now, by.userId, by.username, change.comment.trim());
    }
    for (const step of next.steps) this.history(cur.id, now, by, step);
    return this.get(cur.id);
  }

  private history(alarmId: number, at: number, by: AlarmActor | undefined, step: AlarmHistoryStep): void {
    this.insertHistory.run(alarmId, at, by?.userId ?? null, by?.username ?? null, step.action, step.from ?? null, step.to ?? null, step.detail ?? null);
  }
}
