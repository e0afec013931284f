/**
 * The Alarm Manager's filter bar as data: which states and priorities to show, how far back,
 * words to look for, and the order. Turned into listAlarms' filter here (the site filters and
 * sorts; 100,000 alarms never reach the client), so the rules are tested without a browser.
 */
import type { AlarmFilter, AlarmState } from '@nightjar/ui';
import { ALARM_STATE_ORDER, PRIORITIES } from './alarmLabels';

export type AlarmPeriod = 'all' | 'hour' | 'day' | 'week';
export type AlarmSort = 'time' | 'priority';

export interface AlarmListView {
  /** Shown states; empty or all four mean every state. */
  states: readonly AlarmState[];
  /** Shown priorities; empty or all five mean every priority. */
  priorities: readonly number[];
  period: AlarmPeriod;
  text: string;
  sort: AlarmSort;
}

/** What an operator opens the workspace to: everything still open, newest first. */
export const DEFAULT_LIST_VIEW: AlarmListView = { states: ['new', 'inProgress', 'onHold'], priorities: [], period: 'all', text: '', sort: 'time' };

const MINUTE = 60_000;
export const PERIODS: readonly { id: AlarmPeriod; label: string; ms: number }[] = [
  { id: 'all', label: 'Any time', ms: 0 },
  { id: 'hour', label: 'Last hour', ms: 60 * MINUTE },
  { id: 'day', label: 'Last 24 hours', ms: 24 * 60 * MINUTE },
  { id: 'week', label: 'Last 7 days', ms: 7 * 24 * 60 * MINUTE },
];

export const SORTS: readonly { id: AlarmSort; label: string }[] = [
  { id: 'time', label: 'Newest first' },
  { id: 'priority', label: 'Highest priority first' },
];

/** Adds or removes one item, keeping the canonical order (so the cache key does not depend on clicks). */
export function toggleIn<T>(list: readonly T[], item: T, order: readonly T[]): T[] {
  const next = list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
  return order.filter((x) => next.includes(x));
}

export const toggleState = (view: AlarmListView, state: AlarmState): AlarmListView => ({ ...view, states: toggleIn(view.states, state, ALARM_STATE_ORDER) });
export const togglePriority = (view: AlarmListView, priority: number): AlarmListView => ({ ...view, priorities: toggleIn(view.priorities, priority, PRIORITIES) });

/**
 * listAlarms' filter for the bar. `from` is rounded down to the minute, so the list's cache key
 * (and so its fetch) changes once a minute rather than on every render.
 */
export function alarmFilter(view: AlarmListView, nowMs: number): AlarmFilter {
  const everyState = view.states.length === 0 || view.states.length === ALARM_STATE_ORDER.length;
  const everyPriority = view.priorities.length === 0 || view.priorities.length === PRIORITIES.length;
  const period = PERIODS.find((p) => p.id === view.period)?.ms ?? 0;
  const text = view.text.trim();
  return {
    ...(everyState ? {} : { state: [...view.states] }),
    ...(everyPriority ? {} : { priority: [...view.priorities] }),
    ...(period > 0 ? { from: new Date(Math.floor(nowMs / MINUTE) * MINUTE - period).toISOString() } : {}),
    ...(text ? { text: text.slice(0, 200) } : {}),
    ...(view.sort === 'priority' ? { sort: 'priority' as const } : {}),
  };
}

/** Whether the bar shows what the workspace opens with (every open alarm), whatever the order. */
export function isDefaultView(view: AlarmListView): boolean {
  const states = DEFAULT_LIST_VIEW.states;
  return view.states.length === states.length && states.every((s) => view.states.includes(s))
    && view.priorities.length === 0 && view.period === 'all' && view.text.trim() === '';
}
