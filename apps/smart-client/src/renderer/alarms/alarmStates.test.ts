import { describe, expect, it } from 'vitest';
import { bulkAvailability, bulkDoneText, canMove, stateActions } from './alarmStates';

describe('alarm state moves', () => {
  it('offers In progress, On hold and Close as the site allows them', () => {
    const enabled = (s: Parameters<typeof stateActions>[0]) => stateActions(s).filter((a) => a.enabled).map((a) => a.label);
    expect(enabled('new')).toEqual(['In progress', 'On hold', 'Close']);
    expect(enabled('inProgress')).toEqual(['On hold', 'Close']);
    expect(enabled('onHold')).toEqual(['In progress', 'Close']);
    expect(enabled('closed')).toEqual([]);
    expect(stateActions('new').map((a) => a.to)).toEqual(['inProgress', 'onHold', 'closed']);
  });

  it('never goes back to New and never reopens a closed alarm', () => {
    for (const from of ['inProgress', 'onHold', 'closed'] as const) expect(canMove(from, 'new')).toBe(false);
    for (const to of ['new', 'inProgress', 'onHold'] as const) expect(canMove('closed', to)).toBe(false);
    expect(canMove('onHold', 'inProgress')).toBe(true);
  });
});

describe('bulk actions', () => {
  it('counts what each action would change', () => {
    expect(bulkAvailability([{ state: 'new' }, { state: 'inProgress' }, { state: 'onHold' }])).toEqual({ acknowledge: 2, close: 3 });
    expect(bulkAvailability([{ state: 'inProgress' }])).toEqual({ acknowledge: 0, close: 1 });
    expect(bulkAvailability([])).toEqual({ acknowledge: 0, close: 0 });
  });

  it('refuses to acknowledge a selection holding a closed alarm, as the site would', () => {
    expect(bulkAvailability([{ state: 'new' }, { state: 'closed' }])).toEqual({ acknowledge: 0, close: 1, acknowledgeBlockedBy: 'a selected alarm is closed' });
    expect(bulkAvailability([{ state: 'closed' }, { state: 'closed' }])).toEqual({ acknowledge: 0, close: 0 });
  });

  it('says what a bulk action did', () => {
    expect(bulkDoneText('acknowledge', 1)).toBe('1 alarm set In progress');
    expect(bulkDoneText('close', 3)).toBe('3 alarms closed');
  });
});
