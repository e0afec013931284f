/**
 * The information strip over a tile: camera name, the time being shown, REC and motion
 * indicators, and the zoom badge. Drawn over the picture, not around it, so tiles in a grid
 * keep the camera's aspect; the gradient keeps white text readable over bright scenes.
 */
import type { MouseEvent, ReactNode } from 'react';

export interface TileOverlayProps {
  label: string;
  /** The time shown in the corner: text, or a component that ticks by itself (so the tile does not re-render each second). */
  overlayTime?: ReactNode;
  recording?: boolean | undefined;
  motion?: boolean | undefined;
  /** The zoom factor when zoomed in, else undefined (no badge). */
  zoomScale?: number | undefined;
  onResetZoom: () => void;
}

export function TileOverlay({ label, overlayTime, recording, motion, zoomScale, onResetZoom }: TileOverlayProps) {
  const resetZoom = (e: MouseEvent) => {
    // The tile's own double-click maximises; on the badge it only resets the zoom.
    e.stopPropagation();
    onResetZoom();
  };
  return (
    <>
      <div className="nj-bar" data-testid="tile-overlay">
        <span className="nj-name" title={label}>{label}</span>
        {motion ? <span className="nj-pill nj-pill-motion" aria-label="motion detected">MOTION</span> : null}
        {recording ? <span className="nj-pill nj-pill-rec" aria-label="recording">REC</span> : null}
      </div>
      {overlayTime ? <span className="nj-time">{overlayTime}</span> : null}
      {zoomScale !== undefined ? (
        <button type="button" className="nj-zoom" title="Double-click to reset zoom" onDoubleClick={resetZoom} onPointerDown={(e) => e.stopPropagation()}>
          {zoomScale.toFixed(1)}×
        </button>
      ) : null}
    </>
  );
}
