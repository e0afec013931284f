import type { TimeSpan, TimeWindow, Viewport } from './timelineMath';
import { pan, pxToTime, rangeFromPx, snapToEdges, timeToPx, zoomAt } from './timelineMath';

/*
 * What pointer and wheel input means on the timeline, apart from the DOM so it can be tested
 * as plain calls. Gestures:
 * - click: seek (snapped to a recording edge nearby);
 * - drag starting on the playhead: scrub, seeking as it moves;
 * - drag elsewhere: pan;
 * - shift-drag: select a range;
 * - wheel: zoom around the pointer; horizontal wheel (or shift-wheel): pan.
 */

export type TimelineAction =
  | { type: 'seek'; timeMs: number }
  | { type: 'pan'; window: TimeWindow }
  | { type: 'zoom'; window: TimeWindow }
  | { type: 'selectRange'; range: TimeSpan; final: boolean };

/** Movement under this many px is still a click: hands shake. */
export const CLICK_SLOP_PX = 3;
/** How near the playhead a press must be to grab it, and how near an edge a click snaps. */
export const GRAB_PX = 6;
/** Wheel delta (px) that doubles or halves the span; about five notches of a common mouse. */
const WHEEL_PX_PER_DOUBLING = 500;

export interface PointerInput {
  x: number;
  shiftKey: boolean;
}

export interface WheelInput {
  x: number;
  deltaX: number;
  deltaY: number;
  shiftKey: boolean;
}

type Drag =
  | { kind: 'pending'; startX: number; lastX: number }
  | { kind: 'pan'; lastX: number }
  | { kind: 'scrub' }
  | { kind: 'select'; startX: number };

export class TimelineGestures {
  private drag: Drag | null = null;

  /** `edges` are the spans a click may snap to (recordings of the shown cameras). */
  constructor(private readonly edges: () => readonly TimeSpan[] = () => []) {}

  get active(): boolean {
    return this.drag !== null;
  }

  down(v: Viewport, p: PointerInput, playheadMs: number | null): TimelineAction[] {
    if (p.shiftKey) {
      this.drag = { kind: 'select', startX: p.x };
      return [];
    }
    if (playheadMs !== null && Math.abs(timeToPx(v, playheadMs) - p.x) <= GRAB_PX) {
      this.drag = { kind: 'scrub' };
      return [{ type: 'seek', timeMs: pxToTime(v, p.x) }];
    }
    this.drag = { kind: 'pending', startX: p.x, lastX: p.x };
    return [];
  }

  move(v: Viewport, p: PointerInput): TimelineAction[] {
    const d = this.drag;
    if (!d) return [];
    switch (d.kind) {
      case 'scrub':
        return [{ type: 'seek', timeMs: pxToTime(v, p.x) }];
      case 'select':
        return [{ type: 'selectRange', range: rangeFromPx(v, d.startX, p.x), final: false }];
      case 'pending':
        if (Math.abs(p.x - d.startX) < CLICK_SLOP_PX) return [];
        this.drag = { kind: 'pan', lastX: d.startX };
        return this.move(v, p);
      case 'pan': {
        const delta = p.x - d.lastX;
        this.drag = { kind: 'pan', lastX: p.x };
        return delta === 0 ? [] : [{ type: 'pan', window: pan(v, delta) }];
      }
    }
  }

  up(v: Viewport, p: PointerInput): TimelineAction[] {
    const d = this.drag;
    this.drag = null;
    if (!d) return [];
    if (d.kind === 'pending') return [{ type: 'seek', timeMs: snapToEdges(v, pxToTime(v, p.x), this.edges(), GRAB_PX) }];
    if (d.kind === 'select') return [{ type: 'selectRange', range: rangeFromPx(v, d.startX, p.x), final: true }];
    if (d.kind === 'scrub') return [{ type: 'seek', timeMs: pxToTime(v, p.x) }];
    return [];
  }

  /** A lost pointer (capture lost, window blurred) ends the gesture without a click. */
  cancel(): void {
    this.drag = null;
  }

  wheel(v: Viewport, w: WheelInput): TimelineAction[] {
    const horizontal = w.shiftKey ? w.deltaY || w.deltaX : w.deltaX;
    if (Math.abs(horizontal) > Math.abs(w.shiftKey ? 0 : w.deltaY)) return [{ type: 'pan', window: pan(v, -horizontal) }];
    if (w.deltaY === 0) return [];
    return [{ type: 'zoom', window: zoomAt(v, w.x, 2 ** (w.deltaY / WHEEL_PX_PER_DOUBLING)) }];
  }
}
