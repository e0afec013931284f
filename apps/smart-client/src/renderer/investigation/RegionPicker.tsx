/**
 * Draw the smart-search region on a camera's picture: drag a rectangle over a recorded frame;
 * the motion-grid cells it touches are shaded, because those are what the site searches.
 */
import { useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent } from 'react';
import type { Region } from './regionGeometry';
import { GRID_COLUMNS, GRID_ROWS, isUsableRegion, regionBetween, touchedCells } from './regionGeometry';
import type { ThumbnailCache } from './thumbnailCache';
import { useThumbnail } from './useThumbnail';

export interface RegionPickerProps {
  thumbnails: ThumbnailCache;
  cameraId: string | null;
  /** A recorded instant to draw on (the picture behind the grid). */
  pictureAtMs: number | null;
  region: Region | null;
  onChange: (region: Region | null) => void;
  width: number;
}

export function RegionPicker({ thumbnails, cameraId, pictureAtMs, region, onChange, width }: RegionPickerProps) {
  const surface = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ start: { x: number; y: number }; current: Region } | null>(null);
  const picture = useThumbnail(thumbnails, cameraId, pictureAtMs, 320);
  const height = Math.round((width * 9) / 16);
  const at = (e: ReactPointerEvent) => {
    const box = surface.current!.getBoundingClientRect();
    return { x: (e.clientX - box.left) / box.width, y: (e.clientY - box.top) / box.height };
  };
  const shown = drag?.current ?? region;
  return (
    <div
      ref={surface}
      className="inv-region"
      style={{ width, height }}
      data-testid="region-picker"
      onPointerDown={(e) => {
        if (e.button !== 0 || !cameraId) return;
        e.currentTarget.setPointerCapture(e.pointerId);
        const start = at(e);
        setDrag({ start, current: regionBetween(start, start) });
      }}
      onPointerMove={(e) => drag && setDrag({ ...drag, current: regionBetween(drag.start, at(e)) })}
      onPointerUp={(e) => {
        if (!drag) return;
        const r = regionBetween(drag.start, at(e));
        setDrag(null);
        onChange(isUsableRegion(r) ? r : null);
      }}
      onPointerCancel={() => setDrag(null)}
    >
      {picture.kind === 'ready' ? <img src={picture.url} alt="" draggable={false} /> : null}
      <div className="inv-region-note">
        {!cameraId ? 'Choose a camera' : picture.kind === 'failed' ? 'No recorded picture in this range' : picture.kind === 'loading' ? 'Loading picture…' : null}
      </div>
      <svg className="inv-region-grid" viewBox={`0 0 ${GRID_COLUMNS} ${GRID_ROWS}`} preserveAspectRatio="none" aria-hidden="true">
        {shown ? touchedCells(shown).map((c) => <rect key={`${c.column},${c.row}`} x={c.column} y={c.row} width={1} height={1} className="inv-region-cell" />) : null}
        {Array.from({ length: GRID_COLUMNS - 1 }, (_, i) => <line key={`c${i}`} x1={i + 1} x2={i + 1} y1={0} y2={GRID_ROWS} />)}
        {Array.from({ length: GRID_ROWS - 1 }, (_, i) => <line key={`r${i}`} y1={i + 1} y2={i + 1} x1={0} x2={GRID_COLUMNS} />)}
      </svg>
      {shown ? (
        <div className="inv-region-rect" style={{ left: `${shown.x * 100}%`, top: `${shown.y * 100}%`, width: `${shown.width * 100}%`, height: `${shown.height * 100}%` }} />
      ) : null}
    </div>
  );
}
