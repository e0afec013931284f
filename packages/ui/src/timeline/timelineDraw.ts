import type { TimeSpan, TimeWindow, Viewport } from './timelineMath';
import { ticks, timeToPx } from './timelineMath';
import type { TimeZone } from './timeZone';

/** One camera's lane: what was recorded and where motion was seen. */
export interface TimelineRow {
  cameraId: string;
  label: string;
  recordings: readonly TimeSpan[];
  motion: readonly TimeSpan[];
}

export interface TimelineMarker {
  id: string;
  timeMs: number;
  cameraIds: readonly string[];
}

export interface TimelineLock extends TimeSpan {
  id: string;
  cameraIds: readonly string[];
}

/** Everything one frame shows; the component redraws only when one of these changes. */
export interface TimelineScene {
  window: TimeWindow;
  widthPx: number;
  heightPx: number;
  rows: readonly TimelineRow[];
  bookmarks: readonly TimelineMarker[];
  locks: readonly TimelineLock[];
  playheadMs: number | null;
  selection: TimeSpan | null;
  zone: TimeZone;
}

export const AXIS_HEIGHT_PX = 22;
export const ROW_GAP_PX = 2;

export const TIMELINE_COLORS = {
  background: '#15181c', axis: '#9aa3ad', grid: '#2a2f36', recording: '#2f7d4f', motion: '#e0a030',
  bookmark: '#4aa3ff', lock: '#c04848', playhead: '#ffffff', selection: 'rgba(74, 163, 255, 0.25)', label: '#c8d0d8',
};

/** The lanes share the height below the axis; interaction uses the same split to find the lane under the pointer. */
export function rowBand(heightPx: number, rowCount: number, index: number): { top: number; height: number } {
  const height = Math.max(1, (heightPx - AXIS_HEIGHT_PX) / Math.max(1, rowCount));
  return { top: AXIS_HEIGHT_PX + index * height, height };
}

/** The part of a canvas 2D context the timeline uses, so tests can record the calls. */
export type TimelineContext = Pick<CanvasRenderingContext2D,
  'setTransform' | 'clearRect' | 'fillRect' | 'beginPath' | 'moveTo' | 'lineTo' | 'stroke' | 'fill' | 'closePath' | 'save' | 'restore'
  | 'rect' | 'clip' | 'fillText' | 'fillStyle' | 'strokeStyle' | 'lineWidth' | 'font' | 'textBaseline'>;

/**
 * Draws a scene in CSS pixels onto a canvas `devicePixelRatio` times larger, so lines stay sharp
 * on high-density screens. Order matters: a lock is hatched under the recordings (it shows in
 * gaps) and marked by a strip on top of them, since recordings are what locks protect; bookmarks
 * and the playhead go on top.
 */
export function drawTimeline(ctx: TimelineContext, scene: TimelineScene, devicePixelRatio: number): void {
  const v: Viewport = { ...scene.window, widthPx: scene.widthPx };
  ctx.setTransform(devicePixelRatio, 0, 0, devicePixelRatio, 0, 0);
  ctx.fillStyle = TIMELINE_COLORS.background;
  ctx.fillRect(0, 0, scene.widthPx, scene.heightPx);
  drawAxis(ctx, v, scene);
  scene.rows.forEach((row, i) => {
    const band = rowBand(scene.heightPx, scene.rows.length, i);
    const inner = { top: band.top + ROW_GAP_PX / 2, height: band.height - ROW_GAP_PX };
    for (const lock of scene.locks) if (lock.cameraIds.includes(row.cameraId)) drawHatched(ctx, v, lock, inner);
    fillSpans(ctx, v, row.recordings, inner.top, inner.height, TIMELINE_COLORS.recording);
    // Motion as a thinner bar at the lane's bottom: recording and motion read together.
    const motionHeight = Math.max(2, inner.height / 3);
    fillSpans(ctx, v, row.motion, inner.top + inner.height - motionHeight, motionHeight, TIMELINE_COLORS.motion);
    const locked = scene.locks.filter((l) => l.cameraIds.includes(row.cameraId));
    fillSpans(ctx, v, locked, inner.top, Math.max(3, inner.height / 5), TIMELINE_COLORS.lock);
    ctx.fillStyle = TIMELINE_COLORS.label;
    ctx.textBaseline = 'top';
    ctx.fillText(row.label, 4, inner.top + 2);
    for (const b of scene.bookmarks) if (b.cameraIds.includes(row.cameraId)) drawMarker(ctx, timeToPx(v, b.timeMs), inner.top, inner.height);
  });
  if (scene.selection) {
    const x0 = timeToPx(v, scene.selection.startMs);
    ctx.fillStyle = TIMELINE_COLORS.selection;
    ctx.fillRect(x0, AXIS_HEIGHT_PX, timeToPx(v, scene.selection.endMs) - x0, scene.heightPx - AXIS_HEIGHT_PX);
  }
  if (scene.playheadMs !== null) {
    const x = Math.round(timeToPx(v, scene.playheadMs)) + 0.5;
    ctx.strokeStyle = TIMELINE_COLORS.playhead;
    ctx.lineWidth = 1;
    line(ctx, x, 0, x, scene.heightPx);
  }
}

