/**
 * The tiles of the current view in playback: the view's own layout (so an operator finds each
 * camera where it was in live), all tiles driven by one session. Empty tiles stay empty. A
 * maximized tile fills the grid while the others stay mounted (hidden), so the session keeps
 * its video elements and does not restart.
 */
import type { CSSProperties } from 'react';
import { cameraLabel } from './cameraLabel';
import type { CameraPlayback, Layout, PlayerState } from '@nightjar/ui';
import { PlaybackTile } from './PlaybackTile';
import { playbackTileStatus } from './playbackTileStatus';

export interface PlaybackGridProps {
  layout: Layout;
  tileCameras: readonly (string | null)[];
  /** Tile index → slot in the session (tiles with a camera only). */
  slotOfTile: readonly (number | null)[];
  cameraNames: ReadonlyMap<string, string>;
  state: PlayerState;
  cameras: readonly CameraPlayback[];
  overlayTime: string;
  nowMs: number;
  selectedTile: number | null;
  maximizedTile: number | null;
  videoRef: (slot: number) => (element: HTMLVideoElement | null) => void;
  onSelectTile: (tile: number) => void;
  onToggleMaximize: (tile: number) => void;
}

export function PlaybackGrid(p: PlaybackGridProps) {
  const style: CSSProperties = p.maximizedTile === null
    ? { gridTemplateColumns: `repeat(${p.layout.columns}, 1fr)`, gridTemplateRows: `repeat(${p.layout.rows}, 1fr)` }
    : { gridTemplateColumns: '1fr', gridTemplateRows: '1fr' };
  return (
    <div className="pb-grid" style={style} data-testid="playback-grid">
      {p.layout.tiles.map((rect, tile) => {
        const cameraId = p.tileCameras[tile] ?? null;
        const slot = p.slotOfTile[tile] ?? null;
        const hidden = p.maximizedTile !== null && p.maximizedTile !== tile;
        const area: CSSProperties = p.maximizedTile === tile
          ? { gridColumn: '1 / -1', gridRow: '1 / -1' }
          : { gridColumn: `${rect.x + 1} / span ${rect.width}`, gridRow: `${rect.y + 1} / span ${rect.height}`, display: hidden ? 'none' : undefined };
        return (
          <div key={tile} className="pb-cell" style={area} data-tile={tile}>
            {cameraId === null || slot === null ? (
              <div className="pb-empty-tile" onClick={() => p.onSelectTile(tile)}>No camera</div>
            ) : (
              <PlaybackTile
                label={cameraLabel(p.cameraNames, cameraId)}
                status={playbackTileStatus(p.state, p.cameras[slot] ?? { kind: 'waiting' }, p.nowMs)}
                overlayTime={p.overlayTime}
                videoRef={p.videoRef(slot)}
                selected={p.selectedTile === tile}
                maximized={p.maximizedTile === tile}
                onClick={() => p.onSelectTile(tile)}
                onDoubleClick={() => p.onToggleMaximize(tile)}
              />
            )}
          </div>
        );
      })}
    </div>
  );
}
