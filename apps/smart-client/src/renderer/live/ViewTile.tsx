/**
 * One place of the view grid: selection, drop target for cameras and other tiles, and what it
 * shows: nothing yet, a camera the user cannot see, or the live camera (inside its own error
 * boundary, so one failing tile never takes the grid down).
 */
import { useState } from 'react';
import type { CSSProperties, DragEvent, ReactNode } from 'react';
import type { CameraBody, TileRect } from '@nightjar/ui';
import { useSite } from '../session/siteContext';
import { ErrorBoundary } from '@nightjar/ui';
import { LiveCameraTile } from './LiveCameraTile';
import { TileMessage } from './TileMessage';
import { acceptsDrag, readDrag, writeTileDrag } from './dragData';

export interface ViewTileProps {
  index: number;
  rect: TileRect;
  cameraId: string | null;
  /** The camera from listCameras; undefined when the site did not list it (no right, removed). */
  camera: CameraBody | undefined;
  camerasLoaded: boolean;
  selected: boolean;
  maximized: boolean;
  /** Another tile is maximized: this one stays mounted (instant restore) but out of sight. */
  hidden: boolean;
  onIndependentPlayback?: ((tile: number) => void) | undefined;
  /** Replaces the live picture, e.g. with this tile's independent playback. */
  override?: ReactNode;
}

export function ViewTile(p: ViewTileProps) {
  const { store } = useSite();
  const [dropping, setDropping] = useState(false);
  const actions = store.getState();

  const style: CSSProperties = p.maximized
    ? { gridColumn: '1 / -1', gridRow: '1 / -1' }
    : { gridColumn: `${p.rect.x + 1} / span ${p.rect.width}`, gridRow: `${p.rect.y + 1} / span ${p.rect.height}` };

  const onDragOver = (e: DragEvent) => {
    if (!acceptsDrag(e.dataTransfer)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = e.dataTransfer.types.includes('application/x-nightjar-tile') ? 'move' : 'copy';
    setDropping(true);
  };
  const onDrop = (e: DragEvent) => {
    setDropping(false);
    const drag = readDrag(e.dataTransfer);
    if (!drag) return;
    e.preventDefault();
    if (drag.kind === 'camera') actions.assignCamera(p.index, drag.cameraId);
    else actions.swapTiles(drag.tile, p.index);
    actions.selectTile(p.index);
  };
  const onTileDrag = (e: DragEvent) => {
    writeTileDrag(e.dataTransfer, p.index);
    e.dataTransfer.effectAllowed = 'move';
  };
  const remove = () => actions.assignCamera(p.index, null);
  const maximize = () => actions.toggleMaximize(p.index);

  let content: ReactNode;
  if (p.override) content = p.override;
  else if (p.cameraId === null) {
    content = <TileMessage icon="camera" title={`Tile ${p.index + 1}`} detail="Drag a camera here" />;
  } else if (!p.camera) {
    content = p.camerasLoaded
      ? (
        <TileMessage icon="eyeOff" title="Camera not available" detail="It is not shared with you, or it was removed." tone="error">
          <button type="button" className="btn btn-sm" onClick={remove}>Clear tile</button>
        </TileMessage>
      )
      : <TileMessage icon="spinner" title="Loading…" />;
  } else {
    content = (
      <ErrorBoundary label={p.camera.name} compact resetKey={p.cameraId}>
        <LiveCameraTile
          camera={p.camera}
          maximized={p.maximized}
          onMaximize={maximize}
          onRemove={remove}
          onDragStart={onTileDrag}
          onIndependentPlayback={p.onIndependentPlayback ? () => p.onIndependentPlayback?.(p.index) : undefined}
        />
      </ErrorBoundary>
    );
  }

  return (
    <div
      className="view-tile"
      style={style}
      hidden={p.hidden}
      data-selected={p.selected}
      data-dropping={dropping}
      data-empty={p.cameraId === null}
      data-testid="view-tile"
      data-tile={p.index}
      onPointerDownCapture={() => actions.selectTile(p.index)}
      onDragOver={onDragOver}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
    >
      {content}
    </div>
  );
}
