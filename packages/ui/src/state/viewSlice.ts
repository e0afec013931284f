import type { StateCreator } from 'zustand';
import type { Layout, LayoutChoice, LayoutId } from './layouts';
import { LAYOUTS, gridLayout, isValidLayout } from './layouts';

/** What a stored view puts on screen (the Smart Client maps the site's view body to this). */
export interface AppliedView {
  /** The site's view id, so "save" knows what to update; null for an unsaved arrangement. */
  viewId: string | null;
  /** The stored revision applied, so a pushed update can tell whether it is newer. */
  revision?: number | null;
  layout: Layout;
  cameraIds: readonly (string | null)[];
}

export interface ViewSlice {
  /** The preset on screen, or 'custom'; `layout` holds the geometry either way. */
  layoutId: LayoutChoice;
  layout: Layout;
  /** Camera per tile index of the layout; null for an empty tile. Always as long as the layout's tile list. */
  tileCameras: (string | null)[];
  /** The stored view on screen (edits keep it until another view is applied); null when none is. */
  viewId: string | null;
  /** The revision of that view on screen (or last saved from here); null when none. */
  viewRevision: number | null;
  selectedTile: number | null;
  /** A maximized tile fills the view; the layout and its cameras stay as they were. */
  maximizedTile: number | null;
  setLayout: (layoutId: LayoutId) => void;
  /** A plain columns × rows grid (1..MAX_CUSTOM_GRID each); other sizes are ignored. */
  setCustomLayout: (columns: number, rows: number) => void;
  /** Puts a stored view on screen in one step; an invalid layout is ignored. */
  applyView: (view: AppliedView) => void;
  /** What is on screen was just stored as `viewId` at `revision` (saved, or detached with null). */
  markViewSaved: (viewId: string | null, revision: number | null) => void;
  assignCamera: (tile: number, cameraId: string | null) => void;
  swapTiles: (a: number, b: number) => void;
  selectTile: (tile: number | null) => void;
  toggleMaximize: (tile: number) => void;
}

export function createViewSlice<S extends ViewSlice>(initialLayout: LayoutId = '2x2'): StateCreator<S, [], [], ViewSlice> {
  return (set) => {
    const update = (patch: (s: ViewSlice) => Partial<ViewSlice>) => set((s) => patch(s) as Partial<S>);
    const valid = (s: ViewSlice, tile: number) => Number.isInteger(tile) && tile >= 0 && tile < s.tileCameras.length;
    // Cameras keep their order: the first tiles of one layout become the first of the next,
    // so switching 2x2 → 3x3 → 2x2 loses nothing that fitted.
    const relayout = (s: ViewSlice, layout: Layout): Partial<ViewSlice> => {
      const count = layout.tiles.length;
      const tileCameras = Array.from({ length: count }, (_, i) => s.tileCameras[i] ?? null);
      const keep = (t: number | null) => (t !== null && t < count ? t : null);
      return { layoutId: layout.id, layout, tileCameras, selectedTile: keep(s.selectedTile), maximizedTile: keep(s.maximizedTile) };
    };
    return {
      layoutId: initialLayout,
      layout: LAYOUTS[initialLayout],
      tileCameras: Array.from(LAYOUTS[initialLayout].tiles, () => null),
      viewId: null,
      viewRevision: null,
      selectedTile: null,
      maximizedTile: null,
      setLayout: (layoutId) => update((s) => (LAYOUTS[layoutId] ? relayout(s, LAYOUTS[layoutId]) : {})),
      setCustomLayout: (columns, rows) => update((s) => {
        const layout = gridLayout(columns, rows);
        return layout ? relayout(s, layout) : {};
      }),
      applyView: (view) => update(() => {
        if (!isValidLayout(view.layout)) return {};
        const tileCameras = Array.from(view.layout.tiles, (_, i) => view.cameraIds[i] ?? null);
        return {
          layoutId: view.layout.id, layout: view.layout, tileCameras, viewId: view.viewId, viewRevision: view.revision ?? null,
          selectedTile: null, maximizedTile: null,
        };
      }),
      markViewSaved: (viewId, revision) => update(() => ({ viewId, viewRevision: viewId === null ? null : revision })),
      assignCamera: (tile, cameraId) => update((s) => {
        if (!valid(s, tile)) return {};
        const tileCameras = [...s.tileCameras];
        tileCameras[tile] = cameraId;
        return { tileCameras, selectedTile: tile };
      }),
      swapTiles: (a, b) => update((s) => {
        if (!valid(s, a) || !valid(s, b) || a === b) return {};
        const tileCameras = [...s.tileCameras];
        [tileCameras[a], tileCameras[b]] = [s.tileCameras[b] ?? null, s.tileCameras[a] ?? null];
        return { tileCameras };
      }),
      selectTile: (tile) => update((s) => (tile === null || valid(s, tile) ? { selectedTile: tile } : {})),
      toggleMaximize: (tile) => update((s) => {
        if (!valid(s, tile)) return {};
        return s.maximizedTile === tile ? { maximizedTile: null } : { maximizedTile: tile, selectedTile: tile };
      }),
    };
  };
}
