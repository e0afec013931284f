/**
 * Runs one PlaybackPlayer for the tiles of a view (or one independent tile) and keeps it in
 * step with a client store. The player lives as long as the same cameras sit in the same tiles;
 * any change of that set starts a new session (the socket takes its camera list once).
 */
import { useEffect, useRef, useState } from 'react';
import { PlaybackPlayer } from '@nightjar/ui';
import type { CameraPlayback, ClientStore, PlayerState, SiteClient } from '@nightjar/ui';
import { PlaybackStoreSync } from './playbackStoreSync';

export interface PlaybackSessionView {
  state: PlayerState;
  /** Per slot, in the order of `cameraIds`. */
  cameras: readonly CameraPlayback[];
  /** The last error the session reported (a refused command), until the next one or a new session. */
  error: { code: string; message: string } | null;
}

const IDLE: PlayerState = { kind: 'connecting', attempt: 0 };
const HOUR = 3_600_000;

/**
 * `cameraIds[i]` plays in `videos.current[i]`; the caller renders those elements before this
 * effect runs. `key` must change whenever the slots do (it is the camera list, joined).
 */
export function usePlaybackSession(
  client: SiteClient,
  store: ClientStore,
  cameraIds: readonly string[],
  videos: { current: (HTMLVideoElement | null)[] },
): PlaybackSessionView {
  const [view, setView] = useState<PlaybackSessionView>({ state: IDLE, cameras: [], error: null });
  const key = cameraIds.join('\n');
  const latestIds = useRef(cameraIds);
  latestIds.current = cameraIds;

  useEffect(() => {
    const ids = latestIds.current;
    const elements = ids.map((_, i) => videos.current[i] ?? null);
    if (ids.length === 0 || elements.some((v) => v === null)) {
      setView({ state: IDLE, cameras: [], error: null });
      return;
    }
    const player = new PlaybackPlayer(ids.map((cameraId, i) => ({ cameraId, video: elements[i]! })), {
      socketUrl: client.resolveUrl('/media/playback', 'ws'),
      startMs: store.getState().playbackTimeMs,
      token: async (cameraId) => {
        // The token is for the socket, not a range; the range only has to be valid and reach now.
        const now = Date.now();
        const from = Math.min(store.getState().playbackTimeMs, now) - HOUR;
        return (await client.getPlayback(cameraId, { from: new Date(from).toISOString(), to: new Date(now).toISOString() })).token;
      },
    });
    const sync = new PlaybackStoreSync(store, player);
    const snapshot = (error: PlaybackSessionView['error']) => ({
      state: player.state, cameras: ids.map((_, i) => player.camera(i)), error,
    });
    let error: PlaybackSessionView['error'] = null;
    setView(snapshot(null));
    const subscriptions = [
      player.onDidChangeState(() => setView(snapshot(error))),
      player.onDidChangeCameras(() => setView(snapshot(error))),
      player.onDidError((e) => {
        error = e;
        setView(snapshot(error));
      }),
    ];
    let frame = requestAnimationFrame(function loop() {
      sync.tick();
      frame = requestAnimationFrame(loop);
    });
    return () => {
      cancelAnimationFrame(frame);
      subscriptions.forEach((s) => s.dispose());
      sync.dispose();
      player.dispose();
    };
  }, [client, store, key, videos]);

  return view;
}
