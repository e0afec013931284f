/**
 * A tile showing one camera live: asks the site for the stream that fits the tile, plays it in
 * the shared VideoTile (MSE, jsmpeg), and adds what the live view needs around it: the site's
 * status (recording, motion, disconnected), the clock, the tile's toolbar, and its PTZ or
 * outputs panel.
 */
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { DragEvent } from 'react';
import { ApiError, CLOSE_UNAUTHENTICATED, VideoTile, cameraStatusQuery } from '@nightjar/ui';
import type { CameraBody, PlayerState } from '@nightjar/ui';
import { formatDateTime, formatTime } from '../playback/timeFormat';
import { useSite } from '../session/siteContext';
import { useConnectionState } from '../session/useConnectionState';
import { Icon } from '@nightjar/ui';
import { useNow } from '@nightjar/ui';
import { cameraIndicators } from './cameraTreeModel';
import { OutputsPanel } from './OutputsPanel';
import { PtzPanel } from './PtzPanel';
import { cameraAspect, streamRequestSize } from './streamSize';
import { TileMessage } from './TileMessage';
import { TileToolbar } from './TileToolbar';
import { useElementSize } from './useElementSize';
import { useLiveStream } from './useLiveStream';
import { useSettledSize } from './useSettledSize';
import { useTileActions } from './useTileActions';
import { useTileOutputs } from './useTileOutputs';

export interface LiveCameraTileProps {
  camera: CameraBody;
  maximized: boolean;
  onMaximize: () => void;
  onRemove: () => void;
  onDragStart: (e: DragEvent) => void;
  onIndependentPlayback?: (() => void) | undefined;
}


function streamProblem(error: unknown): { title: string; detail?: string; icon: 'eyeOff' | 'warning' | 'unplugged' } {
  if (error instanceof ApiError) {
    if (error.status === 403) return { icon: 'eyeOff', title: 'No live access', detail: 'Your roles do not allow live view of this camera.' };
    if (error.status === 404) return { icon: 'warning', title: 'Camera not found', detail: 'It was removed from the site.' };
    if (error.status === 0) return { icon: 'unplugged', title: 'Site unreachable', detail: 'Waiting for the site…' };
  }
  return { icon: 'warning', title: 'No video', detail: error instanceof Error ? error.message : String(error) };
}

/** The tile's clock: ticks by itself, so the tile (and its player) does not re-render every second. */
function TileClock({ long }: { long: boolean }) {
  const now = useNow(1000);
  return <>{long ? formatDateTime(now) : formatTime(now)}</>;
}

export function LiveCameraTile({ camera, maximized, onMaximize, onRemove, onDragStart, onIndependentPlayback }: LiveCameraTileProps) {
  const { client } = useSite();
  const box = useRef<HTMLDivElement>(null);
  const size = useElementSize(box);
  const request = useSettledSize(streamRequestSize(size.width, size.height, window.devicePixelRatio, cameraAspect(camera)));
  const live = useLiveStream(camera.id, camera.enabled ? request : null);
  const status = useQuery(cameraStatusQuery(client, camera.id)).data;
  const siteAway = useConnectionState().kind === 'reconnecting';
  // While the site is away its last status is stale: no REC or motion claims then.
  const marks = siteAway ? { ...cameraIndicators(camera, status), recording: false, motion: false } : cameraIndicators(camera, status);
  const actions = useTileActions(camera, live.stream, status);
  // One panel over the tile at a time: PTZ or the hardware's outputs.
  const [panel, setPanel] = useState<'ptz' | 'outputs' | null>(null);
  const toggle = (which: 'ptz' | 'outputs') => setPanel(panel === which ? null : which);
  const outputs = useTileOutputs(camera);
  const hasOutputs = outputs.outputs.length > 0;

  const onPlayerState = (state: PlayerState) => {
    // The token is checked only when a socket opens: one that expired while the stream ran
    // is refused on the next reconnect, and only a fresh getLiveStream body helps.
    if (state.kind === 'closed' && state.code === CLOSE_UNAUTHENTICATED) live.renew();
  };

  let body;
  if (marks.condition === 'disabled') {
    body = <TileMessage icon="disabled" title="Camera disabled" detail="An administrator turned this camera off." />;
  } else if (live.error && !live.stream) {
    const p = streamProblem(live.error);
    body = <TileMessage icon={p.icon} title={p.title} detail={p.detail} tone="error" />;
  } else if (!live.stream) {
    body = <TileMessage icon="spinner" title="Connecting…" />;
  } else {
    body = (
      <VideoTile
        stream={live.stream}
        label={camera.name}
        recording={marks.recording}
        motion={marks.motion}
        overlayTime={<TileClock long={maximized} />}
        maximized={maximized}
        onDoubleClick={onMaximize}
        onStateChange={onPlayerState}
      />
    );
  }

  return (
    <div className="live-tile" ref={box} data-condition={marks.condition}>
      {body}
      {marks.condition === 'disabled' || !live.stream ? <div className="tile-caption">{camera.name}</div> : null}
      {siteAway ? (
        <div className="tile-away">
          <TileMessage icon="unplugged" title="Site unreachable" detail="The picture comes back when the site does." tone="error" />
        </div>
      ) : null}
      {marks.condition === 'disconnected' && !siteAway ? (
        <div className="tile-badge tile-badge-error" title={marks.detail ?? 'The recording server lost the camera'}>
          <Icon name="unplugged" size={12} />
          Disconnected
        </div>
      ) : null}
      {actions.manualUntil ? <div className="tile-badge tile-badge-rec">Manual recording</div> : null}
      <TileToolbar
        maximized={maximized}
        onMaximize={onMaximize}
        onSnapshot={actions.snapshot}
        recording={actions.recording}
        ptz={actions.ptzAvailable ? { open: panel === 'ptz', onToggle: () => toggle('ptz') } : undefined}
        outputs={hasOutputs ? { open: panel === 'outputs', onToggle: () => toggle('outputs') } : undefined}
        onPlayback={onIndependentPlayback}
        onRemove={onRemove}
        onDragStart={onDragStart}
      />
      {panel === 'ptz' && actions.ptzAvailable ? <PtzPanel camera={camera} onClose={() => setPanel(null)} /> : null}
      {panel === 'outputs' && hasOutputs ? <OutputsPanel camera={camera} outputs={outputs.outputs} loading={outputs.loading} onClose={() => setPanel(null)} /> : null}
    </div>
  );
}
