import type {
  BookmarkBody, BookmarkSearchQuery, CameraBody, CameraStatusBody, CreateBookmarkBody, CreateEvidenceLockBody,
  CreateExportBody, CreateViewBody, EventQuery, EvidenceLockBody, ExportJobBody, LiveStreamBody, LiveStreamQuery,
  CurrentUserBody, LoginResponseBody, ManualRecordingBody, MotionSearchBody, MotionSearchResultBody, PlaybackBody, PtzMoveBody, PtzPresetBody,
  SequencesBody, SessionUser, StorageBody, SystemEventBody, ThumbnailResult, TimeRange, UpdateViewBody, ViewBody,
  CreateViewGroupBody, UpdateViewGroupBody, ViewGroupBody,
  DeviceBody, ListDevicesQueryBody, SetOutputStateBody, SetOutputStateResult, UpdateDeviceBody,
} from './apiTypes';
import type {
  AlarmBody, AlarmDetailsBody, AlarmListBody, AlarmListQuery, BulkAlarmAction, TriggeredEventBody, UpdateAlarmBody, UserDefinedEventBody,
} from './apiTypes';

/** An error answer of the site, or a request that never got one (status 0). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** The request field the site named as wrong (validation errors), for forms to mark it. */
  readonly field: string | undefined;
  constructor(readonly status: number, readonly code: string, message: string, field?: string) {
    super(message);
    this.field = field;
  }
}

/** Client-side codes for failures the site never answered; the others come from the site's registry. */
export const NETWORK_ERROR_CODE = 'VMS_ERR_NETWORK';
export const BAD_RESPONSE_CODE = 'VMS_ERR_BAD_RESPONSE';

export interface SiteClientOptions {
  /** The site's origin, e.g. `https://site.example:8443`. */
  baseUrl: string;
  /** Injected so tests (and an Electron main-process bridge) can answer without a network. */
  fetch?: typeof fetch;
}

export interface SiteSession {
  user: SessionUser;
  expiresAt: string;
  refreshExpiresAt: string;
}

export interface RequestOptions {
  /** TanStack Query passes one so that leaving a view cancels its requests. */
  signal?: AbortSignal;
}

export type Query = Record<string, string | number | boolean | readonly string[] | undefined>;
/** One API request: `request()` sends it with the session's token (refresh and retry on 401). */
export interface Call {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Query;
  body?: unknown;
  signal?: AbortSignal | undefined;
}

/**
 * Typed HTTP access to one site's API. Tokens live only in memory: a restarted client signs in
 * again, and nothing on disk can leak a session. A 401 triggers one refresh and one retry.
 */
export class SiteClient {
  readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private tokens: { token: string; refreshToken: string } | null = null;
  private currentSession: SiteSession | null = null;
  // Refresh tokens are single-use and presenting one twice revokes the whole session, so
  // concurrent 401s must share one refresh rather than each spending the token.
  private refreshing: Promise<boolean> | null = null;
  private readonly sessionListeners = new Set<(session: SiteSession | null) => void>();

  constructor(options: SiteClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    // Bound: a detached window.fetch throws "Illegal invocation" in browsers.
    this.fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  }

  get session(): SiteSession | null {
    return this.currentSession;
  }

  /** Fires on sign-in, refresh and sign-out (null), so the UI can show the sign-in form again. */
  onDidChangeSession(listener: (session: SiteSession | null) => void): () => void {
    this.sessionListeners.add(listener);
    return () => this.sessionListeners.delete(listener);
  }

  /** Turns a site-relative URL from the API (media, downloads) into an absolute one; `ws` for WebSocket URLs. */
  resolveUrl(path: string, scheme: 'http' | 'ws' = 'http'): string {
    const url = new URL(path, `${this.baseUrl}/`);
    if (scheme === 'ws') url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    return url.toString();
  }

  async login(username: string, password: string): Promise<SiteSession> {
    const body = await this.send<LoginResponseBody>('/api/login', { method: 'POST', body: { username, password } }, null);
    this.setTokens(body);
    return this.currentSession!;
  }

  /** Ends the session on the site; the local tokens are dropped even if the site cannot be reached. */
  async logout(): Promise<void> {
    const tokens = this.tokens;
    this.setTokens(null);
    if (!tokens) return;
    try {
      await this.send<null>('/api/logout', { method: 'POST' }, tokens.token);
    } catch (e) {
      // 401: the site had already ended the session, which is what was asked.
      if (!(e instanceof ApiError && e.status === 401)) throw e;
    }
  }

