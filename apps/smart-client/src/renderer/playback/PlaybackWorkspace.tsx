/**
 * The Playback workspace: the cameras of the current view in the view's own grid, all showing
 * one instant of recorded video, over a timeline of what each recorded (with motion, bookmarks
 * and evidence locks). The client store holds the instant, play state and range selection; this
 * component only arranges the parts and keeps one playback session for the view's cameras.
 */
import { useContext, useEffect, useMemo, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { camerasQuery } from '@nightjar/ui';
import type { TimeWindow } from '@nightjar/ui';
import { BookmarkDialog } from '../investigation/BookmarkDialog';
import { EvidenceLockDialog } from '../investigation/EvidenceLockDialog';
import { ExportDialog } from '../investigation/ExportDialog';
import { ThumbnailCache } from '../investigation/thumbnailCache';
import { ShellContext } from '../shell/shellContext';
import { Icon } from '@nightjar/ui';
import { useClientState, useSite } from '../session/siteContext';
import { useClientProfile } from '../profile/useClientProfile';
import { PlaybackControls } from './PlaybackControls';
import { PlaybackGrid } from './PlaybackGrid';
import { PlaybackTimeline } from './PlaybackTimeline';
import { rangeBookmark, rangeRequest, viewCameras } from './rangeActions';
import type { RangeRequest } from './rangeActions';
import { SelectionBar } from './SelectionBar';
import { mergeSpans } from './sequenceNavigation';
import { formatDateTime } from './timeFormat';
import { fetchRange, followPlayhead, windowAround } from './timelineWindow';
import { usePlaybackSession } from './usePlaybackSession';
import { useTimelineData } from './useTimelineData';

const HOUR = 3_600_000;
/** Entering playback from live starts this far back, paused: the operator then picks the moment. */
const ENTRY_BACK_MS = 10_000;

type LocalDialog =
  | { kind: 'lock'; initial: RangeRequest }
  | { kind: 'bookmark'; cameraId: string; atMs: number; postSeconds?: number }
  | { kind: 'export'; initial: RangeRequest };

export function PlaybackWorkspace() {
  const { client, store } = useSite();
  const { exportAllowed } = useClientProfile();
  const shell = useContext(ShellContext);
  const layout = useClientState((s) => s.layout);
  const tileCameras = useClientState((s) => s.tileCameras);
  const selectedTile = useClientState((s) => s.selectedTile);
  const maximizedTile = useClientState((s) => s.maximizedTile);
  // The overlays print whole seconds: re-render the grid once a second, not every frame.
  const shownSecond = useClientState((s) => Math.floor(s.playbackTimeMs / 1000));
  const cameras = useQuery(camerasQuery(client));
  const cameraNames = useMemo(() => new Map((cameras.data ?? []).map((c) => [c.id, c.name])), [cameras.data]);
  const [thumbnails] = useState(() => new ThumbnailCache(client));
  const [dialog, setDialog] = useState<LocalDialog | null>(null);
  const [dismissedError, setDismissedError] = useState<unknown>(null);

  // Entering from live: start a little back, paused. Leaving playback by itself (forward play
  // reached the present) shows live. Declared before the session so the player starts there.
  useEffect(() => {
    const s = store.getState();
    if (s.mode === 'live') {
      s.seek(Date.now() - ENTRY_BACK_MS);
      s.pause();
    }
    return store.subscribe((state, previous) => {
      if (state.mode === 'live' && previous.mode === 'playback') shell?.setWorkspace('live');
    });
  }, [store, shell]);

  // Slots are the tiles that show a camera, in tile order; the session plays one track per slot.
  const slotOfTile = useMemo(() => {
    let next = 0;
    return tileCameras.map((c) => (c === null ? null : next++));
  }, [tileCameras]);
  const slotCameras = useMemo(() => tileCameras.filter((c): c is string => c !== null), [tileCameras]);
  const uniqueCameras = useMemo(() => viewCameras(tileCameras), [tileCameras]);
  const videos = useRef<(HTMLVideoElement | null)[]>([]);
  const videoRefs = useMemo(
    () => slotCameras.map((_, slot) => (element: HTMLVideoElement | null) => { videos.current[slot] = element; }),
    [slotCameras],
  );
  const session = usePlaybackSession(client, store, slotCameras, videos);

  const [visible, setVisible] = useState<TimeWindow>(() => windowAround(store.getState().playbackTimeMs, HOUR));
  useEffect(() => store.subscribe((s) => setVisible((w) => followPlayhead(w, s.playbackTimeMs))), [store]);
  const range = fetchRange(visible);
  const data = useTimelineData(client, uniqueCameras, cameraNames, range);
  const sequences = useMemo(() => mergeSpans(data.rows.flatMap((r) => r.recordings)), [data.rows]);
  const rowHeight = uniqueCameras.length <= 2 ? 30 : uniqueCameras.length <= 4 ? 24 : uniqueCameras.length <= 9 ? 16 : 11;
  const timelineHeight = Math.min(196, 22 + Math.max(1, uniqueCameras.length) * rowHeight);

  const selectedCamera = (selectedTile !== null ? tileCameras[selectedTile] : null) ?? uniqueCameras[0] ?? null;
  const withSelection = (act: (r: RangeRequest) => void) => {
    const selection = store.getState().selection;
    if (selection) act(rangeRequest(selection, uniqueCameras));
  };
  const goLive = () => {
    store.getState().goLive();
    shell?.setWorkspace('live');
  };
  const error = session.error && session.error !== dismissedError ? session.error : null;

  return (
    <div className="pb-workspace" data-testid="playback-workspace">
      <div className="pb-stage">
        <PlaybackGrid
          layout={layout}
          tileCameras={tileCameras}
          slotOfTile={slotOfTile}
          cameraNames={cameraNames}
          state={session.state}
          cameras={session.cameras}
          overlayTime={formatDateTime(shownSecond * 1000)}
          nowMs={Date.now()}
          selectedTile={selectedTile}
          maximizedTile={maximizedTile}
          videoRef={(slot) => videoRefs[slot]!}
          onSelectTile={(tile) => store.getState().selectTile(tile)}
          onToggleMaximize={(tile) => store.getState().toggleMaximize(tile)}
        />
        {uniqueCameras.length === 0 ? (
          <div className="pb-empty-view">This view has no cameras. Put cameras into its tiles in Live, then come back.</div>
        ) : null}
        {error ? (
          <div className="pb-banner" role="alert">
            <Icon name="warning" size={14} />
            <span>Playback: {error.message}</span>
            <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => setDismissedError(session.error)}><Icon name="close" size={13} /></button>
          </div>
        ) : null}
      </div>
      <div className="pb-bottom">
        <PlaybackControls store={store} sequences={sequences} spanMs={visible.endMs - visible.startMs}
          onZoom={(spanMs) => setVisible(windowAround(store.getState().playbackTimeMs, spanMs))} onLive={goLive} />
        <PlaybackTimeline store={store} window={visible} onWindowChange={setVisible} rows={data.rows} bookmarks={data.bookmarks}
          locks={data.locks} thumbnails={thumbnails} height={timelineHeight} />
        <SelectionBar
          store={store}
          onExport={exportAllowed ? () => withSelection((initial) => (shell ? shell.openDialog({ kind: 'export', initial }) : setDialog({ kind: 'export', initial }))) : undefined}
          onLock={() => withSelection((initial) => setDialog({ kind: 'lock', initial }))}
          onBookmark={() => {
            const selection = store.getState().selection;
            if (selection && selectedCamera) setDialog({ kind: 'bookmark', cameraId: selectedCamera, ...rangeBookmark(selection) });
          }}
          onBookmarkHere={selectedCamera ? () => setDialog({ kind: 'bookmark', cameraId: selectedCamera, atMs: store.getState().playbackTimeMs }) : undefined}
        />
      </div>
      <EvidenceLockDialog open={dialog?.kind === 'lock'} onClose={() => setDialog(null)} initial={dialog?.kind === 'lock' ? dialog.initial : undefined} />
      <ExportDialog open={dialog?.kind === 'export'} onClose={() => setDialog(null)} initial={dialog?.kind === 'export' ? dialog.initial : undefined} />
      {dialog?.kind === 'bookmark' ? (
        <BookmarkDialog open onClose={() => setDialog(null)} cameraId={dialog.cameraId} atMs={dialog.atMs} postSeconds={dialog.postSeconds} />
      ) : null}
    </div>
  );
}
