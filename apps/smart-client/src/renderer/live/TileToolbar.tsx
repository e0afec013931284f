/**
 * The buttons over a tile, shown while the pointer is on it (or it is selected): maximize,
 * snapshot, manual recording, PTZ, outputs, independent playback, move and remove. An action the user
 * or camera cannot do is left out, not shown disabled, to keep the strip short on small tiles.
 */
import type { DragEvent } from 'react';
import { Icon } from '@nightjar/ui';

export interface TileToolbarProps {
  maximized: boolean;
  onMaximize: () => void;
  onSnapshot?: (() => void) | undefined;
  /** Manual recording: on while `active`; `busy` while the request runs. */
  recording?: { active: boolean; busy: boolean; onToggle: () => void } | undefined;
  ptz?: { open: boolean; onToggle: () => void } | undefined;
  /** The outputs of the camera's hardware the operator may switch (left out when there are none). */
  outputs?: { open: boolean; onToggle: () => void } | undefined;
  onPlayback?: (() => void) | undefined;
  onRemove: () => void;
  onDragStart: (e: DragEvent) => void;
}

export function TileToolbar(p: TileToolbarProps) {
  // Buttons must not start the tile's pan/zoom gesture or its double-click maximize.
  const stop = { onPointerDown: (e: { stopPropagation(): void }) => e.stopPropagation(), onDoubleClick: (e: { stopPropagation(): void }) => e.stopPropagation() };
  return (
    <div className="tile-toolbar" {...stop}>
      <span className="tile-tool tile-drag" draggable onDragStart={p.onDragStart} title="Drag to another tile">
        <Icon name="grid" size={13} />
      </span>
      {p.onPlayback ? (
        <button type="button" className="tile-tool" onClick={p.onPlayback} title="Independent playback of this tile">
          <Icon name="history" size={14} />
        </button>
      ) : null}
      {p.ptz ? (
        <button type="button" className="tile-tool" aria-pressed={p.ptz.open} onClick={p.ptz.onToggle} title="Pan, tilt, zoom">
          <Icon name="ptz" size={14} />
        </button>
      ) : null}
      {p.outputs ? (
        <button type="button" className="tile-tool tile-tool-outputs" aria-pressed={p.outputs.open} onClick={p.outputs.onToggle} title="Outputs (doors, lights, sirens)">
          <Icon name="output" size={14} />
        </button>
      ) : null}
      {p.recording ? (
        <button type="button" className="tile-tool" data-recording={p.recording.active} disabled={p.recording.busy} onClick={p.recording.onToggle}
          title={p.recording.active ? 'Stop manual recording' : 'Start manual recording'}>
          <Icon name={p.recording.active ? 'stop' : 'record'} size={13} />
        </button>
      ) : null}
      {p.onSnapshot ? (
        <button type="button" className="tile-tool" onClick={p.onSnapshot} title="Save a snapshot">
          <Icon name="snapshot" size={14} />
        </button>
      ) : null}
      <button type="button" className="tile-tool" onClick={p.onMaximize} title={p.maximized ? 'Restore (Enter)' : 'Maximize (Enter)'}>
        <Icon name={p.maximized ? 'restore' : 'maximize'} size={14} />
      </button>
      <button type="button" className="tile-tool" onClick={p.onRemove} title="Remove from the view">
        <Icon name="close" size={13} />
      </button>
    </div>
  );
}