  /**
   * The access token for sockets that sign in with a message (the site updates socket), or null
   * when signed out. An expired token is refreshed first; `refresh` forces that, for after the
   * socket was refused (when the session itself has ended, the refresh fails and this is null).
   */
  async accessToken(o: { refresh?: boolean } = {}): Promise<string | null> {
    const expiresAt = this.currentSession ? Date.parse(this.currentSession.expiresAt) : NaN;
    if (this.tokens && (o.refresh || expiresAt <= Date.now())) await this.refreshOnce(this.tokens.token);
    return this.tokens?.token ?? null;
  }

  /** Drops the tokens and listeners; the client holds nothing else. */
  dispose(): void {
    this.setTokens(null);
    this.sessionListeners.clear();
  }

  listCameras(o: RequestOptions = {}): Promise<CameraBody[]> {
    return this.call('/api/cameras', o);
  }

  /** listCameraStatuses: the named cameras' statuses (those visible to the caller), or all visible. */
  listCameraStatuses(cameraIds?: readonly string[], o: RequestOptions = {}): Promise<CameraStatusBody[]> {
    return this.call('/api/camera-status', { ...o, query: { ids: cameraIds?.join(',') } });
  }

  getCameraStatus(cameraId: string, o: RequestOptions = {}): Promise<CameraStatusBody> {
    return this.call(`/api/cameras/${enc(cameraId)}/status`, o);
  }

  listSequences(cameraId: string, range: TimeRange, o: RequestOptions = {}): Promise<SequencesBody> {
    return this.call(`/api/cameras/${enc(cameraId)}/sequences`, { ...o, query: { ...range } });
  }

  getLiveStream(cameraId: string, query: LiveStreamQuery = {}, o: RequestOptions = {}): Promise<LiveStreamBody> {
    return this.call(`/api/cameras/${enc(cameraId)}/live`, { ...o, query: { ...query } });
  }

  getPlayback(cameraId: string, range: TimeRange, o: RequestOptions = {}): Promise<PlaybackBody> {
    return this.call(`/api/cameras/${enc(cameraId)}/playback`, { ...o, query: { ...range } });
  }

  async getThumbnail(cameraId: string, at: string, width?: number, o: RequestOptions = {}): Promise<ThumbnailResult> {
    const response = await this.authorized(`/api/cameras/${enc(cameraId)}/thumbnail`, { ...o, query: { at, width } });
    return { jpeg: await response.blob(), shownAt: response.headers.get('x-shown-at') };
  }

  /** getSnapshot: the camera's picture now, as a JPEG (its live stream unless `stream` names another). */
  async getSnapshot(cameraId: string, query: { stream?: string; width?: number } = {}, o: RequestOptions = {}): Promise<Blob> {
    const response = await this.authorized(`/api/cameras/${enc(cameraId)}/snapshot`, { ...o, query: { ...query } });
    return response.blob();
  }

  searchBookmarks(query: BookmarkSearchQuery = {}, o: RequestOptions = {}): Promise<BookmarkBody[]> {
    return this.call('/api/bookmarks', { ...o, query: { ...query } });
  }

  createBookmark(body: CreateBookmarkBody, o: RequestOptions = {}): Promise<BookmarkBody> {
    return this.call('/api/bookmarks', { ...o, method: 'POST', body });
  }

  listEvidenceLocks(cameraId?: string, o: RequestOptions = {}): Promise<EvidenceLockBody[]> {
    return this.call('/api/evidence-locks', { ...o, query: { cameraId } });
  }

  createEvidenceLock(body: CreateEvidenceLockBody, o: RequestOptions = {}): Promise<EvidenceLockBody> {
    return this.call('/api/evidence-locks', { ...o, method: 'POST', body });
  }

  /** A later end, or null to hold indefinitely (extendEvidenceLock; never shortens). */
  extendEvidenceLock(lockId: string, until: string | null, o: RequestOptions = {}): Promise<EvidenceLockBody> {
    return this.call(`/api/evidence-locks/${enc(lockId)}`, { ...o, method: 'PATCH', body: { until } });
  }

