/**
 * Independent playback of one camera inside a live tile: its own clock, controls and timeline,
 * while the rest of the view stays live. It has its own small client store (created here, gone
 * with the tile), so the window's playback time, keyboard shortcuts and other tiles are not
 * touched. Starts 30 seconds back, playing: "what just happened there?".
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { camerasQuery, createClientStore } from '@nightjar/ui';
import type { TimeWindow } from '@nightjar/ui';
import { useStore } from 'zustand';
import { ThumbnailCache } from '../investigation/thumbnailCache';
import { Icon } from '../shell/Icon';
import { useSite } from '../session/siteContext';
import { PlaybackControls } from './PlaybackControls';
import { PlaybackTile } from './PlaybackTile';
import { PlaybackTimeline } from './PlaybackTimeline';
import { playbackTileStatus } from './playbackTileStatus';
import { mergeSpans } from './sequenceNavigation';
import { formatDateTime } from './timeFormat';
import { fetchRange, followPlayhead, windowAround } from './timelineWindow';
import { usePlaybackSession } from './usePlaybackSession';
import { useTimelineData } from './useTimelineData';

export interface IndependentPlaybackTileProps {
  cameraId: string;
  onClose(): void;
}

const START_BACK_MS = 30_000;
const WINDOW_MS = 15 * 60_000;

export function IndependentPlaybackTile({ cameraId, onClose }: IndependentPlaybackTileProps) {
  const { client } = useSite();
  const [store] = useState(() => {
    const s = createClientStore({ layoutId: '1x1' });
    s.getState().assignCamera(0, cameraId);
    s.getState().seek(Date.now() - START_BACK_MS);
    return s;
  });
  const [thumbnails] = useState(() => new ThumbnailCache(client, { capacity: 24 }));
  useEffect(() => () => thumbnails.dispose(), [thumbnails]);
  const cameras = useQuery(camerasQuery(client));
  const name = cameras.data?.find((c) => c.id === cameraId)?.name ?? cameraId;
  const names = useMemo(() => new Map([[cameraId, name]]), [cameraId, name]);
  const ids = useMemo(() => [cameraId], [cameraId]);
  const videos = useRef<(HTMLVideoElement | null)[]>([]);
  const videoRef = useMemo(() => (element: HTMLVideoElement | null) => { videos.current[0] = element; }, []);
  const session = usePlaybackSession(client, store, ids, videos);
  const second = useStore(store, (s) => Math.floor(s.playbackTimeMs / 1000));

  const [visible, setVisible] = useState<TimeWindow>(() => windowAround(store.getState().playbackTimeMs, WINDOW_MS, 0.8));
  useEffect(() => store.subscribe((s) => setVisible((w) => followPlayhead(w, s.playbackTimeMs))), [store]);
  const data = useTimelineData(client, ids, names, fetchRange(visible));
  const sequences = useMemo(() => mergeSpans(data.rows.flatMap((r) => r.recordings)), [data.rows]);

  return (
    <div className="pb-independent" data-testid="independent-playback">
      <div className="pb-independent-video">
        <PlaybackTile
          label={name}
          status={playbackTileStatus(session.state, session.cameras[0] ?? { kind: 'waiting' }, Date.now())}
          overlayTime={formatDateTime(second * 1000)}
          videoRef={videoRef}
        />
        <span className="pb-independent-badge">Playback</span>
        <button type="button" className="icon-btn pb-independent-close" onClick={onClose} title="Back to live" aria-label="Close independent playback">
          <Icon name="close" size={14} />
        </button>
      </div>
      <PlaybackControls store={store} sequences={sequences} spanMs={WINDOW_MS} onLive={onClose} compact />
      <PlaybackTimeline store={store} window={visible} onWindowChange={setVisible} rows={data.rows} bookmarks={data.bookmarks}
        locks={data.locks} thumbnails={thumbnails} height={46} />
    </div>
  );
}
