/** One of the alarm's cameras live, after its playback caught up with the present. */
import { CLOSE_UNAUTHENTICATED, VideoTile } from '@nightjar/ui';
import type { CameraBody } from '@nightjar/ui';
import { TileMessage } from '../live/TileMessage';
import { useLiveStream } from '../live/useLiveStream';

/** The pane's tiles are small: a stream about this size is plenty. */
const REQUEST = { width: 640, height: 360 };

export function AlarmLiveTile({ camera }: { camera: CameraBody }) {
  const live = useLiveStream(camera.id, camera.enabled ? REQUEST : null);
  let body;
  if (!camera.enabled) body = <TileMessage icon="disabled" title="Camera disabled" />;
  else if (live.stream) body = <VideoTile stream={live.stream} label={camera.name} onStateChange={(s) => { if (s.kind === 'closed' && s.code === CLOSE_UNAUTHENTICATED) live.renew(); }} />;
  else if (live.error) body = <TileMessage icon="warning" title="No live video" detail={live.error instanceof Error ? live.error.message : undefined} tone="error" />;
  else body = <TileMessage icon="spinner" title="Connecting…" />;
  return <div className="al-video-cell live-tile">{body}</div>;
}
