/**
 * The tray icon, drawn in code (no image files to ship or keep in sync): a ring with a dot
 * whose colour is the local site's state. Raw BGRA pixels, premultiplied, as
 * nativeImage.createFromBitmap takes them. Pure, so it is tested without Electron.
 */
import type { LocalSiteStatus } from './localSiteState';

type Rgb = readonly [number, number, number];

export const STATUS_COLORS: Record<LocalSiteStatus, Rgb> = {
  running: [63, 185, 80],
  starting: [210, 153, 34],
  stopping: [210, 153, 34],
  unresponsive: [248, 81, 73],
  stopped: [139, 148, 158],
};
const RING: Rgb = [201, 209, 217];

/** A `size`×`size` icon; draw at twice the logical size and pass scaleFactor 2 for sharp HiDPI trays. */
export function trayIconBitmap(status: LocalSiteStatus, size: number): Buffer {
  const pixels = Buffer.alloc(size * size * 4);
  const c = (size - 1) / 2;
  const outer = size * 0.47;
  const ringWidth = Math.max(1, size * 0.11);
  const dot = size * 0.24;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x - c, y - c);
      // Coverage of a pixel by a disc edge, for smooth (anti-aliased) circles.
      const inside = (r: number) => Math.min(1, Math.max(0, r - d + 0.5));
      const ring = Math.min(inside(outer), 1 - inside(outer - ringWidth));
      const centre = inside(dot);
      const [color, alpha] = centre > 0 ? [STATUS_COLORS[status], centre] : [RING, ring];
      const i = (y * size + x) * 4;
      pixels[i] = Math.round(color[2] * alpha);
      pixels[i + 1] = Math.round(color[1] * alpha);
      pixels[i + 2] = Math.round(color[0] * alpha);
      pixels[i + 3] = Math.round(255 * alpha);
    }
  }
  return pixels;
}
