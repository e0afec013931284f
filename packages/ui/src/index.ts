// Shared React components and client-side plumbing of the Nightjar clients. Takes only types
// from @nightjar/vms-core and reaches the site through its HTTP/WebSocket API.

// Site API: typed HTTP client and TanStack Query options (server state).
export type * from './api/apiTypes';
export { isExportJobActive } from './api/apiTypes';
export type { Call, Query, RequestOptions, SiteClientOptions, SiteSession } from './api/siteClient';
export { ApiError, BAD_RESPONSE_CODE, NETWORK_ERROR_CODE, SiteClient } from './api/siteClient';
export type { BookmarkFilter } from './api/queryKeys';
export { bookmarkSearchQuery, normalizeBookmarkFilter, normalizeMotionSearch, queryKeys } from './api/queryKeys';
export {
  EXPORT_POLL_MS, LIVE_EDGE_POLL_MS, STATUS_POLL_MS, bookmarksQuery, cameraStatusQuery, camerasQuery, eventsQuery,
  evidenceLocksQuery, exportJobQuery, exportsQuery, sequencesQuery, viewsQuery, viewGroupsQuery,
} from './api/queries';
export { motionSearchQuery, ptzPresetsQuery } from './api/queries';
export { devicesQuery } from './api/queries';
export { currentUserQuery, healthQuery, storagesQuery } from './api/queries';
// Alarms (the Alarm Manager) and the user-defined events operators trigger.
export type { AlarmFilter } from './api/queryKeys';
export { normalizeAlarmFilter } from './api/queryKeys';
export { ALARM_PAGE_SIZE, alarmCountQuery, alarmQuery, alarmsQuery, userDefinedEventsQuery } from './api/queries';
// Pushed changes from the site's updates socket, applied to the query cache.
export type { SiteUpdatesOptions, SiteUpdatesState, UpdatesWebSocket } from './api/siteUpdates';
export { SiteUpdatesSocket, UPDATES_CLOSE_SIGNED_OUT, UPDATES_CLOSE_UNAUTHENTICATED, applySiteUpdate } from './api/siteUpdates';

// Client-only state: one zustand store per window, built from slices.
export type { ClientState, ClientStore, ClientStoreOptions } from './state/clientStore';
export { createClientStore } from './state/clientStore';
export type { Layout, LayoutChoice, LayoutId, TileRect } from './state/layouts';
export { LAYOUTS, LAYOUT_IDS, MAX_CUSTOM_GRID, gridLayout, isLayoutId, isValidLayout } from './state/layouts';
export type { AppliedView, ViewSlice } from './state/viewSlice';
export type { PlaybackSlice, PlaybackSpeed } from './state/playbackSlice';
export { PLAYBACK_SPEEDS } from './state/playbackSlice';
export type { SelectionSlice, TimeSelection } from './state/selectionSlice';

// Timeline: pure math, drawing, gestures and the canvas component.
export type { Tick, TimeSpan, TimeWindow, Viewport } from './timeline/timelineMath';
export {
  MAX_SPAN_MS, MIN_SPAN_MS, TICK_STEPS_MS, centreOn, clampWindow, hitSpan, msPerPx, pan, pxToTime, rangeFromPx,
  snapToEdges, tickLabel, tickStep, ticks, timeToPx, zoomAt,
} from './timeline/timelineMath';
export type { TimeZone } from './timeline/timeZone';
export { intlTimeZone, utcTimeZone, wallToUtc } from './timeline/timeZone';
export type { TimelineLock, TimelineMarker, TimelineRow, TimelineScene } from './timeline/timelineDraw';
export { AXIS_HEIGHT_PX, TIMELINE_COLORS, rowBand } from './timeline/timelineDraw';
export { spansOf, timelineLocks, timelineMarkers, timelineRow } from './timeline/timelineModel';
export type { TimelineProps } from './timeline/Timeline';
export { Timeline } from './timeline/Timeline';

// Video: players (MSE, jsmpeg, hls.js) and the tile that picks between them.
export { VideoTile } from './video/VideoTile';
export type { VideoTileProps } from './video/VideoTile';
export { MseLivePlayer, CLOSE_PLAYER_ERROR } from './video/mseLivePlayer';
export { JsmpegLivePlayer } from './video/jsmpegLivePlayer';
export type { JsmpegLivePlayerOptions } from './video/jsmpegLivePlayer';
export { HlsPlayer, CLOSE_HLS_FATAL } from './video/hlsPlayer';
export type { Player, PlayerOptions } from './video/playerBase';
export type { PlayerState } from './video/playerState';
export { isFinalClose, CLOSE_UNAUTHENTICATED, CLOSE_FORBIDDEN, CLOSE_NOT_FOUND, CLOSE_CONFLICT } from './video/playerState';
export { backoff } from './video/reconnectPolicy';
export type { LiveStream } from './video/streamUrls';
// Recorded playback: one socket for the cameras of a view, one MSE track per tile.
export { PlaybackPlayer, REVERSE_TICK_MS } from './video/playbackPlayer';
export type { PlaybackPlayerOptions, PlaybackSessionState, PlaybackSlot } from './video/playbackPlayer';
export type { CameraPlayback } from './video/playbackModel';
// The tile's parts, for tiles that play something else (playback) with the same look.
export { TileOverlay } from './video/TileOverlay';
export type { TileOverlayProps } from './video/TileOverlay';
export { TileStatusView } from './video/TileStatusView';
export type { TileStatus } from './video/tileStatus';
export { tileStatus } from './video/tileStatus';
export { TILE_CSS, TILE_STYLE_ID } from './video/tileStyles';
export { useZoom } from './video/useZoom';
export { isZoomed, zoomTransform } from './video/zoom';

// Session: signing in to a site, the session a window owns, and the connection to it.
export type { SessionOptions, SignInRequest } from './session/signedInSession';
export { SignedInSession, isNetworkError, shouldRetry } from './session/signedInSession';
export type { ConnectionMonitorOptions, ConnectionState, MonitorClock } from './session/connectionMonitor';
export { ConnectionMonitor } from './session/connectionMonitor';
export type { RecentServer } from './session/recentServers';
export { RecentServers, normalizeAddress } from './session/recentServers';
export type { SessionEnd, SignInProblem } from './session/signInErrors';
export { formatWait, sessionEndMessage, signInProblem } from './session/signInErrors';
export type { SignInPageProps } from './session/SignInPage';
export { SignInPage } from './session/SignInPage';
export type { ConnectionBannerProps } from './session/ConnectionBanner';
export { ConnectionBanner, useConnection } from './session/ConnectionBanner';

// Shell pieces both clients use: icons, notices, error boundaries, a ticking clock.
export type { IconName, IconProps } from './shell/Icon';
export { Icon } from './shell/Icon';
export type { Notice, NoticeKind } from './shell/notices';
export { MAX_NOTICES, NoticeList } from './shell/notices';
export { NoticeStack } from './shell/NoticeStack';
export type { ErrorBoundaryProps } from './shell/ErrorBoundary';
export { ErrorBoundary } from './shell/ErrorBoundary';
export { useNow } from './shell/useNow';
export type { DialogProps } from './shell/Dialog';
export { Dialog, ErrorNote } from './shell/Dialog';
export type { SessionGateProps } from './session/SessionGate';
export { SessionGate } from './session/SessionGate';
