import { useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';
import { rowWindow } from './rowWindow';
import type { RowWindow } from './rowWindow';

/** The nearest ancestor that scrolls (the overview pane), or the document's scroller. */
function scrollParent(el: HTMLElement): HTMLElement {
  for (let p = el.parentElement; p; p = p.parentElement) {
    const { overflowY } = getComputedStyle(p);
    if (overflowY === 'auto' || overflowY === 'scroll') return p;
  }
  return document.scrollingElement as HTMLElement;
}

/**
 * The window of `count` rows of `rowPx` each that the scrolling pane around `ref` shows,
 * following scrolling and resizing.
 */
export function useRowWindow(ref: RefObject<HTMLElement | null>, count: number, rowPx: number): RowWindow {
  const [view, setView] = useState({ scrollTop: 0, viewportPx: 1200, offsetPx: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const pane = scrollParent(el);
    const read = () => {
      const next = { scrollTop: pane.scrollTop, viewportPx: pane.clientHeight, offsetPx: el.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop };
      setView((v) => (v.scrollTop === next.scrollTop && v.viewportPx === next.viewportPx && v.offsetPx === next.offsetPx ? v : next));
    };
    read();
    pane.addEventListener('scroll', read, { passive: true });
    const resize = new ResizeObserver(read);
    resize.observe(pane);
    return () => {
      pane.removeEventListener('scroll', read);
      resize.disconnect();
    };
  }, [ref]);
  return rowWindow(count, rowPx, view);
}
