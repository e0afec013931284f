/**
 * The polyline of a sparkline: the newest value at the right edge, older ones to its left, one
 * of `slots` steps apart, so a young history grows from the right instead of stretching; 1 px
 * is kept free at the top and bottom for the stroke.
 */
export function sparklinePoints(values: readonly number[], width: number, height: number, o: { max?: number; slots?: number } = {}): string {
  if (values.length === 0) return '';
  // Without a fixed maximum, a fifth of headroom: a steady value reads as a level line, not one glued to the top edge.
  const top = o.max ?? Math.max(...values, 1e-9) * 1.25;
  const slots = Math.max(o.slots ?? values.length, values.length, 2);
  const step = width / (slots - 1);
  const last = values.length - 1;
  return values
    .map((v, i) => `${+(width - (last - i) * step).toFixed(1)},${+(height - 1 - (Math.max(0, v) / top) * (height - 2)).toFixed(1)}`)
    .join(' ');
}
