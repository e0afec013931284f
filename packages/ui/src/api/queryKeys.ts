import type { AlarmListQuery, BookmarkSearchQuery, ConfigurationResource, EventQuery, ListDevicesQueryBody, MotionSearchBody, TimeRange } from './apiTypes';

/*
 * Hierarchical keys for the site's server state (STYLE 12). Each level is a prefix of the ones
 * below it, so invalidating ['cameras', id] refreshes that camera's status and sequences too,
 * and a WebSocket push can target exactly what it changed. Filters go last, as one object,
 * because TanStack Query matches prefixes element by element and compares objects by value.
 */

export interface BookmarkFilter {
  text?: string;
  from?: string;
  to?: string;
  cameraIds?: readonly string[];
}

/** What an alarm list shows: listAlarms' filters and sort, without the page (cursor, limit). */
export type AlarmFilter = Omit<AlarmListQuery, 'cursor' | 'limit'>;

export const queryKeys = {
  currentUser: () => ['me'] as const,
  cameras: () => ['cameras'] as const,
  camera: (cameraId: string) => ['cameras', cameraId] as const,
  cameraStatus: (cameraId: string) => ['cameras', cameraId, 'status'] as const,
  sequencesOfCamera: (cameraId: string) => ['cameras', cameraId, 'sequences'] as const,
  sequences: (cameraId: string, range: TimeRange) => ['cameras', cameraId, 'sequences', { from: range.from, to: range.to }] as const,
  ptzPresets: (cameraId: string) => ['cameras', cameraId, 'ptzPresets'] as const,
  motionSearches: () => ['motionSearch'] as const,
  motionSearch: (search: MotionSearchBody) => ['motionSearch', normalizeMotionSearch(search)] as const,
  bookmarks: () => ['bookmarks'] as const,
  bookmarkSearch: (filter: BookmarkFilter) => ['bookmarks', normalizeBookmarkFilter(filter)] as const,
  evidenceLocks: () => ['evidenceLocks'] as const,
  evidenceLocksOfCamera: (cameraId: string | undefined) => ['evidenceLocks', { cameraId: cameraId ?? null }] as const,
  exports: () => ['exports'] as const,
  exportJob: (jobId: string) => ['exports', jobId] as const,
  storages: () => ['storages'] as const,
  /**
   * Configuration resources of the Management Client: ['config', resource, ...]. A
   * "configurationChanged" push invalidates each named resource's prefix.
   */
  configuration: (resource: ConfigurationResource) => ['config', resource] as const,
  health: () => ['health'] as const,
  views: () => ['views'] as const,
  /** Under the configuration prefix, so the "viewGroups" push refreshes it in both clients. */
  viewGroups: () => ['config', 'viewGroups', 'list'] as const,
  /**
   * Microphones, speakers, metadata, inputs and outputs (listDevices), by kind and hardware;
   * under the configuration prefix, so the "devices" push refreshes them in both clients.
   */
  devices: (query: ListDevicesQueryBody = {}) => ['config', 'devices', 'list', { kind: query.kind ?? null, hardwareId: query.hardwareId ?? null }] as const,
  events: () => ['events'] as const,
  /**
   * Alarms: ['alarms', 'list', filter] (pages), ['alarms', 'count', filter] (totals, badges),
   * ['alarms', id] (one with comments and history). An "alarm" push invalidates the lists and
   * counts and that alarm; a reconnect refetches everything under ['alarms'].
   */
  alarms: () => ['alarms'] as const,
  alarmLists: () => ['alarms', 'list'] as const,
  alarmList: (filter: AlarmFilter) => ['alarms', 'list', normalizeAlarmFilter(filter)] as const,
  alarmCounts: () => ['alarms', 'count'] as const,
  alarmCount: (filter: AlarmFilter) => ['alarms', 'count', normalizeAlarmFilter(filter)] as const,
  alarm: (alarmId: number) => ['alarms', alarmId] as const,
  /** Where the Management Client keeps the same list (listUserDefinedEvents), so pushes reach both. */
  userDefinedEvents: () => ['config', 'userDefinedEvents', 'list'] as const,
  eventList: (query: EventQuery) => ['events', { cameraId: query.cameraId ?? null, afterId: query.afterId ?? null, limit: query.limit ?? null }] as const,
};

/**
 * The same search in any camera order, with or without empty fields, is one cache entry;
 * `undefined` fields are dropped because they would not survive key hashing anyway.
 */
export function normalizeBookmarkFilter(filter: BookmarkFilter): BookmarkFilter {
  const text = filter.text?.trim();
  return {
    ...(text ? { text } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
    ...(filter.cameraIds && filter.cameraIds.length > 0 ? { cameraIds: [...new Set(filter.cameraIds)].sort() } : {}),
  };
}

/** One cache entry per search whatever the camera order; absent options stay absent (the site's defaults). */
export function normalizeMotionSearch(search: MotionSearchBody): MotionSearchBody {
  const { x, y, width, height } = search.region;
  return {
    cameraIds: [...new Set(search.cameraIds)].sort(), from: search.from, to: search.to, region: { x, y, width, height },
    ...(search.minCells === undefined ? {} : { minCells: search.minCells }),
    ...(search.limit === undefined ? {} : { limit: search.limit }),
  };
}

/** The API's querystring for a bookmark filter (its camera parameter is the repeatable `cameraId`). */
export function bookmarkSearchQuery(filter: BookmarkFilter): BookmarkSearchQuery {
  const f = normalizeBookmarkFilter(filter);
  return {
    ...(f.text ? { text: f.text } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
    ...(f.cameraIds ? { cameraId: [...f.cameraIds] } : {}),
  };
}

/**
 * One cache entry per alarm filter whatever the order of its states and priorities; empty
 * filters are dropped (the site's defaults), text is trimmed.
 */
export function normalizeAlarmFilter(filter: AlarmFilter): AlarmFilter {
  const text = filter.text?.trim();
  const category = filter.category?.trim();
  const states = filter.state && filter.state.length > 0 ? [...new Set(filter.state)].sort() : undefined;
  const priorities = filter.priority && filter.priority.length > 0 ? [...new Set(filter.priority)].sort((a, b) => a - b) : undefined;
  return {
    ...(states ? { state: states } : {}),
    ...(priorities ? { priority: priorities } : {}),
    ...(category ? { category } : {}),
    ...(filter.from ? { from: filter.from } : {}),
    ...(filter.to ? { to: filter.to } : {}),
    ...(filter.assigneeId ? { assigneeId: filter.assigneeId } : {}),
    ...(text ? { text } : {}),
    ...(filter.sort && filter.sort !== 'time' ? { sort: filter.sort } : {}),
  };
}
