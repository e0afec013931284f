import { describe, expect, it } from 'vitest';
import { IDLE_WARNING_MS, UNRESTRICTED_SETTINGS, allowedWorkspace, idleStep, isUntouchedScreen, offeredWorkspaces } from './clientProfile';

describe('offeredWorkspaces', () => {
  it("keeps the top bar's order and falls back to Live when none is offered", () => {
    expect(offeredWorkspaces({ workspaces: ['alarms', 'live'] })).toEqual(['live', 'alarms']);
    expect(offeredWorkspaces(UNRESTRICTED_SETTINGS)).toEqual(['live', 'playback', 'search', 'alarms']);
    expect(offeredWorkspaces({ workspaces: [] })).toEqual(['live']);
  });

  it('sends a hidden workspace to the first offered one', () => {
    expect(allowedWorkspace('search', ['live', 'playback'])).toBe('live');
    expect(allowedWorkspace('live', ['playback', 'alarms'])).toBe('playback');
    expect(allowedWorkspace('alarms', ['playback', 'alarms'])).toBe('alarms');
  });
});

describe('idleStep', () => {
  const min = 60_000;
  it('does nothing when the profile has no idle time', () => {
    expect(idleStep(0, 0, 10 * min, false)).toEqual({ kind: 'off' });
  });

  it('warns a minute before and signs out at the deadline', () => {
    expect(idleStep(10, 0, 0, false)).toEqual({ kind: 'wait', ms: 10 * min - IDLE_WARNING_MS, next: 'warn' });
    expect(idleStep(10, 0, 9.5 * min, true)).toEqual({ kind: 'wait', ms: 0.5 * min, next: 'signOut' });
    // Input since the warning moves the deadline: the next step is a new warning.
    expect(idleStep(10, 9.5 * min, 9.5 * min, false)).toEqual({ kind: 'wait', ms: 10 * min - IDLE_WARNING_MS, next: 'warn' });
    expect(idleStep(10, 0, 10 * min, true)).toEqual({ kind: 'signOut' });
    // Past the warning's time without a warning yet (a timer came late): warn now.
    expect(idleStep(10, 0, 9.5 * min, false)).toEqual({ kind: 'wait', ms: 0, next: 'warn' });
  });

  it('signs out at once after a sleep past the deadline, and warns half-way for a one-minute limit', () => {
    expect(idleStep(5, 0, 60 * min, false)).toEqual({ kind: 'signOut' });
    expect(idleStep(1, 0, 0, false)).toEqual({ kind: 'wait', ms: 0.5 * min, next: 'warn' });
  });
});

describe('isUntouchedScreen', () => {
  it('is true only for an empty screen without a stored view', () => {
    expect(isUntouchedScreen({ viewId: null, tileCameras: [null, null, null, null] })).toBe(true);
    expect(isUntouchedScreen({ viewId: null, tileCameras: [null, 'cam', null, null] })).toBe(false);
    expect(isUntouchedScreen({ viewId: 'v1', tileCameras: [null] })).toBe(false);
  });
});
