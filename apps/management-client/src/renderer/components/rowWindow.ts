/**
 * Which rows of a long list are on screen: a list of a thousand cameras renders the few dozen
 * the pane shows (plus some either side), not a thousand rows of components. Pure, so the
 * arithmetic is tested apart from the DOM.
 */
export interface RowWindow {
  /** First rendered row. */
  start: number;
  /** One past the last rendered row. */
  end: number;
  /** Empty space above and below the rendered rows, in px, so the scrollbar spans the whole list. */
  padTop: number;
  padBottom: number;
}

export function rowWindow(count: number, rowPx: number, o: { scrollTop: number; viewportPx: number; offsetPx?: number; overscan?: number }): RowWindow {
  const overscan = o.overscan ?? 12;
  // Where the rows start inside the scrolled pane (a filter box or header above them).
  const top = Math.max(0, o.scrollTop - (o.offsetPx ?? 0));
  const first = Math.floor(top / rowPx);
  const visible = Math.ceil(o.viewportPx / rowPx) + 1;
  const start = Math.max(0, Math.min(count, first - overscan));
  const end = Math.max(start, Math.min(count, first + visible + overscan));
  return { start, end, padTop: start * rowPx, padBottom: (count - end) * rowPx };
}
