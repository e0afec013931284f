import { describe, expect, it } from 'vitest';
import { CLICK_SLOP_PX, TimelineGestures } from './timelineInteraction';
import type { Viewport } from './timelineMath';

const T0 = Date.UTC(2026, 0, 1);
// 1 s per pixel.
const v: Viewport = { startMs: T0, endMs: T0 + 1_000_000, widthPx: 1000 };
const at = (x: number, shiftKey = false) => ({ x, shiftKey });

describe('TimelineGestures', () => {
  it('seeks on a click, snapping to a nearby recording edge', () => {
    const g = new TimelineGestures(() => [{ startMs: T0 + 200_000, endMs: T0 + 300_000 }]);
    expect(g.down(v, at(100), null)).toEqual([]);
    expect(g.move(v, at(100 + CLICK_SLOP_PX - 1))).toEqual([]);
    expect(g.up(v, at(101))).toEqual([{ type: 'seek', timeMs: T0 + 101_000 }]);
    g.down(v, at(197), null);
    expect(g.up(v, at(197))).toEqual([{ type: 'seek', timeMs: T0 + 200_000 }]);
    expect(g.active).toBe(false);
  });

  it('pans with a drag by the distance moved since the last event', () => {
    const g = new TimelineGestures();
    g.down(v, at(500), null);
    expect(g.move(v, at(510))).toEqual([{ type: 'pan', window: { startMs: T0 - 10_000, endMs: T0 + 990_000 } }]);
    const moved: Viewport = { startMs: T0 - 10_000, endMs: T0 + 990_000, widthPx: 1000 };
    expect(g.move(moved, at(505))).toEqual([{ type: 'pan', window: { startMs: T0 - 5_000, endMs: T0 + 995_000 } }]);
    expect(g.up(moved, at(505))).toEqual([]);
  });

  it('scrubs when the drag starts on the playhead', () => {
    const g = new TimelineGestures();
    expect(g.down(v, at(402), T0 + 400_000)).toEqual([{ type: 'seek', timeMs: T0 + 402_000 }]);
    expect(g.move(v, at(450))).toEqual([{ type: 'seek', timeMs: T0 + 450_000 }]);
    expect(g.up(v, at(460))).toEqual([{ type: 'seek', timeMs: T0 + 460_000 }]);
  });

  it('selects a range with shift-drag, in order, and ends with a final selection', () => {
    const g = new TimelineGestures();
    g.down(v, at(300, true), T0 + 300_000);
    expect(g.move(v, at(250, true))).toEqual([{ type: 'selectRange', range: { startMs: T0 + 250_000, endMs: T0 + 300_000 }, final: false }]);
    expect(g.up(v, at(200, true))).toEqual([{ type: 'selectRange', range: { startMs: T0 + 200_000, endMs: T0 + 300_000 }, final: true }]);
  });

  it('ends a cancelled gesture without seeking', () => {
    const g = new TimelineGestures();
    g.down(v, at(10), null);
    g.cancel();
    expect(g.up(v, at(10))).toEqual([]);
    expect(g.move(v, at(50))).toEqual([]);
  });

  it('zooms around the pointer with the wheel and pans with horizontal or shift wheel', () => {
    const g = new TimelineGestures();
    const [zoom] = g.wheel(v, { x: 250, deltaX: 0, deltaY: -500, shiftKey: false });
    expect(zoom).toEqual({ type: 'zoom', window: { startMs: T0 + 125_000, endMs: T0 + 625_000 } });
    expect(g.wheel(v, { x: 0, deltaX: 100, deltaY: 0, shiftKey: false })).toEqual([{ type: 'pan', window: { startMs: T0 + 100_000, endMs: T0 + 1_100_000 } }]);
    expect(g.wheel(v, { x: 0, deltaX: 0, deltaY: 100, shiftKey: true })).toEqual([{ type: 'pan', window: { startMs: T0 + 100_000, endMs: T0 + 1_100_000 } }]);
    expect(g.wheel(v, { x: 0, deltaX: 0, deltaY: 0, shiftKey: false })).toEqual([]);
  });
});
