import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent } from 'react';
import type { TimelineLock, TimelineMarker, TimelineRow, TimelineScene } from './timelineDraw';
import { drawTimeline } from './timelineDraw';
import type { PointerInput, TimelineAction } from './timelineInteraction';
import { TimelineGestures } from './timelineInteraction';
import type { TimeSpan, TimeWindow, Viewport } from './timelineMath';
import type { TimeZone } from './timeZone';
import { utcTimeZone } from './timeZone';

export interface TimelineProps {
  /** The visible window; the owner keeps it (controlled), so zoom and pan arrive through onZoom/onPan. */
  window: TimeWindow;
  rows: readonly TimelineRow[];
  bookmarks?: readonly TimelineMarker[];
  locks?: readonly TimelineLock[];
  playheadMs?: number | null;
  selection?: TimeSpan | null;
  zone?: TimeZone;
  /** CSS height; the width follows the container. */
  height?: number;
  className?: string;
  onSeek?: (timeMs: number) => void;
  /** `final` is false while the drag is still going, so a preview can follow the pointer. */
  onSelectRange?: (range: TimeSpan, final: boolean) => void;
  onZoom?: (window: TimeWindow) => void;
  onPan?: (window: TimeWindow) => void;
}

const NO_MARKERS: readonly TimelineMarker[] = [];
const NO_LOCKS: readonly TimelineLock[] = [];

/** Recorded ranges, motion, bookmarks and evidence locks of several cameras on one canvas strip. */
export function Timeline(props: TimelineProps) {
  const { window: visible, rows, bookmarks = NO_MARKERS, locks = NO_LOCKS, playheadMs = null, selection = null, zone = utcTimeZone, height = 120 } = props;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [size, setSize] = useState({ width: 0, dpr: 1 });

  // Handlers read the latest props through a ref, so the listeners are attached once and a
  // gesture survives the re-renders its own callbacks cause.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const gestures = useMemo(() => new TimelineGestures(() => latest.current.rows.flatMap((r) => r.recordings)), []);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const measure = () => setSize({ width: canvas.clientWidth, dpr: globalThis.devicePixelRatio || 1 });
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(canvas);
    // A window dragged to a screen of another density changes the ratio without a resize.
    const media = matchMedia(`(resolution: ${globalThis.devicePixelRatio || 1}dppx)`);
    media.addEventListener('change', measure);
    return () => {
      observer.disconnect();
      media.removeEventListener('change', measure);
    };
  }, [size.dpr]);

  const scene = useMemo<TimelineScene>(() => ({
    window: visible, widthPx: size.width, heightPx: height, rows, bookmarks, locks, playheadMs, selection, zone,
  }), [visible, size.width, height, rows, bookmarks, locks, playheadMs, selection, zone]);

  // Draw once per frame at most, and only when the scene changed (the effect's dependencies).
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || scene.widthPx === 0) return;
    const frame = requestAnimationFrame(() => {
      canvas.width = Math.round(scene.widthPx * size.dpr);
      canvas.height = Math.round(scene.heightPx * size.dpr);
      const ctx = canvas.getContext('2d');
      if (ctx) drawTimeline(ctx, scene, size.dpr);
    });
    return () => cancelAnimationFrame(frame);
  }, [scene, size.dpr]);

  // Wheel listeners must be non-passive to stop the page from scrolling, which React's onWheel cannot be.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const v = viewportOf(latest.current.window, canvas);
      dispatch(gestures.wheel(v, { x: localX(canvas, e), deltaX: e.deltaX, deltaY: e.deltaY, shiftKey: e.shiftKey }), latest.current);
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [gestures]);

  const pointer = (phase: 'down' | 'move' | 'up') => (e: ReactPointerEvent<HTMLCanvasElement>) => {
    const canvas = e.currentTarget;
    const v = viewportOf(latest.current.window, canvas);
    const p: PointerInput = { x: localX(canvas, e), shiftKey: e.shiftKey };
    if (phase === 'down') {
      if (e.button !== 0) return;
      canvas.setPointerCapture(e.pointerId);
      dispatch(gestures.down(v, p, latest.current.playheadMs ?? null), latest.current);
    } else if (phase === 'move') {
      dispatch(gestures.move(v, p), latest.current);
    } else {
      dispatch(gestures.up(v, p), latest.current);
    }
  };

  return (
    <canvas
      ref={canvasRef}
      className={props.className}
      style={{ width: '100%', height, display: 'block', touchAction: 'none' }}
      onPointerDown={pointer('down')}
      onPointerMove={pointer('move')}
      onPointerUp={pointer('up')}
      onPointerCancel={() => gestures.cancel()}
      onLostPointerCapture={() => gestures.cancel()}
    />
  );
}

function viewportOf(window: TimeWindow, canvas: HTMLCanvasElement): Viewport {
  return { startMs: window.startMs, endMs: window.endMs, widthPx: Math.max(1, canvas.clientWidth) };
}

function localX(canvas: HTMLCanvasElement, e: { clientX: number }): number {
  return e.clientX - canvas.getBoundingClientRect().left;
}

function dispatch(actions: readonly TimelineAction[], props: TimelineProps): void {
  for (const a of actions) {
    if (a.type === 'seek') props.onSeek?.(a.timeMs);
    else if (a.type === 'pan') props.onPan?.(a.window);
    else if (a.type === 'zoom') props.onZoom?.(a.window);
    else props.onSelectRange?.(a.range, a.final);
  }
}
