/**
 * The Live workspace: the view toolbar (which view, its layout, saving) over the grid of live
 * tiles. Entering it puts the client store in live mode. A tile may leave the live picture for
 * its own independent playback; that is kept here, per tile and camera, and ends when the tile
 * gets another camera.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { camerasQuery } from '@nightjar/ui';
import { useClientState, useSite } from '../session/siteContext';
import { ErrorBoundary } from '@nightjar/ui';
import { IndependentPlayback } from './IndependentPlayback';
import { ViewGrid } from './ViewGrid';
import { ViewToolbar } from './ViewToolbar';

export function LiveWorkspace() {
  const { client, store } = useSite();
  const cameras = useQuery(camerasQuery(client)).data;
  const tileCameras = useClientState((s) => s.tileCameras);
  const maximized = useClientState((s) => s.maximizedTile);
  /** Tiles in independent playback, with the camera they were playing back. */
  const [independent, setIndependent] = useState<ReadonlyMap<number, string>>(() => new Map());

  useEffect(() => {
    if (store.getState().mode !== 'live') store.getState().goLive();
  }, [store]);

  const start = useCallback((tile: number) => {
    const cameraId = store.getState().tileCameras[tile];
    if (cameraId) setIndependent((m) => new Map(m).set(tile, cameraId));
  }, [store]);
  const stop = useCallback((tile: number) => setIndependent((m) => {
    const next = new Map(m);
    next.delete(tile);
    return next;
  }), []);

  const overrides = useMemo(() => {
    const out = new Map<number, ReactNode>();
    for (const [tile, cameraId] of independent) {
      const camera = cameras?.find((c) => c.id === cameraId);
      if (!camera || tileCameras[tile] !== cameraId) continue;
      out.set(tile, (
        <ErrorBoundary label={`${camera.name} playback`} compact resetKey={cameraId}>
          <IndependentPlayback
            camera={camera}
            maximized={maximized === tile}
            onMaximize={() => store.getState().toggleMaximize(tile)}
            onClose={() => stop(tile)}
          />
        </ErrorBoundary>
      ));
    }
    return out;
  }, [independent, cameras, tileCameras, maximized, store, stop]);

  return (
    <div className="live-workspace">
      <ViewToolbar />
      <ViewGrid onIndependentPlayback={start} overrides={overrides} />
    </div>
  );
}
