import { describe, expect, it } from 'vitest';
import type { TimelineContext, TimelineScene } from './timelineDraw';
import { AXIS_HEIGHT_PX, TIMELINE_COLORS, drawTimeline, rowBand } from './timelineDraw';
import { utcTimeZone } from './timeZone';

const T0 = Date.UTC(2026, 0, 1, 12);

/** A context that records every fillRect with the fill colour at that moment, and transforms. */
function recordingContext() {
  const rects: { color: string; x: number; y: number; w: number; h: number }[] = [];
  const transforms: number[][] = [];
  const texts: string[] = [];
  let clips = 0;
  const ctx = {
    fillStyle: '', strokeStyle: '', lineWidth: 1, font: '', textBaseline: 'alphabetic',
    setTransform: (...m: number[]) => { transforms.push(m); },
    fillRect(x: number, y: number, w: number, h: number) { rects.push({ color: String(this.fillStyle), x, y, w, h }); },
    fillText: (text: string) => { texts.push(text); },
    clip: () => { clips++; },
    clearRect() {}, beginPath() {}, moveTo() {}, lineTo() {}, stroke() {}, fill() {}, closePath() {}, save() {}, restore() {}, rect() {},
  };
  return { ctx: ctx as unknown as TimelineContext, rects, transforms, texts, clips: () => clips };
}

const scene = (over: Partial<TimelineScene> = {}): TimelineScene => ({
  window: { startMs: T0, endMs: T0 + 1_000_000 }, widthPx: 1000, heightPx: 2 * 40 + AXIS_HEIGHT_PX,
  rows: [
    { cameraId: 'a', label: 'Door', recordings: [{ startMs: T0 + 100_000, endMs: T0 + 200_000 }, { startMs: T0 + 500_000, endMs: T0 + 500_100 }], motion: [] },
    { cameraId: 'b', label: 'Yard', recordings: [], motion: [{ startMs: T0 - 50_000, endMs: T0 + 10_000 }] },
  ],
  bookmarks: [], locks: [], playheadMs: null, selection: null, zone: utcTimeZone, ...over,
});

describe('drawTimeline', () => {
  it('scales to device pixels and draws recordings in their lane', () => {
    const r = recordingContext();
    drawTimeline(r.ctx, scene(), 2);
    expect(r.transforms[0]).toEqual([2, 0, 0, 2, 0, 0]);
    const recordings = r.rects.filter((x) => x.color === TIMELINE_COLORS.recording);
    const lane = rowBand(scene().heightPx, 2, 0);
    expect(recordings).toHaveLength(2);
    expect(recordings[0]).toMatchObject({ x: 100, w: 100 });
    expect(recordings[0]!.y).toBeGreaterThanOrEqual(lane.top);
    expect(recordings[0]!.y + recordings[0]!.h).toBeLessThanOrEqual(lane.top + lane.height);
    // 100 ms is a tenth of a pixel here, drawn a whole pixel wide so it stays visible.
    expect(recordings[1]!.w).toBe(1);
    expect(r.texts).toEqual(expect.arrayContaining(['Door', 'Yard', '12:00']));
  });

  it('marks a lock over the recordings it protects', () => {
    const r = recordingContext();
    drawTimeline(r.ctx, scene({ locks: [{ id: 'l', cameraIds: ['a'], startMs: T0 + 100_000, endMs: T0 + 200_000 }] }), 1);
    const recording = r.rects.findIndex((x) => x.color === TIMELINE_COLORS.recording);
    const lock = r.rects.findIndex((x) => x.color === TIMELINE_COLORS.lock);
    expect(lock).toBeGreaterThan(recording);
    expect(r.rects[lock]).toMatchObject({ x: 100, w: 100, y: r.rects[recording]!.y });
  });

  it('clips spans at the window and puts motion in the second lane', () => {
    const r = recordingContext();
    drawTimeline(r.ctx, scene(), 1);
    const [motion] = r.rects.filter((x) => x.color === TIMELINE_COLORS.motion);
    expect(motion).toMatchObject({ x: -1, w: 11 });
    expect(motion!.y).toBeGreaterThanOrEqual(rowBand(scene().heightPx, 2, 1).top);
  });

  it('draws locks hatched only in the lanes of their cameras, bookmarks, selection and playhead', () => {
    const r = recordingContext();
    drawTimeline(r.ctx, scene({
      locks: [{ id: 'l', cameraIds: ['b'], startMs: T0, endMs: T0 + 300_000 }],
      bookmarks: [{ id: 'm', cameraIds: ['a', 'b'], timeMs: T0 + 700_000 }],
      selection: { startMs: T0 + 600_000, endMs: T0 + 800_000 },
      playheadMs: T0 + 650_000,
    }), 1);
    expect(r.clips()).toBe(1);
    // The lock's strip is drawn after (over) the lane's recordings, in its camera's lane only.
    const strip = r.rects.findIndex((x) => x.color === TIMELINE_COLORS.lock);
    expect(r.rects[strip]).toMatchObject({ x: 0, w: 300 });
    expect(r.rects[strip]!.y).toBeGreaterThanOrEqual(rowBand(scene().heightPx, 2, 1).top);
    expect(r.rects.filter((x) => x.color === TIMELINE_COLORS.lock)).toHaveLength(1);
    expect(r.rects.filter((x) => x.color === TIMELINE_COLORS.bookmark)).toHaveLength(2);
    expect(r.rects.find((x) => x.color === TIMELINE_COLORS.selection)).toMatchObject({ x: 600, w: 200, y: AXIS_HEIGHT_PX });
  });
});
