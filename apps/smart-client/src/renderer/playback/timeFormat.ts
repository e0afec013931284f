/**
 * How playback and investigation write instants: the operator's local wall time, seconds
 * included (an export or a bookmark is judged to the second), the date whenever the instant
 * is not today. Also the round trip to `<input type="datetime-local" step="1">` values.
 */

const pad = (n: number, width = 2) => String(Math.trunc(n)).padStart(width, '0');

function parts(ms: number) {
  const d = new Date(ms);
  return { y: d.getFullYear(), mo: d.getMonth() + 1, d: d.getDate(), h: d.getHours(), mi: d.getMinutes(), s: d.getSeconds(), ms: d.getMilliseconds() };
}

/** 2026-03-01 */
export function formatDate(ms: number): string {
  const p = parts(ms);
  return `${p.y}-${pad(p.mo)}-${pad(p.d)}`;
}

/** 14:03:07, or 14:03:07.240 with `millis` (frame stepping shows the difference). */
export function formatTime(ms: number, millis = false): string {
  const p = parts(ms);
  return `${pad(p.h)}:${pad(p.mi)}:${pad(p.s)}${millis ? `.${pad(p.ms, 3)}` : ''}`;
}

/** 2026-03-01 14:03:07 */
export function formatDateTime(ms: number): string {
  return `${formatDate(ms)} ${formatTime(ms)}`;
}

/** The time alone when `ms` falls on the same local day as `nowMs`, else date and time. */
export function formatInstant(ms: number, nowMs: number): string {
  return formatDate(ms) === formatDate(nowMs) ? formatTime(ms) : formatDateTime(ms);
}

/** 1 h 05 min, 3 min 20 s, 12 s: durations of ranges, sequences and jobs. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${pad(s % 60)} s` : ''}`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ${pad(Math.floor((s % 3600) / 60))} min`;
  return `${Math.floor(s / 86_400)} d ${Math.floor((s % 86_400) / 3600)} h`;
}

/** The value a `datetime-local` input with one-second steps shows for an instant. */
export function toDateTimeLocal(ms: number): string {
  return `${formatDate(ms)}T${formatTime(ms)}`;
}

/**
 * The instant a `datetime-local` value names in local time; NaN for anything else (an empty
 * or half-typed field), so callers can refuse it instead of jumping to 1970.
 */
export function fromDateTimeLocal(value: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?$/.exec(value.trim());
  if (!m) return Number.NaN;
  const [y, mo, d, h, mi, s = '0', frac = '0'] = m.slice(1);
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s), Number(frac.padEnd(3, '0')));
  // Date rolls 31 February over into March; an input that does not read back is not a date.
  if (date.getMonth() !== Number(mo) - 1 || date.getDate() !== Number(d)) return Number.NaN;
  return date.getTime();
}

/** Bytes as an operator reads them: 1.4 GB, 820 MB, 12 kB. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = Math.max(0, bytes);
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${v >= 100 || i === 0 ? Math.round(v) : v.toFixed(1)} ${units[i]}`;
}
