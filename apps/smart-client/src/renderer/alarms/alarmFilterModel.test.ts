import { describe, expect, it } from 'vitest';
import { DEFAULT_LIST_VIEW, alarmFilter, isDefaultView, togglePriority, toggleState } from './alarmFilterModel';

const now = Date.parse('2026-03-01T10:30:45.500Z');

describe('alarm filter bar', () => {
  it('shows the open alarms, newest first, by default', () => {
    expect(alarmFilter(DEFAULT_LIST_VIEW, now)).toEqual({ state: ['new', 'inProgress', 'onHold'] });
    expect(isDefaultView(DEFAULT_LIST_VIEW)).toBe(true);
    expect(isDefaultView(toggleState(toggleState(DEFAULT_LIST_VIEW, 'new'), 'new'))).toBe(true);
    expect(isDefaultView({ ...DEFAULT_LIST_VIEW, sort: 'priority' })).toBe(true);
  });

  it('keeps states and priorities in their own order whatever the clicks', () => {
    let view = toggleState(DEFAULT_LIST_VIEW, 'inProgress');
    view = toggleState(view, 'closed');
    view = togglePriority(togglePriority(view, 3), 1);
    expect(view.states).toEqual(['new', 'onHold', 'closed']);
    expect(view.priorities).toEqual([1, 3]);
    expect(alarmFilter(view, now)).toEqual({ state: ['new', 'onHold', 'closed'], priority: [1, 3] });
  });

  it('asks for every state or priority when all or none are picked', () => {
    const all = toggleState(DEFAULT_LIST_VIEW, 'closed');
    expect(alarmFilter(all, now)).toEqual({});
    expect(alarmFilter({ ...DEFAULT_LIST_VIEW, states: [], priorities: [1, 2, 3, 4, 5] }, now)).toEqual({});
  });

  it('turns a period into a start rounded down to the minute, and sends trimmed words and the sort', () => {
    const view = { ...DEFAULT_LIST_VIEW, states: [], period: 'hour' as const, text: '  door ', sort: 'priority' as const };
    expect(alarmFilter(view, now)).toEqual({ from: '2026-03-01T09:30:00.000Z', text: 'door', sort: 'priority' });
    expect(alarmFilter(view, now + 10_000)).toEqual(alarmFilter(view, now));
    expect(isDefaultView(view)).toBe(false);
    expect(isDefaultView(toggleState(DEFAULT_LIST_VIEW, 'closed'))).toBe(false);
  });
});
