/**
 * A small line of recent values, drawn as SVG (no chart library): the shape matters here,
 * not exact values, which the cell next to it shows. `max` fixes the scale (CPU is out of 100);
 * without it the line fills the height by its own largest value.
 */
import { sparklinePoints } from './sparklinePoints';

export interface SparklineProps {
  values: readonly number[];
  /** What the line is, for screen readers ("CPU over the last two minutes"). */
  label: string;
  max?: number;
  /** Samples a full line holds (the history's length), so a short history starts at the right. */
  slots?: number;
  width?: number;
  height?: number;
}

export function Sparkline({ values, label, max, slots, width = 84, height = 22 }: SparklineProps) {
  const points = sparklinePoints(values, width, height, { ...(max === undefined ? {} : { max }), ...(slots === undefined ? {} : { slots }) });
  return (
    <svg className="sparkline" width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <rect className="sparkline-track" x="0" y="0" width={width} height={height} rx="2" />
      {points ? <polygon className="sparkline-area" points={`${points.split(' ')[0]!.split(',')[0]},${height} ${points} ${width},${height}`} /> : null}
      {points ? <polyline points={points} fill="none" stroke="currentColor" strokeWidth="1.25" strokeLinejoin="round" /> : null}
    </svg>
  );
}
