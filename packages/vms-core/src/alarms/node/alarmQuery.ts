import { VmsError } from '../../base/common/errors';
import type { Alarm, AlarmState } from '../common/alarm';

/** A page of the alarm list: filters, an order and a keyset cursor. */
export interface AlarmQuery {
  states?: readonly AlarmState[];
  priorities?: readonly number[];
  category?: string;
  /** Raised at or after (ms). */
  from?: number;
  /** Raised before (ms). */
  to?: number;
  assigneeId?: string;
  /** Words in the definition's name, the category, the source's name, the event's message or the instructions. */
  text?: string;
  /** Only alarms of these definitions (the ones shown to the caller); undefined: every alarm. */
  definitionIds?: readonly string[];
  /** time: newest first; priority: highest first, then newest. */
  sort?: 'time' | 'priority';
  /** From the previous page's nextCursor. */
  cursor?: string;
  /** 0 answers only the total (a badge count). */
  limit?: number;
}

/** Where the previous page ended, in the sort's order. */
export interface AlarmCursor {
  priority: number;
  raisedAt: number;
  id: number;
}

/**
 * Keyset paging: the next page starts after the last row shown, so alarms arriving meanwhile
 * (at the top) neither shift nor repeat rows, and a deep page costs what the first does.
 */
export function encodeCursor(sort: 'time' | 'priority', last: Pick<Alarm, 'priority' | 'raisedAt' | 'id'>): string {
  return Buffer.from(JSON.stringify([sort, last.priority, last.raisedAt, last.id])).toString('base64url');
}

export function decodeCursor(cursor: string, sort: 'time' | 'priority'): AlarmCursor {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 4 && v[0] === sort && v.slice(1).every((n) => Number.isSafeInteger(n))) {
      return { priority: v[1] as number, raisedAt: v[2] as number, id: v[3] as number };
    }
  } catch {
    // falls through to the error below
  }
  throw new VmsError('VMS_ERR_BAD_INPUT', 'cursor: not a cursor of this list and order (pass nextCursor of the previous page with the same sort)', { field: 'cursor' });
}

const ORDER = {
  time: 'raised_at DESC, id DESC',
  priority: 'priority ASC, raised_at DESC, id DESC',
} as const;
const ORDER_INDEX = { time: 'alarm_time', priority: 'alarm_priority_time' } as const;

/**
 * How many matching alarms a page may sort in memory. Beyond it the page walks the index of
 * its order and filters as it goes: with that many matches a page of 50 is found within a few
 * thousand index entries, while sorting them all (an operator shown a quarter of 100,000
 * alarms) takes over 100 ms. Below it, the filter's own index and a small sort are faster,
 * and SQLite picks those itself. SQLite cannot tell the two cases apart without statistics;
 * the count, taken first anyway, can.
 */
export const SORT_IN_MEMORY_AT_MOST = 2000;

/**
 * The count and page statements for a query; undefined when nothing can match (the caller is
 * shown no definition). `matching`: the count, when known, to choose how the page is read
 * (SORT_IN_MEMORY_AT_MOST). Values are bound, never spliced into the SQL.
 */
export function alarmListSql(q: AlarmQuery, sort: 'time' | 'priority', cursor: AlarmCursor | undefined, matching?: number): {
  count: string; countArgs: (string | number)[]; page: string; pageArgs: (string | number)[];
} | undefined {
  const where: string[] = [];
  const args: (string | number)[] = [];
  const add = (clause: string, ...values: (string | number)[]) => {
    where.push(clause);
    args.push(...values);
  };
  const list = (n: number) => Array.from({ length: n }, () => '?').join(', ');
  if (q.definitionIds !== undefined) {
    if (q.definitionIds.length === 0) return undefined;
    add(`definition_id IN (${list(q.definitionIds.length)})`, ...q.definitionIds);
  }
  if (q.states?.length) add(`state IN (${list(q.states.length)})`, ...q.states);
  if (q.priorities?.length) add(`priority IN (${list(q.priorities.length)})`, ...q.priorities);
  if (q.category !== undefined) add('category = ? COLLATE NOCASE', q.category.trim());
  if (q.from !== undefined) add('raised_at >= ?', q.from);
  if (q.to !== undefined) add('raised_at < ?', q.to);
  if (q.assigneeId !== undefined) add('assignee_id = ?', q.assigneeId);
  if (q.text?.trim()) {
    // LIKE ignores ASCII case as lower() would, and reads the row a quarter faster than instr(lower(...)).
    const pattern = `%${q.text.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    add("(definition_name || ' ' || category || ' ' || coalesce(source_name, '') || ' ' || message || ' ' || instructions) LIKE ? ESCAPE '\\'", pattern);
  }
  const filter = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const pageWhere = [...where];
  const pageArgs = [...args];
  if (cursor) {
    const newer = '(raised_at < ? OR (raised_at = ? AND id < ?))';
    if (sort === 'time') {
      pageWhere.push(newer);
      pageArgs.push(cursor.raisedAt, cursor.raisedAt, cursor.id);
    } else {
      pageWhere.push(`(priority > ? OR (priority = ? AND ${newer}))`);
      pageArgs.push(cursor.priority, cursor.priority, cursor.raisedAt, cursor.raisedAt, cursor.id);
    }
  }
  return {
    count: `SELECT COUNT(*) AS n FROM alarm ${filter}`,
    countArgs: args,
    page: `SELECT * FROM alarm${matching !== undefined && matching > SORT_IN_MEMORY_AT_MOST ? ` INDEXED BY ${ORDER_INDEX[sort]}` : ''} ` +
      `${pageWhere.length ? `WHERE ${pageWhere.join(' AND ')}` : ''} ORDER BY ${ORDER[sort]} LIMIT ?`,
    pageArgs,
  };
}