  async deleteEvidenceLock(lockId: string, o: RequestOptions = {}): Promise<void> {
    await this.call<null>(`/api/evidence-locks/${enc(lockId)}`, { ...o, method: 'DELETE' });
  }

  /** Storages with retention limits and use (any signed-in user may read them). */
  listStorages(o: RequestOptions = {}): Promise<StorageBody[]> {
    return this.call('/api/storages', o);
  }

  /** Whether the site answers at all; needs no sign-in. */
  getHealth(o: RequestOptions = {}): Promise<{ ok: boolean }> {
    return this.send('/api/health', { ...o }, null);
  }

  createExport(body: CreateExportBody, o: RequestOptions = {}): Promise<ExportJobBody> {
    return this.call('/api/exports', { ...o, method: 'POST', body });
  }

  listExports(o: RequestOptions = {}): Promise<ExportJobBody[]> {
    return this.call('/api/exports', o);
  }

  getExportJob(jobId: string, o: RequestOptions = {}): Promise<ExportJobBody> {
    return this.call(`/api/exports/${enc(jobId)}`, o);
  }

  cancelExport(jobId: string, o: RequestOptions = {}): Promise<ExportJobBody> {
    return this.call(`/api/exports/${enc(jobId)}`, { ...o, method: 'DELETE' });
  }

  /** startManualRecording: records the camera until stopped or its manual maximum passes. */
  startManualRecording(cameraId: string, o: RequestOptions = {}): Promise<ManualRecordingBody> {
    return this.call(`/api/cameras/${enc(cameraId)}/manual-recording`, { ...o, method: 'POST' });
  }

  /** stopManualRecording */
  stopManualRecording(cameraId: string, o: RequestOptions = {}): Promise<ManualRecordingBody> {
    return this.call(`/api/cameras/${enc(cameraId)}/manual-recording`, { ...o, method: 'DELETE' });
  }

  /** Starts a continuous move; send it again while the control is held, or with `timeoutMs`, and ptzStop on release. */
  async ptzMove(cameraId: string, body: PtzMoveBody, o: RequestOptions = {}): Promise<void> {
    await this.call<null>(`/api/cameras/${enc(cameraId)}/ptz/move`, { ...o, method: 'POST', body });
  }

  async ptzStop(cameraId: string, o: RequestOptions = {}): Promise<void> {
    await this.call<null>(`/api/cameras/${enc(cameraId)}/ptz/stop`, { ...o, method: 'POST' });
  }

  listPtzPresets(cameraId: string, o: RequestOptions = {}): Promise<PtzPresetBody[]> {
    return this.call(`/api/cameras/${enc(cameraId)}/ptz/presets`, o);
  }

  async gotoPtzPreset(cameraId: string, presetToken: string, o: RequestOptions = {}): Promise<void> {
    await this.call<null>(`/api/cameras/${enc(cameraId)}/ptz/presets/${enc(presetToken)}/goto`, { ...o, method: 'POST' });
  }

  /** Smart search: spans where motion touched `region` (fractions of the picture). */
  searchMotion(body: MotionSearchBody, o: RequestOptions = {}): Promise<MotionSearchResultBody> {
    return this.call('/api/search/motion', { ...o, method: 'POST', body });
  }

  listEvents(query: EventQuery = {}, o: RequestOptions = {}): Promise<SystemEventBody[]> {
    return this.call('/api/events', { ...o, query: { ...query } });
  }

  /** The views of every view group the caller sees. */
  listViews(o: RequestOptions = {}): Promise<ViewBody[]> {
    return this.call('/api/views', o);
  }

  createView(body: CreateViewBody, o: RequestOptions = {}): Promise<ViewBody> {
    return this.call('/api/views', { ...o, method: 'POST', body });
  }

  /** Replaces a view; `body.revision` is the one read: a 409 VMS_ERR_STALE_REVISION ApiError when it changed since. */
  updateView(viewId: string, body: UpdateViewBody, o: RequestOptions = {}): Promise<ViewBody> {
    return this.call(`/api/views/${enc(viewId)}`, { ...o, method: 'PUT', body });
  }

  async deleteView(viewId: string, o: RequestOptions = {}): Promise<void> {
    await this.call<null>(`/api/views/${enc(viewId)}`, { ...o, method: 'DELETE' });
  }

  /** listViewGroups: the caller's private groups, then the shared groups shown to them, each in its order. */
  listViewGroups(o: RequestOptions = {}): Promise<ViewGroupBody[]> {
    return this.call('/api/view-groups', o);
  }

