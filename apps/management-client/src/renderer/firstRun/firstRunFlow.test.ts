import { describe, expect, it } from 'vitest';
import { DONE_STEP, INITIAL_FIRST_RUN, firstRunReducer, firstRunSummary } from './firstRunFlow';
import type { FirstRunAction, FirstRunState } from './firstRunFlow';

const run = (actions: FirstRunAction[], from: FirstRunState = INITIAL_FIRST_RUN) => actions.reduce(firstRunReducer, from);

describe('first-run flow', () => {
  it('walks the steps in order, remembering what each saved', () => {
    const s = run([
      { type: 'passwordChanged' },
      { type: 'storageSaved', storageId: 'st-1', created: { id: 'st-1', path: '/srv/rec' } },
      { type: 'camerasAdded', cameraIds: ['c1', 'c2'] },
      { type: 'camerasEnabled' },
    ]);
    expect(s).toMatchObject({ step: DONE_STEP, passwordChanged: true, storageId: 'st-1', createdStorage: { id: 'st-1' }, addedCameraIds: ['c1', 'c2'], skipped: [] });
    expect(firstRunSummary(s, 'Recordings')).toEqual(['The administrator password was changed.', 'Recordings go to Recordings.', '2 cameras were added.']);
  });

  it('skips steps, and a step done after going back is no longer skipped', () => {
    let s = run([{ type: 'skip' }, { type: 'skip' }]);
    expect(s).toMatchObject({ step: 2, skipped: [0, 1] });
    s = run([{ type: 'back' }, { type: 'storageSaved', storageId: 'live' }], s);
    expect(s).toMatchObject({ step: 2, skipped: [0], storageId: 'live' });
    expect(firstRunSummary(s, undefined)[0]).toMatch(/kept/);
  });

  it('keeps a storage it created when the step is saved again without creating one, and counts a camera once', () => {
    let s = run([{ type: 'skip' }, { type: 'storageSaved', storageId: 'st-1', created: { id: 'st-1', path: '/a' } }, { type: 'camerasAdded', cameraIds: ['c1'] }]);
    s = run([{ type: 'back' }, { type: 'camerasAdded', cameraIds: ['c1', 'c3'] }], s);
    expect(s.addedCameraIds).toEqual(['c1', 'c3']);
    s = run([{ type: 'back' }, { type: 'back' }, { type: 'storageSaved', storageId: 'st-1' }], s);
    expect(s.createdStorage).toEqual({ id: 'st-1', path: '/a' });
  });

  it('ignores actions of another step, back from the first or the last, and skip on Done', () => {
    expect(firstRunReducer(INITIAL_FIRST_RUN, { type: 'camerasEnabled' })).toBe(INITIAL_FIRST_RUN);
    expect(firstRunReducer(INITIAL_FIRST_RUN, { type: 'back' })).toBe(INITIAL_FIRST_RUN);
    const end = run([{ type: 'skip' }, { type: 'skip' }, { type: 'skip' }, { type: 'skip' }]);
    expect(end.step).toBe(DONE_STEP);
    expect(firstRunReducer(end, { type: 'back' })).toBe(end);
    expect(firstRunReducer(end, { type: 'skip' })).toBe(end);
  });
});
