import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query';
import type { EventQuery, ExportJobBody, ListDevicesQueryBody, MotionSearchBody, TimeRange } from './apiTypes';
import { isExportJobActive } from './apiTypes';
import type { AlarmFilter, BookmarkFilter } from './queryKeys';
import { bookmarkSearchQuery, normalizeAlarmFilter, normalizeMotionSearch, queryKeys } from './queryKeys';
import { statusBatcher } from './cameraStatusBatcher';
import type { SiteClient } from './siteClient';

/*
 * queryOptions factories, one per resource, so components, prefetching and WebSocket
 * invalidation share one definition of key, fetcher and freshness. The client is an argument,
 * not a module singleton: a Smart Client may be signed in to several sites.
 *
 * Freshness follows how the data changes:
 * - the camera list changes only when an administrator edits it: minutes;
 * - a camera's status changes on its own (connection, motion): short, and polled as a fallback
 *   for when the event socket is down;
 * - sequences of a past range never change, but a range reaching "now" grows: polled then;
 * - export jobs poll while queued or running and stop once they are done.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;

export const STATUS_POLL_MS = 10 * SECOND;
export const LIVE_EDGE_POLL_MS = 30 * SECOND;
export const EXPORT_POLL_MS = 1 * SECOND;

/** The signed-in user's flags and camera rights; refetched when roles change (the updates socket invalidates it). */
export function currentUserQuery(client: SiteClient) {
  return queryOptions({
    queryKey: queryKeys.currentUser(),
    queryFn: ({ signal }) => client.getCurrentUser({ signal }),
    staleTime: 5 * MINUTE,
  });
}

export function camerasQuery(client: SiteClient) {
  return queryOptions({
    queryKey: queryKeys.cameras(),
    queryFn: ({ signal }) => client.listCameras({ signal }),
    staleTime: 5 * MINUTE,
  });
}

export function cameraStatusQuery(client: SiteClient, cameraId: string) {
  return queryOptions({
    queryKey: queryKeys.cameraStatus(cameraId),
    // Batched: a list of many cameras costs a few listCameraStatuses calls, not one call each.
    queryFn: () => statusBatcher(client).get(cameraId),
    staleTime: 5 * SECOND,
    refetchInterval: STATUS_POLL_MS,
  });
}

/** `now` is passed in (not read here) so the caller's clock decides what "reaches the present" means. */
export function sequencesQuery(client: SiteClient, cameraId: string, range: TimeRange, now: number) {
  const open = Date.parse(range.to) >= now - LIVE_EDGE_POLL_MS;
  return queryOptions({
    queryKey: queryKeys.sequences(cameraId, range),
    queryFn: ({ signal }) => client.listSequences(cameraId, range, { signal }),
    staleTime: open ? LIVE_EDGE_POLL_MS : Infinity,
    refetchInterval: open ? LIVE_EDGE_POLL_MS : false,
  });
}

export function bookmarksQuery(client: SiteClient, filter: BookmarkFilter) {
  return queryOptions({
    queryKey: queryKeys.bookmarkSearch(filter),
    queryFn: ({ signal }) => client.searchBookmarks(bookmarkSearchQuery(filter), { signal }),
    staleTime: 30 * SECOND,
  });
}

export function evidenceLocksQuery(client: SiteClient, cameraId?: string) {
  return queryOptions({
    queryKey: queryKeys.evidenceLocksOfCamera(cameraId),
    queryFn: ({ signal }) => client.listEvidenceLocks(cameraId, { signal }),
    staleTime: MINUTE,
  });
}

export function exportsQuery(client: SiteClient) {
  return queryOptions({
    queryKey: queryKeys.exports(),
    queryFn: ({ signal }) => client.listExports({ signal }),
    staleTime: 5 * SECOND,
    refetchInterval: (query) => (query.state.data?.some(isExportJobActive) ? EXPORT_POLL_MS : false),
  });
}

export function exportJobQuery(client: SiteClient, jobId: string) {
  return queryOptions({
    queryKey: queryKeys.exportJob(jobId),
    queryFn: ({ signal }) => client.getExportJob(jobId, { signal }),
    staleTime: (query) => (finished(query.state.data) ? Infinity : 0),
    refetchInterval: (query) => (finished(query.state.data) ? false : EXPORT_POLL_MS),
  });
}

/**
 * Views change only when someone edits one; the updates socket puts each change into this
 * entry (siteUpdates.ts), so it is fresh until the socket reconnects and invalidates it.
 */
export function viewsQuery(client: SiteClient) {
  return queryOptions({
    queryKey: queryKeys.views(),
    queryFn: ({ signal }) => client.listViews({ signal }),
    staleTime: 5 * MINUTE,
  });
}

/** View groups change when someone edits them; the "viewGroups" push refreshes them. */
export function viewGroupsQuery(client: SiteClient) {
  return queryOptions({
    queryKey: queryKeys.viewGroups(),
    queryFn: ({ signal }) => client.listViewGroups({ signal }),
    staleTime: 5 * MINUTE,
  });
}

