import type { StateCreator } from 'zustand';
import type { LayoutId } from './layouts';
import { LAYOUTS } from './layouts';

export interface ViewSlice {
  layoutId: LayoutId;
  /** Camera per tile index of the layout; null for an empty tile. Always as long as the layout's tile list. */
  tileCameras: (string | null)[];
  selectedTile: number | null;
  /** A maximized tile fills the view; the layout and its cameras stay as they were. */
  maximizedTile: number | null;
  setLayout: (layoutId: LayoutId) => void;
  assignCamera: (tile: number, cameraId: string | null) => void;
  swapTiles: (a: number, b: number) => void;
  selectTile: (tile: number | null) => void;
  toggleMaximize: (tile: number) => void;
}

export function createViewSlice<S extends ViewSlice>(initialLayout: LayoutId = '2x2'): StateCreator<S, [], [], ViewSlice> {
  return (set) => {
    const update = (patch: (s: ViewSlice) => Partial<ViewSlice>) => set((s) => patch(s) as Partial<S>);
    const valid = (s: ViewSlice, tile: number) => Number.isInteger(tile) && tile >= 0 && tile < s.tileCameras.length;
    return {
      layoutId: initialLayout,
      tileCameras: Array.from(LAYOUTS[initialLayout].tiles, () => null),
      selectedTile: null,
      maximizedTile: null,
      setLayout: (layoutId) => update((s) => {
        // Cameras keep their order: the first tiles of one layout become the first of the next,
        // so switching 2x2 → 3x3 → 2x2 loses nothing that fitted.
        const count = LAYOUTS[layoutId].tiles.length;
        const tileCameras = Array.from({ length: count }, (_, i) => s.tileCameras[i] ?? null);
        const keep = (t: number | null) => (t !== null && t < count ? t : null);
        return { layoutId, tileCameras, selectedTile: keep(s.selectedTile), maximizedTile: keep(s.maximizedTile) };
      }),
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
