/**
 * The first-run wizard's steps as a reducer: each step either completes (having saved its part
 * on the site) or is skipped, and the wizard remembers what was done for the Done page and for
 * later steps (the storage chosen is where discovered cameras record). Back never undoes a
 * saved step; doing a step again changes the site again (the storage step updates the storage
 * it created rather than adding another).
 */
export const FIRST_RUN_STEPS = ['Administrator', 'Storage', 'Discover cameras', 'Enable', 'Done'] as const;
export type FirstRunStep = 0 | 1 | 2 | 3 | 4;
export const DONE_STEP: FirstRunStep = 4;

export interface FirstRunState {
  step: FirstRunStep;
  passwordChanged: boolean;
  /** The storage new cameras record to; null until the storage step ran (the site's first storage then). */
  storageId: string | null;
  /** A storage this wizard created, so doing the step again updates it instead of adding a second. */
  createdStorage: { id: string; path: string } | null;
  /** Cameras added by the discover step, in the order added. */
  addedCameraIds: string[];
  skipped: FirstRunStep[];
}

export type FirstRunAction =
  | { type: 'passwordChanged' }
  | { type: 'storageSaved'; storageId: string; created?: { id: string; path: string } }
  | { type: 'camerasAdded'; cameraIds: string[] }
  | { type: 'camerasEnabled' }
  | { type: 'skip' }
  | { type: 'back' };

export const INITIAL_FIRST_RUN: FirstRunState = { step: 0, passwordChanged: false, storageId: null, createdStorage: null, addedCameraIds: [], skipped: [] };

const forward = (s: FirstRunState): FirstRunStep => Math.min(DONE_STEP, s.step + 1) as FirstRunStep;
const done = (s: FirstRunState, step: FirstRunStep) => s.skipped.filter((x) => x !== step);

export function firstRunReducer(s: FirstRunState, a: FirstRunAction): FirstRunState {
  switch (a.type) {
    case 'passwordChanged':
      return s.step !== 0 ? s : { ...s, passwordChanged: true, skipped: done(s, 0), step: 1 };
    case 'storageSaved':
      return s.step !== 1 ? s : { ...s, storageId: a.storageId, createdStorage: a.created ?? s.createdStorage, skipped: done(s, 1), step: 2 };
    case 'camerasAdded':
      return s.step !== 2 ? s : { ...s, addedCameraIds: [...s.addedCameraIds, ...a.cameraIds.filter((id) => !s.addedCameraIds.includes(id))], skipped: done(s, 2), step: 3 };
    case 'camerasEnabled':
      return s.step !== 3 ? s : { ...s, skipped: done(s, 3), step: 4 };
    case 'skip':
      return s.step === DONE_STEP ? s : { ...s, skipped: [...done(s, s.step), s.step], step: forward(s) };
    case 'back':
      return s.step === 0 || s.step === DONE_STEP ? s : { ...s, step: (s.step - 1) as FirstRunStep };
  }
}

/** What the Done page lists. */
export function firstRunSummary(s: FirstRunState, storageName: string | undefined): string[] {
  return [
    s.passwordChanged ? 'The administrator password was changed.' : 'The administrator password was kept.',
    s.storageId ? `Recordings go to ${storageName ?? 'the chosen storage'}.` : 'Storage was left as it was.',
    s.addedCameraIds.length > 0 ? `${s.addedCameraIds.length} ${s.addedCameraIds.length === 1 ? 'camera was' : 'cameras were'} added.` : 'No camera was added.',
  ];
}
