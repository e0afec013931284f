import { describe, expect, it } from 'vitest';
import { NO_SELECTION, clickSelect, pruneSelection, toggleAll } from './alarmSelection';

const order = [9, 7, 5, 3, 1];

describe('alarm list selection', () => {
  it('a click picks one row and makes it the anchor', () => {
    expect(clickSelect({ ids: [9, 7], anchor: 9 }, 5, order)).toEqual({ ids: [5], anchor: 5 });
  });

  it('Ctrl-click adds and removes single rows, kept in list order', () => {
    let s = clickSelect(NO_SELECTION, 5, order);
    s = clickSelect(s, 9, order, { toggle: true });
    expect(s).toEqual({ ids: [9, 5], anchor: 9 });
    s = clickSelect(s, 5, order, { toggle: true });
    expect(s).toEqual({ ids: [9], anchor: 5 });
  });

  it('Shift-click takes the rows between the anchor and the click, either way', () => {
    const s = clickSelect(NO_SELECTION, 7, order);
    expect(clickSelect(s, 3, order, { range: true })).toEqual({ ids: [7, 5, 3], anchor: 7 });
    expect(clickSelect(s, 9, order, { range: true })).toEqual({ ids: [9, 7], anchor: 7 });
    // With Ctrl too, the range is added to what was selected.
    expect(clickSelect({ ids: [1], anchor: 7 }, 5, order, { range: true, toggle: true })).toEqual({ ids: [7, 5, 1], anchor: 7 });
    // No anchor yet: a plain pick.
    expect(clickSelect(NO_SELECTION, 3, order, { range: true })).toEqual({ ids: [3], anchor: 3 });
  });

  it('the header checkbox selects every row, then none', () => {
    const all = toggleAll(NO_SELECTION, order);
    expect(all.ids).toEqual(order);
    expect(toggleAll(all, order)).toEqual(NO_SELECTION);
    expect(toggleAll(NO_SELECTION, [])).toEqual({ ids: [], anchor: null });
  });

  it('forgets alarms that left the list, and keeps the same object otherwise', () => {
    const s = { ids: [9, 5, 1], anchor: 5 };
    expect(pruneSelection(s, [9, 1])).toEqual({ ids: [9, 1], anchor: null });
    expect(pruneSelection(s, order)).toBe(s);
  });
});