  createViewGroup(body: CreateViewGroupBody, o: RequestOptions = {}): Promise<ViewGroupBody> {
    return this.call('/api/view-groups', { ...o, method: 'POST', body });
  }

  /** updateViewGroup: name, place in its list, (shared groups) the roles it is shown to. */
  updateViewGroup(viewGroupId: string, body: UpdateViewGroupBody, o: RequestOptions = {}): Promise<ViewGroupBody> {
    return this.call(`/api/view-groups/${enc(viewGroupId)}`, { ...o, method: 'PATCH', body });
  }

  /** deleteViewGroup: a 409 ApiError when it holds views or is a default group. */
  async deleteViewGroup(viewGroupId: string, o: RequestOptions = {}): Promise<void> {
    await this.call<null>(`/api/view-groups/${enc(viewGroupId)}`, { ...o, method: 'DELETE' });
  }

  /** listDevices: the microphones, speakers, metadata, inputs and outputs the caller may see, optionally of one kind or hardware. */
  listDevices(query: ListDevicesQueryBody = {}, o: RequestOptions = {}): Promise<DeviceBody[]> {
    return this.call('/api/devices', { ...o, query: { ...query } });
  }

  getDevice(deviceId: string, o: RequestOptions = {}): Promise<DeviceBody> {
    return this.call(`/api/devices/${enc(deviceId)}`, o);
  }

  /** updateDevice (manage configuration): name, enabled, group, settings; a 400 ApiError names the field. */
  updateDevice(deviceId: string, body: UpdateDeviceBody, o: RequestOptions = {}): Promise<DeviceBody> {
    return this.call(`/api/devices/${enc(deviceId)}`, { ...o, method: 'PATCH', body });
  }

  /** setOutputState: switches an output on or off (with `pulseSeconds`, back again after that); 503 when the device cannot be reached. */
  setOutputState(deviceId: string, body: SetOutputStateBody, o: RequestOptions = {}): Promise<SetOutputStateResult> {
    return this.call(`/api/devices/${enc(deviceId)}/state`, { ...o, method: 'POST', body });
  }

  /**
   * Any API operation by path, for clients with typed operations of their own (the Management
   * Client's configuration pages): same token handling and ApiError as the methods above.
   */
  request<T>(path: string, call: Call = {}): Promise<T> {
    return this.call<T>(path, call);
  }

  /** getCurrentUser: the caller, their admin flags and their rights per camera now. */
  getCurrentUser(o: RequestOptions = {}): Promise<CurrentUserBody> {
    return this.call('/api/me', o);
  }

  /** listAlarms: the alarms shown to the caller with the filter's total; `limit: 0` answers only the total (a badge). */
  listAlarms(query: AlarmListQuery = {}, o: RequestOptions = {}): Promise<AlarmListBody> {
    const { priority, ...rest } = query;
    return this.call('/api/alarms', { ...o, query: { ...rest, priority: priority?.map(String) } });
  }

  /** getAlarm: one alarm with its comments and history. */
  getAlarm(alarmId: number, o: RequestOptions = {}): Promise<AlarmDetailsBody> {
    return this.call(`/api/alarms/${alarmId}`, o);
  }

  /** updateAlarm: state, assignee (null unassigns) and/or a comment in one step; answers the alarm with its history. */
  updateAlarm(alarmId: number, body: UpdateAlarmBody, o: RequestOptions = {}): Promise<AlarmDetailsBody> {
    return this.call(`/api/alarms/${alarmId}`, { ...o, method: 'PATCH', body });
  }

  /** bulkUpdateAlarms: all of them or, when one cannot change (400 naming alarmIds[i]), none. */
  async bulkUpdateAlarms(alarmIds: readonly number[], action: BulkAlarmAction, o: RequestOptions = {}): Promise<AlarmBody[]> {
    return (await this.call<{ alarms: AlarmBody[] }>('/api/alarms/bulk', { ...o, method: 'POST', body: { alarmIds, action } })).alarms;
  }

  /** listUserDefinedEvents: what an operator may trigger. */
  listUserDefinedEvents(o: RequestOptions = {}): Promise<UserDefinedEventBody[]> {
    return this.call('/api/user-defined-events', o);
  }

