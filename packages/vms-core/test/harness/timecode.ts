/**
 * Reads the wall-clock band that a test camera started with `timecode: true` burns into its
 * pictures (gstRtspServer.py draws it): TIMECODE_BITS equal cells across the top TIMECODE_ROWS
 * rows, white for a set bit of the time in tenths of a second, least significant bit first.
 * A browser test samples the middle row of the band from a canvas and decodes it here.
 */
export const TIMECODE_BITS = 40;
export const TIMECODE_ROWS = 12;

/** The x of each cell's centre, for sampling a picture `width` pixels wide. */
export function timecodeSampleXs(width: number): number[] {
  const cell = width / TIMECODE_BITS;
  return Array.from({ length: TIMECODE_BITS }, (_, b) => Math.floor((b + 0.5) * cell));
}

/** The y of the band's middle row (the cells' edges blur under compression; the middle does not). */
export const TIMECODE_SAMPLE_Y = Math.floor(TIMECODE_ROWS / 2);

/**
 * Decodes luma samples (0–255, one per cell, from timecodeSampleXs) into ms since the epoch.
 * Returns null when a sample is neither clearly dark nor clearly light: no band, or a picture
 * caught mid-transition.
 */
export function decodeTimecode(luma: readonly number[]): number | null {
  if (luma.length !== TIMECODE_BITS) return null;
  let tenths = 0;
  for (let b = TIMECODE_BITS - 1; b >= 0; b--) {
    const y = luma[b]!;
    if (y > 80 && y < 176) return null;
    tenths = tenths * 2 + (y >= 176 ? 1 : 0);
  }
  return tenths * 100;
}
