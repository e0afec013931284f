import type { StateCreator } from 'zustand';

/** A time range chosen on the timeline (for export, evidence lock, bookmark), start before end. */
export interface TimeSelection {
  startMs: number;
  endMs: number;
}

export interface SelectionSlice {
  selection: TimeSelection | null;
  /** Takes the two ends in either order (a drag may go left); an empty range clears the selection. */
  selectRange: (aMs: number, bMs: number) => void;
  clearSelection: () => void;
}

export function createSelectionSlice<S extends SelectionSlice>(): StateCreator<S, [], [], SelectionSlice> {
  return (set) => ({
    selection: null,
    selectRange: (aMs, bMs) => set(() => {
      if (!Number.isFinite(aMs) || !Number.isFinite(bMs) || aMs === bMs) return { selection: null } as Partial<S>;
      return { selection: { startMs: Math.min(aMs, bMs), endMs: Math.max(aMs, bMs) } } as Partial<S>;
    }),
    clearSelection: () => set(() => ({ selection: null }) as Partial<S>),
  });
}
