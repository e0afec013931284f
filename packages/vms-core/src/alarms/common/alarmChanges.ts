/**
 * How an alarm may change, and what a change writes into its history. Pure, so the Smart
 * Client offers only the moves the site accepts.
 *
 *   New ──▶ In progress ◀──▶ On hold
 *    │            │              │
 *    └────────────┴──────────────┴──▶ Closed (final)
 *
 * Nothing returns to New (it means "nobody has looked yet"), and a closed alarm stays closed:
 * a recurrence is a new alarm. A closed alarm still takes comments (what was found afterwards)
 * but no new assignee.
 */
import type { Alarm, AlarmHistoryAction, AlarmState } from './alarm';
import { ALARM_LIMITS, ALARM_STATES } from './alarm';

const NEXT: Record<AlarmState, readonly AlarmState[]> = {
  new: ['inProgress', 'onHold', 'closed'],
  inProgress: ['onHold', 'closed'],
  onHold: ['inProgress', 'closed'],
  closed: [],
};

const LABEL: Record<AlarmState, string> = { new: 'New', inProgress: 'In progress', onHold: 'On hold', closed: 'Closed' };

/** States an alarm may move to from `state` (not counting staying where it is). */
export function nextStates(state: AlarmState): readonly AlarmState[] {
  return NEXT[state];
}

/** One request's change: any of them, applied together. `assigneeId: null` unassigns. */
export interface AlarmChange {
  state?: AlarmState;
  assigneeId?: string | null;
  comment?: string;
}

export interface AlarmProblem {
  field: string;
  message: string;
}

export function alarmChangeProblem(alarm: Pick<Alarm, 'state' | 'assigneeId'>, change: AlarmChange, field = ''): AlarmProblem | undefined {
  const at = (name: string) => (field ? `${field}.${name}` : name);
  if (change.state === undefined && change.assigneeId === undefined && change.comment === undefined) {
    return { field: at('state'), message: 'say what changes: state, assigneeId or comment' };
  }
  if (change.state !== undefined && change.state !== alarm.state) {
    if (!ALARM_STATES.includes(change.state)) return { field: at('state'), message: `one of ${ALARM_STATES.join(', ')}` };
    if (!NEXT[alarm.state].includes(change.state)) {
      return {
        field: at('state'),
        message: alarm.state === 'closed' ? 'a closed alarm stays closed' : `${LABEL[alarm.state]} alarms cannot become ${LABEL[change.state]}`,
      };
    }
  }
  if (change.assigneeId !== undefined && (change.assigneeId ?? undefined) !== alarm.assigneeId && alarm.state === 'closed') {
    return { field: at('assigneeId'), message: 'a closed alarm is not assigned to anyone new' };
  }
  if (change.comment !== undefined && (change.comment.trim() === '' || change.comment.length > ALARM_LIMITS.commentMaxLength)) {
    return { field: at('comment'), message: `1 to ${ALARM_LIMITS.commentMaxLength} characters` };
  }
  return undefined;
}

/** A history line a change writes (before who and when are added). */
export interface AlarmHistoryStep {
  action: AlarmHistoryAction;
  from?: string;
  to?: string;
  detail?: string;
}

/**
 * What a valid change does: the new state and assignee, and the history lines (in this order:
 * assignee, comment, state, so a "comment and close" reads as it happened).
 */
export function applyAlarmChange(alarm: Pick<Alarm, 'state' | 'assigneeId'>, change: AlarmChange): {
  state: AlarmState; assigneeId: string | undefined; steps: AlarmHistoryStep[];
} {
  const steps: AlarmHistoryStep[] = [];
  let assigneeId = alarm.assigneeId;
  if (change.assigneeId !== undefined && (change.assigneeId ?? undefined) !== alarm.assigneeId) {
    assigneeId = change.assigneeId ?? undefined;
    steps.push({ action: 'assignee', ...(alarm.assigneeId ? { from: alarm.assigneeId } : {}), ...(assigneeId ? { to: assigneeId } : {}) });
  }
  if (change.comment !== undefined) steps.push({ action: 'comment', detail: change.comment.trim().slice(0, 80) });
  let state = alarm.state;
  if (change.state !== undefined && change.state !== alarm.state) {
    steps.push({ action: 'state', from: alarm.state, to: change.state });
    state = change.state;
  }
  return { state, assigneeId, steps };
}

/** What bulkUpdateAlarms does: acknowledge (In progress) or close. */
export type BulkAlarmAction = 'acknowledge' | 'close';

/** The change a bulk action makes to one alarm; undefined when it is there already (no-op). */
export function bulkChange(alarm: Pick<Alarm, 'state'>, action: BulkAlarmAction): AlarmChange | undefined {
  const to: AlarmState = action === 'acknowledge' ? 'inProgress' : 'closed';
  return alarm.state === to ? undefined : { state: to };
}
