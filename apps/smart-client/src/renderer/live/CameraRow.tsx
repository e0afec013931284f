/**
 * A camera in the tree: its state at a glance (recording, motion, disconnected, disabled),
 * draggable onto a tile, double-click to show it in the selected or first empty tile.
 */
import { useQuery } from '@tanstack/react-query';
import type { DragEvent } from 'react';
import { cameraStatusQuery } from '@nightjar/ui';
import type { CameraBody } from '@nightjar/ui';
import { useSite } from '../session/siteContext';
import { Icon } from '@nightjar/ui';
import { cameraIndicators } from './cameraTreeModel';
import { writeCameraDrag } from './dragData';

export interface CameraRowProps {
  camera: CameraBody;
  depth: number;
  /** Shown in the current view: the name is highlighted. */
  inView: boolean;
  focused: boolean;
  onFocus: () => void;
  onOpen: (camera: CameraBody) => void;
}

const CONDITION_TITLE = {
  live: 'Connected',
  connecting: 'Connecting…',
  disconnected: 'Disconnected',
  disabled: 'Disabled',
  unknown: 'Status not known yet',
} as const;

export function CameraRow({ camera, depth, inView, focused, onFocus, onOpen }: CameraRowProps) {
  const { client } = useSite();
  const status = useQuery(cameraStatusQuery(client, camera.id)).data;
  const marks = cameraIndicators(camera, status);
  const onDragStart = (e: DragEvent) => {
    writeCameraDrag(e.dataTransfer, camera.id, camera.name);
    e.dataTransfer.effectAllowed = 'copy';
  };
  const title = [camera.name, CONDITION_TITLE[marks.condition], marks.detail, marks.recording ? 'Recording' : '', marks.motion ? 'Motion' : '']
    .filter(Boolean).join(' · ');

  return (
    <li
      role="treeitem"
      aria-selected={focused}
      tabIndex={focused ? 0 : -1}
      className="tree-row camera-row"
      data-condition={marks.condition}
      data-in-view={inView}
      data-testid="camera-row"
      style={{ paddingLeft: 8 + depth * 14 }}
      title={title}
      draggable
      onDragStart={onDragStart}
      onClick={onFocus}
      onDoubleClick={() => onOpen(camera)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          e.stopPropagation();
          onOpen(camera);
        }
      }}
    >
      <span className="camera-glyph">
        <Icon name={marks.condition === 'disabled' ? 'disabled' : marks.condition === 'disconnected' ? 'unplugged' : 'camera'} size={14} />
        <span className="status-dot" data-condition={marks.condition} />
      </span>
      <span className="tree-label">{camera.name}</span>
      {marks.motion ? <Icon name="motion" size={13} className="mark-motion" title="Motion" /> : null}
      {marks.recording ? <Icon name="record" size={10} className="mark-rec" title="Recording" /> : null}
    </li>
  );
}
