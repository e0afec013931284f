/**
 * The alarm's cameras in recorded playback: one session for all of them, driven by the alarm
 * video's own store. Mounted only while that store is in playback, so going live releases the
 * session and coming back starts a new one at the store's instant.
 */
import { useMemo, useRef } from 'react';
import { useStore } from 'zustand';
import type { ClientStore } from '@nightjar/ui';
import { PlaybackTile } from '../playback/PlaybackTile';
import { playbackTileStatus } from '../playback/playbackTileStatus';
import { formatDateTime } from '../playback/timeFormat';
import { usePlaybackSession } from '../playback/usePlaybackSession';
import { useSite } from '../session/siteContext';

export interface AlarmPlaybackGridProps {
  store: ClientStore;
  cameraIds: readonly string[];
  nameOf: (cameraId: string) => string;
}

export function AlarmPlaybackGrid({ store, cameraIds, nameOf }: AlarmPlaybackGridProps) {
  const { client } = useSite();
  const videos = useRef<(HTMLVideoElement | null)[]>([]);
  const refs = useMemo(() => cameraIds.map((_, i) => (el: HTMLVideoElement | null) => { videos.current[i] = el; }), [cameraIds]);
  const session = usePlaybackSession(client, store, cameraIds, videos);
  const shownSecond = useStore(store, (s) => Math.floor(s.playbackTimeMs / 1000));
  return (
    <>
      {cameraIds.map((id, i) => (
        <div key={id} className="al-video-cell">
          <PlaybackTile
            label={nameOf(id)}
            status={playbackTileStatus(session.state, session.cameras[i] ?? { kind: 'waiting' }, Date.now())}
            overlayTime={formatDateTime(shownSecond * 1000)}
            videoRef={refs[i]!}
          />
        </div>
      ))}
      {session.error ? <div className="al-video-error" role="alert">Playback: {session.error.message}</div> : null}
    </>
  );
}
