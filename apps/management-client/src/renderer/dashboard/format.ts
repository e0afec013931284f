/**
 * How the dashboard and storage pages write sizes, rates, shares and durations: binary units
 * for bytes (disks and limits are set in GiB), decimal for bit rates (as cameras state them),
 * one decimal below 10 so small changes stay visible, none above so columns stay short.
 */

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;
const BIT_UNITS = ['bit/s', 'kbit/s', 'Mbit/s', 'Gbit/s'] as const;

function scaled(value: number, base: number, units: readonly string[]): string {
  if (!Number.isFinite(value) || value < 0) return '—';
  let i = 0;
  let v = value;
  while (v >= base && i < units.length - 1) {
    v /= base;
    i++;
  }
  const digits = i === 0 || v >= 10 ? 0 : 1;
  return `${v.toFixed(digits)} ${units[i]}`;
}

export function formatBytes(bytes: number): string {
  return scaled(bytes, 1024, BYTE_UNITS);
}

export function formatByteRate(bytesPerSecond: number): string {
  return `${formatBytes(bytesPerSecond)}/s`;
}

export function formatBitrate(bitsPerSecond: number): string {
  return scaled(bitsPerSecond, 1000, BIT_UNITS);
}

/** The share of `part` in `whole`, 0–100; nothing of nothing is 0, not NaN. */
export function percentOf(part: number, whole: number): number {
  if (!(whole > 0) || !(part > 0)) return 0;
  return Math.min(100, (part / whole) * 100);
}

export function formatPercent(percent: number): string {
  if (!Number.isFinite(percent)) return '—';
  return percent > 0 && percent < 1 ? '<1%' : `${Math.round(percent)}%`;
}

export function formatFps(fps: number): string {
  return Number.isFinite(fps) ? fps.toFixed(fps >= 10 ? 0 : 1) : '—';
}

/** Uptime and ages: the two largest units ("3 d 4 h", "5 min 12 s"). */
export function formatDuration(totalSeconds: number): string {
  if (!Number.isFinite(totalSeconds) || totalSeconds < 0) return '—';
  const s = Math.floor(totalSeconds);
  const parts: [number, string][] = [[Math.floor(s / 86400), 'd'], [Math.floor(s / 3600) % 24, 'h'], [Math.floor(s / 60) % 60, 'min'], [s % 60, 's']];
  const first = parts.findIndex(([n]) => n > 0);
  if (first < 0) return '0 s';
  return parts.slice(first, first + 2).filter(([n], i) => i === 0 || n > 0).map(([n, u]) => `${n} ${u}`).join(' ');
}

/** Retention as administrators say it: whole days as days, anything else in hours. */
export function formatRetention(hours: number): string {
  if (hours >= 24 && hours % 24 === 0) return `${hours / 24} ${hours === 24 ? 'day' : 'days'}`;
  return `${+hours.toFixed(2)} ${hours === 1 ? 'hour' : 'hours'}`;
}

/** A recorded range: one date when it starts and ends on the same day ("21/11/2026, 19:02:58–19:03:14"). */
export function formatRange(fromIso: string, toIso: string): string {
  const from = new Date(fromIso);
  const to = new Date(toIso);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return '—';
  if (from.toDateString() === to.toDateString()) return `${from.toLocaleDateString()}, ${from.toLocaleTimeString()}–${to.toLocaleTimeString()}`;
  return `${from.toLocaleString()} – ${to.toLocaleString()}`;
}
