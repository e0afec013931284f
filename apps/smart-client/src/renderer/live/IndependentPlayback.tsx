/**
 * "Independent playback" of one live tile: the tile plays its camera's recording from a little
 * before now with its own play/pause/step/speed bar, while the rest of the view stays live.
 * It keeps its own client store (its own playback time), so it never moves the view's synchronized
 * playback; the session and the tile are the Playback workspace's own parts. Reaching the present,
 * or "Live", returns the tile to live view.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { createClientStore, sequencesQuery, spansOf } from '@nightjar/ui';
import type { CameraBody } from '@nightjar/ui';
import { PlaybackControls } from '../playback/PlaybackControls';
import { PlaybackTile } from '../playback/PlaybackTile';
import { playbackTileStatus } from '../playback/playbackTileStatus';
import { formatDateTime } from '../playback/timeFormat';
import { usePlaybackSession } from '../playback/usePlaybackSession';
import { useSite } from '../session/siteContext';
import { Icon } from '@nightjar/ui';

export interface IndependentPlaybackProps {
  camera: CameraBody;
  maximized: boolean;
  onMaximize: () => void;
  /** Back to live in this tile. */
  onClose: () => void;
}

/** Where it starts: far enough back to see what just happened. */
export const INDEPENDENT_START_BACK_MS = 30_000;
const DAY = 86_400_000;

export function IndependentPlayback({ camera, maximized, onMaximize, onClose }: IndependentPlaybackProps) {
  const { client } = useSite();
  const [store] = useState(() => {
    const s = createClientStore({ playbackTimeMs: Date.now() });
    s.getState().seek(Date.now() - INDEPENDENT_START_BACK_MS);
    return s;
  });
  const videos = useRef<(HTMLVideoElement | null)[]>([]);
  const cameraIds = useMemo(() => [camera.id], [camera.id]);
  const session = usePlaybackSession(client, store, cameraIds, videos);
  const videoRef = useCallback((element: HTMLVideoElement | null) => {
    videos.current[0] = element;
  }, []);
  const shownSecond = useStore(store, (s) => Math.floor(s.playbackTimeMs / 1000));

  // The last day's recordings, for previous / next sequence on the bar.
  const [range] = useState(() => {
    const now = Math.floor(Date.now() / 60_000) * 60_000;
    return { from: new Date(now - DAY).toISOString(), to: new Date(now + 60_000).toISOString(), now };
  });
  const sequences = useQuery({
    ...sequencesQuery(client, camera.id, { from: range.from, to: range.to }, range.now),
    select: (body) => spansOf(body.recordings),
  });

  useEffect(() => store.subscribe((s) => {
    // Forward play reached the present: that is live view again.
    if (s.mode === 'live') onClose();
  }), [store, onClose]);

  return (
    <div className="independent-playback" data-testid="independent-playback">
      <div className="independent-tile">
        <PlaybackTile
          label={camera.name}
          status={playbackTileStatus(session.state, session.cameras[0] ?? { kind: 'waiting' }, Date.now())}
          overlayTime={formatDateTime(shownSecond * 1000)}
          videoRef={videoRef}
          maximized={maximized}
          onDoubleClick={onMaximize}
        />
        <span className="independent-badge"><Icon name="history" size={11} />Independent playback</span>
      </div>
      <PlaybackControls store={store} sequences={sequences.data ?? []} spanMs={0} onZoom={() => undefined} onLive={onClose} compact />
    </div>
  );
}
