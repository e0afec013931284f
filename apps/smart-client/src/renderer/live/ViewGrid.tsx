/**
 * The view: tiles placed on the layout's grid (CSS grid lines from the layout data, so every
 * preset and custom grid is drawn by the same code). A maximized tile spans the grid while the
 * others stay mounted but hidden, so restoring is instant.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { camerasQuery } from '@nightjar/ui';
import { useClientState, useSite } from '../session/siteContext';
import { ViewTile } from './ViewTile';

export interface ViewGridProps {
  onIndependentPlayback?: (tile: number) => void;
  /** Content that replaces a tile's live picture (independent playback), by tile index. */
  overrides?: ReadonlyMap<number, ReactNode>;
}

export function ViewGrid({ onIndependentPlayback, overrides }: ViewGridProps) {
  const { client } = useSite();
  const layout = useClientState((s) => s.layout);
  const tileCameras = useClientState((s) => s.tileCameras);
  const selected = useClientState((s) => s.selectedTile);
  const maximized = useClientState((s) => s.maximizedTile);
  const cameras = useQuery(camerasQuery(client));
  const byId = useMemo(() => new Map((cameras.data ?? []).map((c) => [c.id, c])), [cameras.data]);

  return (
    <div
      className="view-grid"
      data-testid="view-grid"
      data-layout={layout.id}
      style={{ gridTemplateColumns: `repeat(${layout.columns}, minmax(0, 1fr))`, gridTemplateRows: `repeat(${layout.rows}, minmax(0, 1fr))` }}
    >
      {layout.tiles.map((rect, i) => {
        const cameraId = tileCameras[i] ?? null;
        return (
          <ViewTile
            // Keyed by camera too: a new camera in a tile is a new player, never a reused one.
            key={`${i}:${cameraId ?? ''}`}
            index={i}
            rect={rect}
            cameraId={cameraId}
            camera={cameraId ? byId.get(cameraId) : undefined}
            camerasLoaded={cameras.isSuccess}
            selected={selected === i}
            maximized={maximized === i}
            hidden={maximized !== null && maximized !== i}
            onIndependentPlayback={onIndependentPlayback}
            override={overrides?.get(i)}
          />
        );
      })}
    </div>
  );
}