function drawAxis(ctx: TimelineContext, v: Viewport, scene: TimelineScene): void {
  ctx.font = '11px system-ui, sans-serif';
  ctx.textBaseline = 'middle';
  ctx.lineWidth = 1;
  for (const tick of ticks(v, scene.zone)) {
    const x = Math.round(tick.px) + 0.5;
    ctx.strokeStyle = TIMELINE_COLORS.grid;
    line(ctx, x, AXIS_HEIGHT_PX, x, scene.heightPx);
    ctx.strokeStyle = TIMELINE_COLORS.axis;
    line(ctx, x, tick.major ? 0 : AXIS_HEIGHT_PX - 6, x, AXIS_HEIGHT_PX);
    ctx.fillStyle = TIMELINE_COLORS.axis;
    ctx.fillText(tick.label, x + 3, AXIS_HEIGHT_PX / 2);
  }
}

/** Spans narrower than a pixel are drawn one pixel wide: a short recording must stay visible at any zoom. */
function fillSpans(ctx: TimelineContext, v: Viewport, spans: readonly TimeSpan[], top: number, height: number, color: string): void {
  ctx.fillStyle = color;
  for (const s of spans) {
    if (s.endMs < v.startMs || s.startMs > v.endMs) continue;
    const x0 = Math.max(-1, timeToPx(v, s.startMs));
    const x1 = Math.min(v.widthPx + 1, timeToPx(v, s.endMs));
    ctx.fillRect(x0, top, Math.max(1, x1 - x0), height);
  }
}

function drawHatched(ctx: TimelineContext, v: Viewport, span: TimeSpan, band: { top: number; height: number }): void {
  if (span.endMs < v.startMs || span.startMs > v.endMs) return;
  const x0 = Math.max(-1, timeToPx(v, span.startMs));
  const x1 = Math.min(v.widthPx + 1, timeToPx(v, span.endMs));
  ctx.save();
  ctx.beginPath();
  ctx.rect(x0, band.top, Math.max(1, x1 - x0), band.height);
  ctx.clip();
  ctx.strokeStyle = TIMELINE_COLORS.lock;
  ctx.lineWidth = 1;
  ctx.beginPath();
  for (let x = x0 - band.height; x < x1; x += 6) {
    ctx.moveTo(x, band.top + band.height);
    ctx.lineTo(x + band.height, band.top);
  }
  ctx.stroke();
  ctx.restore();
}

function drawMarker(ctx: TimelineContext, x: number, top: number, height: number): void {
  ctx.fillStyle = TIMELINE_COLORS.bookmark;
  ctx.fillRect(Math.round(x) - 1, top, 2, height);
  ctx.beginPath();
  ctx.moveTo(x - 4, top);
  ctx.lineTo(x + 4, top);
  ctx.lineTo(x, top + 6);
  ctx.closePath();
  ctx.fill();
}

function line(ctx: TimelineContext, x0: number, y0: number, x1: number, y1: number): void {
  ctx.beginPath();
  ctx.moveTo(x0, y0);
  ctx.lineTo(x1, y1);
  ctx.stroke();
}
