import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';

/** The element's content size in CSS pixels, following layout changes (window, grid, maximize). */
export function useElementSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  // A layout effect measures before the first paint, so a tile asks for its stream in the same
  // task it mounts in instead of a ResizeObserver frame later.
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const first = element.getBoundingClientRect();
    setSize((s) => (s.width === first.width && s.height === first.height ? s : { width: first.width, height: first.height }));
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const { width, height } = entry.contentRect;
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}