/**
 * The hardware's other devices the caller may see, of one kind or hardware. Configuration
 * changes rarely and is pushed ("devices"); an output's state changes on every switch, which
 * the switching client writes into the cache itself.
 */
export function devicesQuery(client: SiteClient, query: ListDevicesQueryBody = {}) {
  return queryOptions({
    queryKey: queryKeys.devices(query),
    queryFn: ({ signal }) => client.listDevices(query, { signal }),
    staleTime: MINUTE,
  });
}

/** A camera's presets change only when someone stores one on the device. */
export function ptzPresetsQuery(client: SiteClient, cameraId: string) {
  return queryOptions({
    queryKey: queryKeys.ptzPresets(cameraId),
    queryFn: ({ signal }) => client.listPtzPresets(cameraId, { signal }),
    staleTime: 5 * MINUTE,
  });
}

/**
 * Motion found in a past range never changes; a range reaching the present gains results as
 * the cameras record, so it goes stale like the live edge of the timeline (not polled: a search
 * is run when the operator asks).
 */
export function motionSearchQuery(client: SiteClient, search: MotionSearchBody, now: number) {
  const open = Date.parse(search.to) >= now - LIVE_EDGE_POLL_MS;
  return queryOptions({
    queryKey: queryKeys.motionSearch(search),
    queryFn: ({ signal }) => client.searchMotion(normalizeMotionSearch(search), { signal }),
    staleTime: open ? LIVE_EDGE_POLL_MS : Infinity,
  });
}

/** Storage use changes slowly; polled like camera status while someone looks at it. */
export function storagesQuery(client: SiteClient) {
  return queryOptions({
    queryKey: queryKeys.storages(),
    queryFn: ({ signal }) => client.listStorages({ signal }),
    staleTime: 5 * SECOND,
    refetchInterval: STATUS_POLL_MS,
  });
}

/** Whether the site answers; a failure is an answer here, so it is not retried. */
export function healthQuery(client: SiteClient) {
  return queryOptions({
    queryKey: queryKeys.health(),
    queryFn: ({ signal }) => client.getHealth({ signal }),
    refetchInterval: STATUS_POLL_MS,
    retry: false,
  });
}

export function eventsQuery(client: SiteClient, query: EventQuery = {}) {
  return queryOptions({
    queryKey: queryKeys.eventList(query),
    queryFn: ({ signal }) => client.listEvents(query, { signal }),
    staleTime: 5 * SECOND,
  });
}

/** Alarms a list page holds; the site allows up to 200. */
export const ALARM_PAGE_SIZE = 100;

/**
 * The alarms matching a filter, a page at a time (keyset cursors, so a refetch after a push
 * reads the same pages the operator has scrolled through). Alarm pushes invalidate it
 * (siteUpdates.ts); the interval is only for when the updates socket is down.
 */
export function alarmsQuery(client: SiteClient, filter: AlarmFilter) {
  const query = normalizeAlarmFilter(filter);
  return infiniteQueryOptions({
    queryKey: queryKeys.alarmList(filter),
    queryFn: ({ signal, pageParam }) => client.listAlarms({ ...query, limit: ALARM_PAGE_SIZE, ...(pageParam ? { cursor: pageParam } : {}) }, { signal }),
    initialPageParam: '',
    getNextPageParam: (page) => page.nextCursor,
    staleTime: 30 * SECOND,
    refetchInterval: MINUTE,
  });
}

/** How many alarms match (listAlarms with limit 0: no rows read); `{ state: ['new'] }` is the badge. */
export function alarmCountQuery(client: SiteClient, filter: AlarmFilter) {
  const query = normalizeAlarmFilter(filter);
  return queryOptions({
    queryKey: queryKeys.alarmCount(filter),
    queryFn: async ({ signal }) => (await client.listAlarms({ ...query, limit: 0 }, { signal })).total,
    staleTime: 30 * SECOND,
    refetchInterval: MINUTE,
  });
}

/** One alarm with comments and history; pushes invalidate it when anyone changes it. */
export function alarmQuery(client: SiteClient, alarmId: number) {
  return queryOptions({
    queryKey: queryKeys.alarm(alarmId),
    queryFn: ({ signal }) => client.getAlarm(alarmId, { signal }),
    staleTime: 30 * SECOND,
  });
}

/**
 * The user-defined events an operator may trigger. Operators get no configuration pushes (those
 * go to administrators), so it is stale at once: a menu showing it shows what it had and
 * refetches, and an event an administrator just added appears.
 */
export function userDefinedEventsQuery(client: SiteClient) {
  return queryOptions({
    queryKey: queryKeys.userDefinedEvents(),
    queryFn: ({ signal }) => client.listUserDefinedEvents({ signal }),
    staleTime: 0,
  });
}

/** Unknown (not yet loaded) counts as unfinished, so the first answer decides. */
function finished(job: ExportJobBody | undefined): boolean {
  return job !== undefined && !isExportJobActive(job);
}
