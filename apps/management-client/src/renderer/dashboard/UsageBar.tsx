/** How full something is, as a bar with its share: a storage of its limit, memory, a disk; or a job's progress. */
import { formatPercent } from './format';
import { usageTone } from './statusTone';

export interface UsageBarProps {
  percent: number;
  /** What is measured, for screen readers ("Live storage used of its limit"). */
  label: string;
  /** A meter is toned by fullness; progress is always neutral (a job half done is no warning). */
  kind?: 'meter' | 'progress';
  /** Text beside the bar instead of the percentage ("12 GiB of 126 GiB"). */
  text?: string;
}

export function UsageBar({ percent, label, kind = 'meter', text }: UsageBarProps) {
  const clamped = Math.max(0, Math.min(100, Number.isFinite(percent) ? percent : 0));
  return (
    <span className="usage-bar" role={kind === 'meter' ? 'meter' : 'progressbar'} aria-label={label}
      aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(clamped)} aria-valuetext={text ?? formatPercent(clamped)}
      data-tone={kind === 'meter' ? usageTone(clamped) : 'neutral'}>
      <span className="usage-bar-track"><span className="usage-bar-fill" style={{ width: `${clamped}%` }} /></span>
      <span className="usage-bar-text">{text ?? formatPercent(clamped)}</span>
    </span>
  );
}
