/**
 * Multi-select in the alarm list, as in a file manager: a click picks one row, Ctrl/Cmd-click
 * (or the row's checkbox) adds or removes one, Shift-click takes the rows from the last picked
 * one. Alarms that leave the list (closed by someone else, filtered out) leave the selection,
 * so a bulk action never touches an alarm the operator cannot see.
 */

export interface AlarmSelection {
  ids: readonly number[];
  /** Where a Shift-click range starts: the last row clicked without Shift. */
  anchor: number | null;
}

export const NO_SELECTION: AlarmSelection = { ids: [], anchor: null };

export interface ClickModifiers {
  /** Shift: a range from the anchor. */
  range?: boolean;
  /** Ctrl/Cmd or the checkbox: add or remove this row only. */
  toggle?: boolean;
}

/** The selection after a click on `id`; `order` is the list's rows, top to bottom. */
export function clickSelect(selection: AlarmSelection, id: number, order: readonly number[], mods: ClickModifiers = {}): AlarmSelection {
  if (mods.range && selection.anchor !== null && order.includes(selection.anchor) && order.includes(id)) {
    const a = order.indexOf(selection.anchor);
    const b = order.indexOf(id);
    const range = order.slice(Math.min(a, b), Math.max(a, b) + 1);
    const ids = mods.toggle ? [...new Set([...selection.ids, ...range])] : range;
    return { ids: order.filter((x) => ids.includes(x)), anchor: selection.anchor };
  }
  if (mods.toggle) {
    const ids = selection.ids.includes(id) ? selection.ids.filter((x) => x !== id) : [...selection.ids, id];
    return { ids: order.filter((x) => ids.includes(x)), anchor: id };
  }
  return { ids: [id], anchor: id };
}

/** Every row, or none when every row is selected already (the header checkbox). */
export function toggleAll(selection: AlarmSelection, order: readonly number[]): AlarmSelection {
  const all = order.length > 0 && order.every((id) => selection.ids.includes(id));
  return all ? NO_SELECTION : { ids: [...order], anchor: order[0] ?? null };
}

/** Drops what is no longer listed; the same object when nothing changed (no re-render). */
export function pruneSelection(selection: AlarmSelection, order: readonly number[]): AlarmSelection {
  const ids = selection.ids.filter((id) => order.includes(id));
  const anchor = selection.anchor !== null && order.includes(selection.anchor) ? selection.anchor : null;
  return ids.length === selection.ids.length && anchor === selection.anchor ? selection : { ids, anchor };
}
