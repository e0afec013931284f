/**
 * Digital zoom input for a tile: the wheel zooms around the cursor, a drag pans while zoomed.
 * The wheel listener is native and non-passive (React's onWheel is passive, so it could not
 * stop the page from scrolling). The math lives in zoom.ts.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent, RefObject } from 'react';
import { isZoomed, NO_ZOOM, panBy, wheelFactor, zoomAt } from './zoom';
import type { Zoom } from './zoom';

export interface ZoomControls {
  zoom: Zoom;
  reset: () => void;
  /** Spread onto the zoomable surface. */
  pointerHandlers: {
    onPointerDown: (e: ReactPointerEvent<HTMLElement>) => void;
    onPointerMove: (e: ReactPointerEvent<HTMLElement>) => void;
    onPointerUp: (e: ReactPointerEvent<HTMLElement>) => void;
    onPointerCancel: (e: ReactPointerEvent<HTMLElement>) => void;
  };
}

export function useZoom(surface: RefObject<HTMLElement | null>): ZoomControls {
  const [zoom, setZoom] = useState<Zoom>(NO_ZOOM);
  const drag = useRef<{ id: number; x: number; y: number } | undefined>(undefined);

  useEffect(() => {
    const element = surface.current;
    if (!element) return;
    const onWheel = (e: WheelEvent): void => {
      e.preventDefault();
      const box = element.getBoundingClientRect();
      const size = { width: box.width, height: box.height };
      setZoom((z) => zoomAt(z, wheelFactor(e.deltaY, e.deltaMode), e.clientX - box.left, e.clientY - box.top, size));
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  }, [surface]);

  const onPointerDown = useCallback((e: ReactPointerEvent<HTMLElement>) => {
    // Only a zoomed picture pans; otherwise leave the pointer to the layout (drag and drop).
    if (e.button !== 0 || !isZoomed(zoom)) return;
    drag.current = { id: e.pointerId, x: e.clientX, y: e.clientY };
    e.currentTarget.setPointerCapture(e.pointerId);
  }, [zoom]);

  const onPointerMove = useCallback((e: ReactPointerEvent<HTMLElement>) => {
    const d = drag.current;
    if (!d || d.id !== e.pointerId) return;
    const box = e.currentTarget.getBoundingClientRect();
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    drag.current = { id: d.id, x: e.clientX, y: e.clientY };
    setZoom((z) => panBy(z, dx, dy, { width: box.width, height: box.height }));
  }, []);

  const onPointerUp = useCallback((e: ReactPointerEvent<HTMLElement>) => {
    if (drag.current?.id !== e.pointerId) return;
    drag.current = undefined;
    e.currentTarget.releasePointerCapture(e.pointerId);
  }, []);

  const reset = useCallback(() => setZoom(NO_ZOOM), []);
  return { zoom, reset, pointerHandlers: { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: onPointerUp } };
}
