import { describe, expect, it } from 'vitest';
import type { AlarmState } from './alarm';
import { ALARM_STATES } from './alarm';
import { alarmChangeProblem, applyAlarmChange, bulkChange, nextStates } from './alarmChanges';

describe('alarm state machine', () => {
  it('moves forward and between In progress and On hold, never back to New, and never out of Closed', () => {
    const allowed = (from: AlarmState) => ALARM_STATES.filter((to) => to !== from && alarmChangeProblem({ state: from }, { state: to }) === undefined);
    expect(allowed('new')).toEqual(['inProgress', 'onHold', 'closed']);
    expect(allowed('inProgress')).toEqual(['onHold', 'closed']);
    expect(allowed('onHold')).toEqual(['inProgress', 'closed']);
    expect(allowed('closed')).toEqual([]);
    for (const s of ALARM_STATES) expect(allowed(s)).toEqual(nextStates(s));
    expect(alarmChangeProblem({ state: 'inProgress' }, { state: 'new' })).toEqual({ field: 'state', message: 'In progress alarms cannot become New' });
    expect(alarmChangeProblem({ state: 'closed' }, { state: 'inProgress' })).toEqual({ field: 'state', message: 'a closed alarm stays closed' });
  });

  it('treats the current state as no change, and names the field (with a prefix for bulk items)', () => {
    expect(alarmChangeProblem({ state: 'closed' }, { state: 'closed' })).toBeUndefined();
    expect(applyAlarmChange({ state: 'closed' }, { state: 'closed' }).steps).toEqual([]);
    expect(alarmChangeProblem({ state: 'new' }, {})?.field).toBe('state');
    expect(alarmChangeProblem({ state: 'closed' }, { state: 'onHold' }, 'alarmIds[3]')?.field).toBe('alarmIds[3].state');
    expect(alarmChangeProblem({ state: 'new' }, { comment: '   ' })?.field).toBe('comment');
    expect(alarmChangeProblem({ state: 'new' }, { comment: 'x'.repeat(2001) })?.field).toBe('comment');
  });

  it('takes comments on a closed alarm but no new assignee', () => {
    expect(alarmChangeProblem({ state: 'closed', assigneeId: 'u1' }, { comment: 'found the cause' })).toBeUndefined();
    expect(alarmChangeProblem({ state: 'closed', assigneeId: 'u1' }, { assigneeId: 'u2' })?.field).toBe('assigneeId');
    expect(alarmChangeProblem({ state: 'closed', assigneeId: 'u1' }, { assigneeId: 'u1' })).toBeUndefined();
    // Assigning while closing is one step from an open alarm.
    expect(alarmChangeProblem({ state: 'inProgress' }, { state: 'closed', assigneeId: 'u2' })).toBeUndefined();
  });

  it('writes assignee, comment and state into the history in that order', () => {
    const r = applyAlarmChange({ state: 'new', assigneeId: 'u1' }, { state: 'inProgress', assigneeId: 'u2', comment: ' on my way ' });
    expect(r).toEqual({
      state: 'inProgress', assigneeId: 'u2',
      steps: [{ action: 'assignee', from: 'u1', to: 'u2' }, { action: 'comment', detail: 'on my way' }, { action: 'state', from: 'new', to: 'inProgress' }],
    });
    expect(applyAlarmChange({ state: 'onHold', assigneeId: 'u1' }, { assigneeId: null })).toEqual({
      state: 'onHold', assigneeId: undefined, steps: [{ action: 'assignee', from: 'u1' }],
    });
  });

  it('acknowledges to In progress and closes in bulk, leaving alarms already there alone', () => {
    expect(bulkChange({ state: 'new' }, 'acknowledge')).toEqual({ state: 'inProgress' });
    expect(bulkChange({ state: 'onHold' }, 'acknowledge')).toEqual({ state: 'inProgress' });
    expect(bulkChange({ state: 'inProgress' }, 'acknowledge')).toBeUndefined();
    expect(bulkChange({ state: 'closed' }, 'close')).toBeUndefined();
    // Acknowledging a closed alarm is a change the state machine refuses.
    expect(alarmChangeProblem({ state: 'closed' }, bulkChange({ state: 'closed' }, 'acknowledge')!)?.message).toBe('a closed alarm stays closed');
  });
});
