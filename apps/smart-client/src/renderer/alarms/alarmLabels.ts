/**
 * How the Alarm Manager names what the site sends as codes: states, priorities (a number, 1
 * highest, that the site leaves to clients to name), sources and history lines. Pure, so the
 * wording is tested and every part of the workspace says the same thing.
 */
import type { AlarmBody, AlarmDetailsBody, AlarmState } from '@nightjar/ui';
import { formatDuration } from '../playback/timeFormat';

export const STATE_LABEL: Record<AlarmState, string> = { new: 'New', inProgress: 'In progress', onHold: 'On hold', closed: 'Closed' };

/** The site's states in the order an alarm lives through them. */
export const ALARM_STATE_ORDER: readonly AlarmState[] = ['new', 'inProgress', 'onHold', 'closed'];

const PRIORITY_NAME = ['Critical', 'High', 'Medium', 'Low', 'Lowest'] as const;
export const PRIORITIES = [1, 2, 3, 4, 5] as const;

/** "1 Critical"; the number stays so operators can talk about "a priority 2". */
export function priorityLabel(priority: number): string {
  const name = PRIORITY_NAME[priority - 1];
  return name ? `${priority} ${name}` : String(priority);
}

export function isAlarmState(value: string | undefined): value is AlarmState {
  return value !== undefined && (ALARM_STATE_ORDER as readonly string[]).includes(value);
}

const SOURCE_KIND: Record<string, string> = {
  camera: 'Camera', storage: 'Storage', server: 'Recording server', userDefinedEvent: 'User-defined event', genericEvent: 'Generic event',
  analyticsSource: 'Analytics', input: 'Input', output: 'Output', hardware: 'Hardware',
};

/** Where the alarm came from; a camera the operator may not see is said to be so, not named. */
export function sourceLabel(source: AlarmBody['source']): string {
  const kind = SOURCE_KIND[source.kind] ?? source.kind;
  if (source.kind === 'camera' && source.id === undefined) return 'Camera not available';
  return source.name ? `${kind}: ${source.name}` : kind;
}

type HistoryEntry = AlarmDetailsBody['history'][number];

/** One line of the history: what happened (who and when are shown beside it). */
export function historyText(h: HistoryEntry): string {
  const state = (s: string | undefined) => (isAlarmState(s) ? STATE_LABEL[s] : (s ?? '—'));
  switch (h.action) {
    case 'raised':
      return h.detail ? `Raised: ${h.detail}` : 'Raised';
    case 'state':
      return `${state(h.from)} → ${state(h.to)}`;
    case 'assignee':
      return h.to ? `Assigned to ${h.to}${h.from ? ` (was ${h.from})` : ''}` : `Unassigned${h.from ? ` (was ${h.from})` : ''}`;
    case 'comment':
      return h.detail ? `Commented: ${h.detail}` : 'Commented';
    case 'autoClosed':
      return h.detail ? `Closed by the site: ${h.detail}` : 'Closed by the site';
  }
}

/** "3 min 05 s ago" for the list, so the age of an open alarm reads at a glance. */
export function ageLabel(raisedAtMs: number, nowMs: number): string {
  const ms = nowMs - raisedAtMs;
  if (ms < 5000) return 'just now';
  return `${formatDuration(ms)} ago`;
}

/** Further triggering events a flooding definition counted into this alarm. */
export function repeatsLabel(repeats: number): string | null {
  return repeats > 0 ? `+${repeats} repeat${repeats === 1 ? '' : 's'}` : null;
}
