import { describe, expect, it } from 'vitest';
import { STATUS_COLORS, trayIconBitmap } from './trayIcon';

describe('tray icon', () => {
  const pixel = (bitmap: Buffer, size: number, x: number, y: number) => [...bitmap.subarray((y * size + x) * 4, (y * size + x) * 4 + 4)];

  it('draws the state colour in the centre, a ring around it and transparent corners', () => {
    const size = 32;
    const icon = trayIconBitmap('running', size);
    expect(icon.length).toBe(size * size * 4);
    const [r, g, b] = STATUS_COLORS.running;
    expect(pixel(icon, size, 16, 16)).toEqual([b, g, r, 255]);
    expect(pixel(icon, size, 0, 0)).toEqual([0, 0, 0, 0]);
    // On the ring (left edge, middle row): opaque light grey.
    expect(pixel(icon, size, 1, 16)[3]).toBeGreaterThan(200);
    expect(pixel(trayIconBitmap('stopped', size), size, 16, 16)).toEqual([...STATUS_COLORS.stopped].reverse().concat(255));
  });
});
