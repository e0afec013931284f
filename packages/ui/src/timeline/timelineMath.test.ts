import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_SPAN_MS, MIN_SPAN_MS, centreOn, clampWindow, hitSpan, pan, pxToTime, rangeFromPx, snapToEdges, tickLabel, tickStep, ticks,
  timeToPx, zoomAt,
} from './timelineMath';
import type { Viewport } from './timelineMath';
import { intlTimeZone, utcTimeZone, wallToUtc } from './timeZone';
import type { TimeZone } from './timeZone';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2026, 2, 1, 12, 0, 0);
const view = (startMs: number, endMs: number, widthPx = 1000): Viewport => ({ startMs, endMs, widthPx });

/** A zone with +1 h in winter and +2 h between two instants: the shape of CET/CEST, without tz data. */
const fakeCet = (springUtc: number, fallUtc: number): TimeZone => ({ offsetMs: (t) => (t >= springUtc && t < fallUtc ? 2 * HOUR : HOUR) });
const SPRING = Date.UTC(2026, 2, 29, 1); // 02:00 CET → 03:00 CEST
const FALL = Date.UTC(2026, 9, 25, 1); // 03:00 CEST → 02:00 CET
const cet = fakeCet(SPRING, FALL);

describe('time ↔ pixel', () => {
  it('maps the window onto the strip', () => {
    const v = view(T0, T0 + HOUR);
    expect(timeToPx(v, T0)).toBe(0);
    expect(timeToPx(v, T0 + HOUR)).toBe(1000);
    expect(pxToTime(v, 500)).toBe(T0 + HOUR / 2);
  });

  it('round-trips within a millisecond at every zoom', () => {
    fc.assert(fc.property(
      fc.integer({ min: MIN_SPAN_MS, max: MAX_SPAN_MS }), fc.integer({ min: 100, max: 8000 }), fc.double({ min: -2, max: 2, noNaN: true }),
      (span, width, fraction) => {
        const v = view(T0, T0 + span, width);
        const t = T0 + fraction * span;
        expect(Math.abs(pxToTime(v, timeToPx(v, t)) - t)).toBeLessThan(1);
      },
    ));
  });
});

describe('zoom and pan', () => {
  it('keeps the instant under the anchor in place', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0.1, max: 10, noNaN: true }), (anchor, factor) => {
      const v = view(T0, T0 + 6 * HOUR);
      const w = zoomAt(v, anchor, factor);
      expect(Math.abs(pxToTime({ ...w, widthPx: 1000 }, anchor) - pxToTime(v, anchor))).toBeLessThan(1);
    }));
  });

  it('clamps the span to one minute and four weeks', () => {
    const v = view(T0, T0 + 2 * MINUTE);
    const inward = zoomAt(v, 250, 0.01);
    expect(inward.endMs - inward.startMs).toBe(MIN_SPAN_MS);
    expect(inward.startMs + 0.25 * MIN_SPAN_MS).toBeCloseTo(T0 + 0.25 * 2 * MINUTE, 6);
    const out = zoomAt(view(T0, T0 + 20 * DAY), 0, 100);
    expect(out).toEqual({ startMs: T0, endMs: T0 + MAX_SPAN_MS });
    expect(clampWindow({ startMs: T0, endMs: T0 + 1000 })).toEqual({ startMs: T0 + 500 - MINUTE / 2, endMs: T0 + 500 + MINUTE / 2 });
    expect(clampWindow({ startMs: T0, endMs: T0 + HOUR })).toEqual({ startMs: T0, endMs: T0 + HOUR });
  });

  it('pans with the content and centres on an instant', () => {
    const v = view(T0, T0 + HOUR);
    expect(pan(v, 100)).toEqual({ startMs: T0 - 6 * MINUTE, endMs: T0 + HOUR - 6 * MINUTE });
    expect(pan(v, -1000)).toEqual({ startMs: T0 + HOUR, endMs: T0 + 2 * HOUR });
    expect(centreOn(v, T0)).toEqual({ startMs: T0 - HOUR / 2, endMs: T0 + HOUR / 2 });
  });
});

describe('selection, snapping, hit testing', () => {
  const v = view(T0, T0 + 1000 * MINUTE / 10); // 6 s per pixel

  it('orders a range dragged leftwards', () => {
    expect(rangeFromPx(v, 300, 100)).toEqual({ startMs: T0 + 600_000, endMs: T0 + 1_800_000 });
  });

  it('snaps to the nearest edge within the threshold only', () => {
    const spans = [{ startMs: T0 + 60_000, endMs: T0 + 120_000 }, { startMs: T0 + 150_000, endMs: T0 + 300_000 }];
    // 2 px at 6 s per pixel: within 12 s.
    expect(snapToEdges(v, T0 + 80_000, spans, 2)).toBe(T0 + 80_000);
    expect(snapToEdges(v, T0 + 70_000, spans, 2)).toBe(T0 + 60_000);
    expect(snapToEdges(v, T0 + 130_000, spans, 2)).toBe(T0 + 120_000);
    expect(snapToEdges(v, T0 + 141_000, spans, 2)).toBe(T0 + 150_000);
    expect(snapToEdges(v, T0 + 70_000, [], 2)).toBe(T0 + 70_000);
  });

  it('hits spans with a tolerance and prefers the nearest centre', () => {
    const bookmark = { startMs: T0 + 60_000, endMs: T0 + 60_000 };
    const long = { startMs: T0, endMs: T0 + 600_000 };
    expect(hitSpan(v, [bookmark], 11)).toBeUndefined();
    expect(hitSpan(v, [bookmark], 11, 2)).toBe(bookmark);
    expect(hitSpan(v, [long, bookmark], 10, 2)).toBe(bookmark);
    expect(hitSpan(v, [long, bookmark], 60, 2)).toBe(long);
    expect(hitSpan(v, [long], 200, 2)).toBeUndefined();
  });
});

