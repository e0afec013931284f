import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';

/**
 * Closes an open popup (menu, picker) on a pointer press outside `anchor` or on Escape. The
 * Escape is consumed (captured and default-prevented), so the same key does not also restore
 * a maximized tile (see useShortcuts).
 */
export function useMenuDismiss(open: boolean, close: () => void, anchor: RefObject<HTMLElement | null>): void {
  // The latest close, so callers may pass an inline function without re-subscribing each render.
  const latestClose = useRef(close);
  latestClose.current = close;
  useEffect(() => {
    if (!open) return;
    const onEvent = (e: Event) => {
      if (e instanceof KeyboardEvent) {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        latestClose.current();
      } else if (!anchor.current?.contains(e.target as Node)) latestClose.current();
    };
    window.addEventListener('pointerdown', onEvent);
    window.addEventListener('keydown', onEvent, true);
    return () => {
      window.removeEventListener('pointerdown', onEvent);
      window.removeEventListener('keydown', onEvent, true);
    };
  }, [open, anchor]);
}
