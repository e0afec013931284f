import type { Db } from '../../base/node/sqlite';

/**
 * Lists the user orders by hand (view groups, client profiles) keep a `position` column. Moving
 * one item renumbers its whole list 0..n-1 in one go, so positions stay dense and unique
 * whatever order the moves came in; a list is tens of rows, so rewriting it costs nothing.
 */
export interface OrderedList {
  table: 'view_group' | 'client_profile';
  /** SQL condition selecting the list the item belongs to, with its arguments. */
  where: string;
  args: readonly unknown[];
}

/** Ids of the list in its order (position, then name, then id). */
export function orderedIds(db: Db, list: OrderedList): string[] {
  return (db.prepare(`SELECT id FROM ${list.table} WHERE ${list.where} ORDER BY position, name COLLATE NOCASE, id`).all(...list.args) as { id: string }[])
    .map((r) => r.id);
}

/** Puts `id` at `position` (clamped to the list), or at the end when undefined, and renumbers the list. */
export function placeInList(db: Db, list: OrderedList, id: string, position: number | undefined): void {
  const ids = orderedIds(db, list).filter((other) => other !== id);
  const at = position === undefined ? ids.length : Math.max(0, Math.min(ids.length, Math.floor(position)));
  ids.splice(at, 0, id);
  const set = db.prepare(`UPDATE ${list.table} SET position = ? WHERE id = ?`);
  ids.forEach((itemId, i) => set.run(i, itemId));
}

/** Renumbers the list 0..n-1 after an item left it. */
export function compactList(db: Db, list: OrderedList): void {
  const set = db.prepare(`UPDATE ${list.table} SET position = ? WHERE id = ?`);
  orderedIds(db, list).forEach((itemId, i) => set.run(i, itemId));
}