  /** triggerUserDefinedEvent: raises it now; rules and alarm definitions on it act at once. */
  triggerUserDefinedEvent(userDefinedEventId: string, o: RequestOptions = {}): Promise<TriggeredEventBody> {
    return this.call(`/api/user-defined-events/${enc(userDefinedEventId)}/trigger`, { ...o, method: 'POST' });
  }

  private async call<T>(path: string, call: Call): Promise<T> {
    return parseBody<T>(await this.authorized(path, call));
  }

  /** Sends with the bearer token; on 401 refreshes once and retries once. */
  private async authorized(path: string, call: Call): Promise<Response> {
    if (!this.tokens) throw new ApiError(401, 'VMS_ERR_UNAUTHENTICATED', 'not signed in');
    const first = await this.fetchRaw(path, call, this.tokens.token);
    if (first.status !== 401) return ensureOk(first);
    const usedToken = this.tokens?.token;
    if (!(await this.refreshOnce(usedToken))) return ensureOk(first);
    return ensureOk(await this.fetchRaw(path, call, this.tokens!.token));
  }

  private refreshOnce(rejectedToken: string | undefined): Promise<boolean> {
    // Another request may already have refreshed while this one was in flight.
    if (this.tokens && this.tokens.token !== rejectedToken) return Promise.resolve(true);
    if (!this.refreshing) {
      const refreshToken = this.tokens?.refreshToken;
      this.refreshing = (refreshToken ? this.refresh(refreshToken) : Promise.resolve(false))
        .finally(() => { this.refreshing = null; });
    }
    return this.refreshing;
  }

  private async refresh(refreshToken: string): Promise<boolean> {
    try {
      const body = await this.send<LoginResponseBody>('/api/token/refresh', { method: 'POST', body: { refreshToken } }, null);
      this.setTokens(body);
      return true;
    } catch (e) {
      // A refused refresh ends the session; a network failure keeps it for the next try.
      if (e instanceof ApiError && e.status === 401) this.setTokens(null);
      return false;
    }
  }

  private async send<T>(path: string, call: Call, token: string | null): Promise<T> {
    return parseBody<T>(ensureOk(await this.fetchRaw(path, call, token)));
  }

  private async fetchRaw(path: string, call: Call, token: string | null): Promise<Response> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (call.body !== undefined) headers['content-type'] = 'application/json';
    try {
      return await this.fetchImpl(this.baseUrl + path + queryString(call.query), {
        method: call.method ?? 'GET', headers,
        ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
        ...(call.signal ? { signal: call.signal } : {}),
      });
    } catch (e) {
      // An abort is the caller's own doing; TanStack Query recognises it by its name.
      if (e instanceof Error && e.name === 'AbortError') throw e;
      throw new ApiError(0, NETWORK_ERROR_CODE, `cannot reach ${this.baseUrl}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private setTokens(body: LoginResponseBody | null): void {
    this.tokens = body && { token: body.token, refreshToken: body.refreshToken };
    this.currentSession = body && { user: body.user, expiresAt: body.expiresAt, refreshExpiresAt: body.refreshExpiresAt };
    for (const listener of [...this.sessionListeners]) listener(this.currentSession);
  }
}

const enc = encodeURIComponent;

/** Arrays repeat the key (`cameraId=a&cameraId=b`), as the site's querystring parser expects. */
export function queryString(query: Query | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    if (typeof value === 'object') for (const v of value) params.append(key, v);
    else params.append(key, String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

async function ensureOk(response: Response): Promise<Response> {
  if (response.ok) return response;
  const text = await response.text().catch(() => '');
  let parsed: unknown;
  try { parsed = JSON.parse(text); } catch { parsed = undefined; }
  const body = (parsed ?? {}) as { code?: unknown; message?: unknown; field?: unknown };
  throw new ApiError(
    response.status,
    typeof body.code === 'string' ? body.code : `HTTP_${response.status}`,
    typeof body.message === 'string' ? body.message : text || response.statusText,
    typeof body.field === 'string' ? body.field : undefined,
  );
}

async function parseBody<T>(response: Response | Promise<Response>): Promise<T> {
  const r = await response;
  if (r.status === 204) return null as T;
  try {
    return (await r.json()) as T;
  } catch (e) {
    throw new ApiError(r.status, BAD_RESPONSE_CODE, `the site sent a body that is not JSON: ${(e as Error).message}`);
  }
}
