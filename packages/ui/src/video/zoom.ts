/**
 * Digital zoom of a tile: a scale and a pan in tile pixels, applied as a CSS transform
 * (`translate(x, y) scale(s)` with origin 0 0). Pure and clamped so the picture always covers
 * the tile: zooming never reveals the background.
 */
export interface Zoom {
  scale: number;
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export const NO_ZOOM: Zoom = { scale: 1, x: 0, y: 0 };
export const MAX_SCALE = 8;

/** Keeps scale in [1, MAX_SCALE] and the pan so that the scaled picture covers the tile. */
export function clampZoom(z: Zoom, size: Size): Zoom {
  const scale = Math.min(MAX_SCALE, Math.max(1, z.scale));
  const minX = size.width * (1 - scale);
  const minY = size.height * (1 - scale);
  return { scale, x: Math.min(0, Math.max(minX, z.x)), y: Math.min(0, Math.max(minY, z.y)) };
}

/**
 * Zooms by `factor` around the point (px, py) in tile pixels, keeping the picture point under
 * the cursor still, as map and photo viewers do.
 */
export function zoomAt(z: Zoom, factor: number, px: number, py: number, size: Size): Zoom {
  const scale = Math.min(MAX_SCALE, Math.max(1, z.scale * factor));
  const k = scale / z.scale;
  return clampZoom({ scale, x: px - (px - z.x) * k, y: py - (py - z.y) * k }, size);
}

/** The zoom factor for one wheel event: smooth for trackpads, one notch ≈ 1.2x for mice. */
export function wheelFactor(deltaY: number, deltaMode: number): number {
  const pixels = deltaMode === 1 ? deltaY * 40 : deltaMode === 2 ? deltaY * 800 : deltaY;
  return Math.exp(-pixels / 500);
}

export function panBy(z: Zoom, dx: number, dy: number, size: Size): Zoom {
  return clampZoom({ ...z, x: z.x + dx, y: z.y + dy }, size);
}

export function zoomTransform(z: Zoom): string {
  return `translate(${z.x}px, ${z.y}px) scale(${z.scale})`;
}

export function isZoomed(z: Zoom): boolean {
  return z.scale > 1.001;
}