describe('ticks', () => {
  it('picks nice steps per zoom level', () => {
    expect(tickStep(view(T0, T0 + MINUTE), 80)).toBe(5_000);
    expect(tickStep(view(T0, T0 + HOUR), 80)).toBe(5 * MINUTE);
    expect(tickStep(view(T0, T0 + DAY), 80)).toBe(2 * HOUR);
    expect(tickStep(view(T0, T0 + 28 * DAY), 80)).toBe(7 * DAY);
  });

  it('labels seconds, minutes and dates in UTC', () => {
    expect(ticks(view(T0, T0 + MINUTE), utcTimeZone).map((t) => t.label).slice(0, 3)).toEqual(['12:00:00', '12:00:05', '12:00:10']);
    const day = ticks(view(T0 - 13 * HOUR, T0 + 11 * HOUR), utcTimeZone);
    expect(day.map((t) => t.label)).toEqual(['00:00', '02:00', '04:00', '06:00', '08:00', '10:00', '12:00', '14:00', '16:00', '18:00', '20:00', '22:00']
      .map((l, i) => (i === 0 ? '1 Mar' : l)));
    expect(day[0]!.major).toBe(true);
    expect(day[0]!.px).toBeCloseTo(timeToPx(view(T0 - 13 * HOUR, T0 + 11 * HOUR), Date.UTC(2026, 2, 1)), 6);
  });

  it('puts weekly ticks on Mondays', () => {
    const w = ticks(view(T0, T0 + 28 * DAY), utcTimeZone);
    expect(w.map((t) => new Date(t.timeMs).getUTCDay())).toEqual([1, 1, 1, 1]);
  });

  it('follows the wall clock across spring forward', () => {
    const t = ticks(view(SPRING - 3 * HOUR, SPRING + 3 * HOUR, 600), cet, 80);
    expect(t.map((x) => x.label)).toEqual(['23:00', '29 Mar', '01:00', '03:00', '04:00', '05:00', '06:00']);
    for (let i = 1; i < t.length; i++) expect(t[i]!.timeMs - t[i - 1]!.timeMs).toBe(HOUR);
  });

  it('shows the repeated hour twice across fall back, and keeps a 3 h grid on the wall clock', () => {
    const hourly = ticks(view(FALL - 2 * HOUR, FALL + 2 * HOUR, 400), cet, 80);
    expect(hourly.map((x) => x.label)).toEqual(['01:00', '02:00', '02:00', '03:00', '04:00']);
    expect(hourly[2]!.timeMs - hourly[1]!.timeMs).toBe(HOUR);
    const threeHourly = ticks(view(FALL - 9 * HOUR, FALL + 9 * HOUR, 600), cet, 80);
    expect(threeHourly.map((x) => x.label)).toEqual(['18:00', '21:00', '25 Oct', '03:00', '06:00', '09:00']);
  });

  it('puts day ticks on local midnights of 23 and 25 hour days', () => {
    const days = ticks(view(Date.UTC(2026, 2, 27), Date.UTC(2026, 2, 27) + 5 * DAY, 1000), cet, 150);
    expect(days.map((d) => d.label)).toEqual(['28 Mar', '29 Mar', '30 Mar', '31 Mar', '1 Apr']);
    expect(days[2]!.timeMs - days[1]!.timeMs).toBe(23 * HOUR);
  });

  it('agrees with the real Europe/Berlin zone', () => {
    const berlin = intlTimeZone('Europe/Berlin');
    expect(berlin.offsetMs(SPRING - 1)).toBe(HOUR);
    expect(berlin.offsetMs(SPRING)).toBe(2 * HOUR);
    const t = ticks(view(FALL - 2 * HOUR, FALL + 2 * HOUR, 400), berlin, 80);
    expect(t).toEqual(ticks(view(FALL - 2 * HOUR, FALL + 2 * HOUR, 400), cet, 80));
  });

  it('maps wall times through transitions', () => {
    expect(wallToUtc(cet, Date.UTC(2026, 9, 25, 2, 30))).toBe(Date.UTC(2026, 9, 25, 0, 30));
    expect(wallToUtc(cet, Date.UTC(2026, 2, 29, 2, 30))).toBe(Date.UTC(2026, 2, 29, 1, 30));
    expect(wallToUtc(cet, Date.UTC(2026, 0, 1))).toBe(Date.UTC(2025, 11, 31, 23));
    expect(tickLabel(Date.UTC(2026, 0, 1, 7, 5, 9), 1000)).toBe('07:05:09');
  });
});
