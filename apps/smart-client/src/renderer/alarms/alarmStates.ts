/**
 * The state moves the Alarm Manager offers, so it never shows a button the site would refuse.
 * The table mirrors vms-core's alarms/common/alarmChanges.ts (the renderer may take only types
 * from vms-core): New → In progress ⇄ On hold; any → Closed, which is final; nothing returns
 * to New. The site still decides: a move someone else made first comes back as a 400 naming
 * "state", which the details pane shows.
 */
import type { AlarmBody, AlarmState, BulkAlarmAction } from '@nightjar/ui';

const NEXT: Record<AlarmState, readonly AlarmState[]> = {
  new: ['inProgress', 'onHold', 'closed'],
  inProgress: ['onHold', 'closed'],
  onHold: ['inProgress', 'closed'],
  closed: [],
};

export interface StateAction {
  to: AlarmState;
  /** The button's text: what the operator does, not the state's name alone. */
  label: string;
}

const ACTION_LABEL: Record<Exclude<AlarmState, 'new'>, string> = { inProgress: 'In progress', onHold: 'On hold', closed: 'Close' };

/** The three buttons of the details pane, each enabled when the move is allowed from `state`. */
export function stateActions(state: AlarmState): (StateAction & { enabled: boolean })[] {
  return (['inProgress', 'onHold', 'closed'] as const).map((to) => ({ to, label: ACTION_LABEL[to], enabled: NEXT[state].includes(to) }));
}

export function canMove(from: AlarmState, to: AlarmState): boolean {
  return NEXT[from].includes(to);
}

/** Whether an alarm still needs someone (the list's "open" alarms). */
export function isOpen(state: AlarmState): boolean {
  return state !== 'closed';
}

export interface BulkAvailability {
  /** How many of the selected alarms each action would change (0: the button is disabled). */
  acknowledge: number;
  close: number;
  /** Why acknowledging is refused although some would change (the site refuses the whole batch). */
  acknowledgeBlockedBy?: string;
}

/**
 * What the bulk buttons may do with the selection. The site applies a bulk action to all or to
 * none, leaving alarms already in the target state alone; acknowledging a closed alarm is
 * refused, so a selection holding one cannot be acknowledged.
 */
export function bulkAvailability(selected: readonly Pick<AlarmBody, 'state'>[]): BulkAvailability {
  const closed = selected.filter((a) => a.state === 'closed').length;
  const toAcknowledge = selected.filter((a) => a.state === 'new' || a.state === 'onHold').length;
  return {
    acknowledge: closed > 0 ? 0 : toAcknowledge,
    close: selected.length - closed,
    ...(closed > 0 && toAcknowledge > 0 ? { acknowledgeBlockedBy: closed === 1 ? 'a selected alarm is closed' : `${closed} selected alarms are closed` } : {}),
  };
}

/** The notice after a bulk action, in the operator's words. */
export function bulkDoneText(action: BulkAlarmAction, changed: number): string {
  const alarms = `${changed} alarm${changed === 1 ? '' : 's'}`;
  return action === 'acknowledge' ? `${alarms} set In progress` : `${alarms} closed`;
}
