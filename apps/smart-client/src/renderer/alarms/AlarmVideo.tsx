/**
 * The alarm's cameras (the source camera first), played back from a little before the alarm
 * so the operator sees what led up to it, with the compact transport bar. It has its own
 * client store, so it never moves the Playback workspace's time. When playback catches up with
 * the present the cameras go live; "From the alarm" plays it again.
 */
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import type { AlarmBody } from '@nightjar/ui';
import { Icon, camerasQuery, createClientStore } from '@nightjar/ui';
import { PlaybackControls } from '../playback/PlaybackControls';
import { useSite } from '../session/siteContext';
import { alarmCameras, alarmGridColumns, playbackStartMs } from './alarmListModel';
import { AlarmLiveTile } from './AlarmLiveTile';
import { AlarmPlaybackGrid } from './AlarmPlaybackGrid';

export function AlarmVideo({ alarm }: { alarm: AlarmBody }) {
  const { client } = useSite();
  const startMs = playbackStartMs(alarm);
  const [store] = useState(() => {
    const s = createClientStore({ playbackTimeMs: startMs });
    s.getState().seek(startMs);
    return s;
  });
  const mode = useStore(store, (s) => s.mode);
  const cameras = useQuery(camerasQuery(client));
  const { shown, more } = useMemo(() => alarmCameras(alarm.relatedCameraIds), [alarm.relatedCameraIds]);
  const byId = useMemo(() => new Map((cameras.data ?? []).map((c) => [c.id, c])), [cameras.data]);
  const nameOf = (id: string) => byId.get(id)?.name ?? 'Camera';
  const replay = () => {
    store.getState().seek(startMs);
    store.getState().play();
  };

  if (shown.length === 0) {
    return <div className="al-video-none">No camera of this alarm that you may see.</div>;
  }
  return (
    <section className="al-video" aria-label="Alarm video" data-testid="alarm-video" data-mode={mode}>
      <div className="al-video-grid" style={{ gridTemplateColumns: `repeat(${alarmGridColumns(shown.length)}, 1fr)` }}>
        {mode === 'playback'
          ? <AlarmPlaybackGrid store={store} cameraIds={shown} nameOf={nameOf} />
          : shown.map((id) => {
            const camera = byId.get(id);
            return camera ? <AlarmLiveTile key={id} camera={camera} /> : <div key={id} className="al-video-missing">Camera not available</div>;
          })}
      </div>
      <div className="al-video-bar">
        {mode === 'playback' ? (
          <PlaybackControls store={store} sequences={[]} spanMs={0} onLive={() => store.getState().goLive()} compact />
        ) : (
          <span className="al-video-live"><Icon name="live" size={14} /> Live</span>
        )}
        <button type="button" className="btn btn-sm" onClick={replay} title="Play again from just before the alarm">
          <Icon name="history" size={13} /> From the alarm
        </button>
      </div>
      {more.length > 0 ? <div className="al-video-more">Also related: {more.map(nameOf).join(', ')}</div> : null}
    </section>
  );
}
