import { useCallback, useState } from 'react';
import type { PointerEvent } from 'react';

const KEY = 'nightjar.smartClient.sidebarWidth';
export const SIDEBAR_MIN = 200;
export const SIDEBAR_MAX = 480;
const DEFAULT = 264;

/** A width the panel may take: whole pixels within its limits; the default for anything unreadable. */
export function clampSidebarWidth(value: unknown): number {
  const n = typeof value === 'string' ? Number(value) : typeof value === 'number' ? value : Number.NaN;
  return Number.isFinite(n) ? Math.round(Math.min(SIDEBAR_MAX, Math.max(SIDEBAR_MIN, n))) : DEFAULT;
}

function stored(): number {
  try {
    return clampSidebarWidth(localStorage.getItem(KEY) ?? DEFAULT);
  } catch {
    return DEFAULT;
  }
}

/** The left panel's width, dragged by its edge and remembered on this workstation. */
export function useSidebarWidth(): { width: number; onResizeStart: (e: PointerEvent<HTMLElement>) => void } {
  const [width, setWidth] = useState(stored);
  const onResizeStart = useCallback((e: PointerEvent<HTMLElement>) => {
    e.preventDefault();
    const handle = e.currentTarget;
    handle.setPointerCapture(e.pointerId);
    const startX = e.clientX;
    const startWidth = width;
    let latest = startWidth;
    const move = (m: globalThis.PointerEvent) => {
      latest = clampSidebarWidth(startWidth + m.clientX - startX);
      setWidth(latest);
    };
    const end = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', end);
      handle.removeEventListener('lostpointercapture', end);
      try {
        localStorage.setItem(KEY, String(latest));
      } catch {
        // Not remembered; the width still applies to this window.
      }
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', end);
    handle.addEventListener('lostpointercapture', end);
  }, [width]);
  return { width, onResizeStart };
}
