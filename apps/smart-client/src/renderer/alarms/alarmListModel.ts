/**
 * The alarm list as the workspace shows it: the site's pages as one list, the alarms that
 * arrived while the operator watched (highlighted until opened), and what the details pane
 * plays: the related cameras from a little before the alarm.
 */
import type { AlarmBody, AlarmListBody, SiteUpdate } from '@nightjar/ui';

/** Rows of every page loaded, in the site's order; an alarm a refetch moved between pages is listed once. */
export function alarmRows(pages: readonly AlarmListBody[] | undefined): AlarmBody[] {
  const seen = new Set<number>();
  const rows: AlarmBody[] = [];
  for (const page of pages ?? []) {
    for (const alarm of page.alarms) {
      if (seen.has(alarm.id)) continue;
      seen.add(alarm.id);
      rows.push(alarm);
    }
  }
  return rows;
}

/**
 * The alarms raised while the list was on screen, from the updates socket's "created" pushes
 * (not from comparing answers: a new filter or another page brings alarms that are not new).
 * The same set when the update raised nothing, so React skips the render.
 */
export function withArrival(arrived: ReadonlySet<number>, update: SiteUpdate): ReadonlySet<number> {
  if (update.type !== 'alarm' || update.action !== 'created' || arrived.has(update.alarmId)) return arrived;
  return new Set([...arrived, update.alarmId]);
}

/** Opening an alarm is looking at it: it is no longer marked as arrived. */
export function withoutArrival(arrived: ReadonlySet<number>, alarmId: number): ReadonlySet<number> {
  if (!arrived.has(alarmId)) return arrived;
  const next = new Set(arrived);
  next.delete(alarmId);
  return next;
}

/** Playback of an alarm's cameras starts this long before it was raised: what led up to it. */
export const PRE_ALARM_MS = 10_000;

export function playbackStartMs(alarm: Pick<AlarmBody, 'raisedAt'>): number {
  return Date.parse(alarm.raisedAt) - PRE_ALARM_MS;
}

/** At most this many cameras play in the details pane; the others are named below them. */
export const MAX_ALARM_TILES = 4;

/** The cameras that play (in the alarm's order: its source camera first) and those only named. */
export function alarmCameras(relatedCameraIds: readonly string[]): { shown: string[]; more: string[] } {
  const unique = [...new Set(relatedCameraIds)];
  return { shown: unique.slice(0, MAX_ALARM_TILES), more: unique.slice(MAX_ALARM_TILES) };
}

/** Columns of the pane's grid for `count` tiles: one large picture, or two by two. */
export function alarmGridColumns(count: number): number {
  return count <= 1 ? 1 : 2;
}
