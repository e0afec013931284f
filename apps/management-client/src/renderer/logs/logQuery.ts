/**
 * What the log pages ask the site for: a time range (a recent span or fixed dates), words to
 * find, and pages going back from the newest entry. Pure, so the ranges and paging are tested
 * without a site.
 */

export const RANGE_PRESETS = [
  { id: '1h', label: 'Last hour', ms: 3600_000 },
  { id: '24h', label: 'Last 24 hours', ms: 24 * 3600_000 },
  { id: '7d', label: 'Last 7 days', ms: 7 * 24 * 3600_000 },
  { id: '30d', label: 'Last 30 days', ms: 30 * 24 * 3600_000 },
  { id: 'all', label: 'Everything kept', ms: null },
  { id: 'custom', label: 'Between dates…', ms: null },
] as const;
export type RangePreset = (typeof RANGE_PRESETS)[number]['id'];

export interface LogRange {
  preset: RangePreset;
  /** For "custom": local date-times as a datetime-local input holds them ("2026-03-01T08:00"); empty: open. */
  from: string;
  to: string;
}

export const DEFAULT_RANGE: LogRange = { preset: '24h', from: '', to: '' };

/** The range as the API's `from`/`to` (ISO), at `now` for the recent spans. */
export function rangeQuery(range: LogRange, now: number): { from?: string; to?: string } {
  const preset = RANGE_PRESETS.find((p) => p.id === range.preset);
  if (preset?.ms) return { from: new Date(now - preset.ms).toISOString() };
  if (range.preset !== 'custom') return {};
  const from = fromLocalInput(range.from);
  const to = fromLocalInput(range.to);
  return { ...(from !== undefined ? { from: new Date(from).toISOString() } : {}), ...(to !== undefined ? { to: new Date(to).toISOString() } : {}) };
}

/** A problem with a custom range, for the field at fault. */
export function rangeProblem(range: LogRange): { field: 'from' | 'to'; message: string } | undefined {
  if (range.preset !== 'custom') return undefined;
  if (range.from && fromLocalInput(range.from) === undefined) return { field: 'from', message: 'Not a date and time.' };
  if (range.to && fromLocalInput(range.to) === undefined) return { field: 'to', message: 'Not a date and time.' };
  const from = fromLocalInput(range.from);
  const to = fromLocalInput(range.to);
  if (from !== undefined && to !== undefined && to <= from) return { field: 'to', message: 'The end must be after the start.' };
  return undefined;
}

/** ms of a datetime-local value in the local time zone; undefined when empty or invalid. */
export function fromLocalInput(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return undefined;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? ms : undefined;
}

/** The datetime-local value of an instant in the local time zone. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

/**
 * The cursor of the page after `page` (the last entry's number), or undefined when the page
 * was not full, so "Load more" disappears at the oldest entry.
 */
export function nextCursor<T>(page: readonly T[], limit: number, cursorOf: (entry: T) => number): number | undefined {
  return page.length < limit || page.length === 0 ? undefined : cursorOf(page.at(-1)!);
}

/** Pages joined, without an entry twice when entries arrived between two page loads. */
export function joinPages<T>(pages: readonly (readonly T[])[], keyOf: (entry: T) => number): T[] {
  const seen = new Set<number>();
  const out: T[] = [];
  for (const page of pages) {
    for (const e of page) {
      const k = keyOf(e);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(e);
    }
  }
  return out;
}

/** Local date and time with seconds, as a log reader wants it ("2026-03-01 08:00:05"). */
export function formatLogTime(iso: string): string {
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
