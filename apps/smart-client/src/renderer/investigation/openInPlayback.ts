/**
 * Opening a found instant in playback: the camera must be on screen, so when it is not in the
 * view it takes the first empty tile, else the selected one, else the first; the view is
 * otherwise left as the operator arranged it.
 */
import type { ClientStore } from '@nightjar/ui';

/** The tile to show `cameraId` in, or the tile that already shows it. */
export function tileFor(tileCameras: readonly (string | null)[], selectedTile: number | null, cameraId: string): number {
  const shown = tileCameras.indexOf(cameraId);
  if (shown >= 0) return shown;
  const empty = tileCameras.indexOf(null);
  if (empty >= 0) return empty;
  return selectedTile ?? 0;
}

/** Puts the first camera on screen (selecting its tile) and moves playback to `atMs`. */
export function openInPlayback(store: ClientStore, cameraIds: readonly string[], atMs: number): void {
  const s = store.getState();
  const first = cameraIds[0];
  if (first !== undefined && s.tileCameras.length > 0) {
    const tile = tileFor(s.tileCameras, s.selectedTile, first);
    if (s.tileCameras[tile] !== first) s.assignCamera(tile, first);
    else s.selectTile(tile);
  }
  s.seek(atMs);
}
