import { describe, expect, it } from 'vitest';
import { clampZoom, isZoomed, MAX_SCALE, NO_ZOOM, panBy, wheelFactor, zoomAt, zoomTransform } from './zoom';

const tile = { width: 400, height: 300 };

describe('digital zoom', () => {
  it('keeps the picture point under the cursor still', () => {
    const z = zoomAt(NO_ZOOM, 2, 100, 50, tile);
    expect(z).toEqual({ scale: 2, x: -100, y: -50 });
    // The picture point (100, 50) is drawn at x * scale + pan = 100, 50: unmoved.
    expect(100 * z.scale + z.x).toBe(100);
    expect(50 * z.scale + z.y).toBe(50);
  });

  it('never zooms out past the whole picture nor in past MAX_SCALE', () => {
    expect(zoomAt(NO_ZOOM, 0.5, 10, 10, tile)).toEqual(NO_ZOOM);
    expect(zoomAt(NO_ZOOM, 1000, 0, 0, tile).scale).toBe(MAX_SCALE);
  });

  it('clamps panning so the picture always covers the tile', () => {
    const z = zoomAt(NO_ZOOM, 2, 0, 0, tile);
    expect(panBy(z, 50, 50, tile)).toEqual({ scale: 2, x: 0, y: 0 });
    expect(panBy(z, -1000, -1000, tile)).toEqual({ scale: 2, x: -400, y: -300 });
    expect(clampZoom({ scale: 0.2, x: 30, y: 30 }, tile)).toEqual(NO_ZOOM);
  });

  it('zooming back out to 1 recentres', () => {
    const z = zoomAt(zoomAt(NO_ZOOM, 3, 300, 200, tile), 1 / 3, 10, 10, tile);
    expect(z.scale).toBeCloseTo(1);
    expect(z.x).toBeCloseTo(0);
    expect(z.y).toBeCloseTo(0);
    expect(isZoomed(z)).toBe(false);
  });

  it('wheel up zooms in, wheel down zooms out, line mode like pixels', () => {
    expect(wheelFactor(-100, 0)).toBeGreaterThan(1);
    expect(wheelFactor(100, 0)).toBeLessThan(1);
    expect(wheelFactor(-3, 1)).toBeCloseTo(wheelFactor(-120, 0));
  });

  it('renders as a CSS transform', () => {
    expect(zoomTransform({ scale: 2, x: -10, y: -5 })).toBe('translate(-10px, -5px) scale(2)');
  });
});
