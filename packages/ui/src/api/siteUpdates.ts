/**
 * The site's pushed changes (`/api/updates`, protocol in vms-core api/common/updateSchemas.ts)
 * applied to the TanStack Query cache, so every view of server data follows the site without
 * polling: statuses and views are written into the cache, the rest is invalidated and refetched.
 * One per signed-in site; it reconnects by itself with backoff and, after every (re)connect,
 * refetches what it may have missed while disconnected.
 */
import type { QueryClient } from '@tanstack/react-query';
import { backoff } from '../video/reconnectPolicy';
import { Emitter } from '../video/typedEvent';
import type { Disposable, Event as TypedEvent } from '../video/typedEvent';
import type { DeviceBody, ExportJobBody, SiteUpdate, ViewBody } from './apiTypes';
import { queryKeys } from './queryKeys';

/** Close codes of the updates socket (mirrors SITE_UPDATES_CLOSE in vms-core, which the UI may not import as a value). */
export const UPDATES_CLOSE_UNAUTHENTICATED = 4401;
/** Closed here: signed out, or the token getter had no token. */
export const UPDATES_CLOSE_SIGNED_OUT = 4000;

/** The part of a browser WebSocket this class uses; tests pass a fake. */
export interface UpdatesWebSocket {
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type SiteUpdatesState =
  | { kind: 'connecting'; attempt: number }
  | { kind: 'open' }
  /** Final unless `retryInMs` is set, after which it connects again by itself. */
  | { kind: 'closed'; code: number; reason: string; retryInMs?: number };

export interface SiteUpdatesOptions {
  /** `ws(s)://site/api/updates`, e.g. `client.resolveUrl('/api/updates', 'ws')`. */
  url: string;
  /**
   * The bearer token to sign in with (SiteClient.accessToken); `refresh` after the site refused
   * one. Null means signed out: the socket then stays closed.
   */
  accessToken: (o: { refresh: boolean }) => Promise<string | null> | string | null;
  queryClient: QueryClient;
  WebSocket?: new (url: string) => UpdatesWebSocket;
  /** Delay before reconnect attempt n (0-based); undefined gives up. Default: the players' backoff. */
  retryDelay?: (attempt: number) => number | undefined;
}

export class SiteUpdatesSocket implements Disposable {
  private readonly stateEmitter = new Emitter<SiteUpdatesState>();
  private readonly receiveEmitter = new Emitter<SiteUpdate>();
  /** connecting, open or closed, with the close's code and when it will try again. */
  readonly onDidChangeState: TypedEvent<SiteUpdatesState> = this.stateEmitter.event;
  /** Every message, after it was applied to the cache. */
  readonly onDidReceive: TypedEvent<SiteUpdate> = this.receiveEmitter.event;

  private current: SiteUpdatesState = { kind: 'connecting', attempt: 0 };
  private socket: UpdatesWebSocket | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private refreshNext = false;
  private disposed = false;
  private readonly WebSocketCtor: new (url: string) => UpdatesWebSocket;
  private readonly retryDelay: (attempt: number) => number | undefined;

  constructor(private readonly options: SiteUpdatesOptions) {
    this.WebSocketCtor = options.WebSocket ?? globalThis.WebSocket;
    this.retryDelay = options.retryDelay ?? backoff();
    void this.connect();
  }

  get state(): SiteUpdatesState {
    return this.current;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    clearTimeout(this.retryTimer);
    this.release()?.close(1000, 'disposed');
    this.setState({ kind: 'closed', code: 1000, reason: 'disposed' });
    this.stateEmitter.dispose();
    this.receiveEmitter.dispose();
  }

  private async connect(): Promise<void> {
    this.setState({ kind: 'connecting', attempt: this.failures });
    const refresh = this.refreshNext;
    this.refreshNext = false;
    let token: string | null;
    try {
      token = await this.options.accessToken({ refresh });
    } catch {
      // The site could not be reached for a refresh: like a failed connect, try again later.
      if (!this.disposed) this.closed(1006, 'could not get an access token');
      return;
    }
    if (this.disposed) return;
    if (token === null) {
      this.setState({ kind: 'closed', code: UPDATES_CLOSE_SIGNED_OUT, reason: 'signed out' });
      return;
    }
    const socket = new this.WebSocketCtor(this.options.url);
    this.socket = socket;
    socket.onopen = () => socket.send(JSON.stringify({ type: 'auth', accessToken: token }));
    socket.onmessage = (e) => this.onMessage(e.data);
    socket.onclose = (e) => {
      if (this.socket === socket) this.closed(e.code, e.reason);
    };
    // An error is always followed by a close, which decides what happens next.
    socket.onerror = () => undefined;
  }

  private onMessage(data: unknown): void {
    let update: SiteUpdate;
    try {
      update = JSON.parse(String(data)) as SiteUpdate;
    } catch {
      return;
    }
    if (typeof update !== 'object' || update === null || typeof update.type !== 'string') return;
    if (update.type === 'hello') {
      this.failures = 0;
      this.resync();
      this.setState({ kind: 'open' });
    } else {
      applySiteUpdate(this.options.queryClient, update);
    }
    this.receiveEmitter.fire(update);
  }

  private closed(code: number, reason: string): void {
    this.release();
    // Refused: the token may have expired meanwhile, or the session ended. The next attempt
    // refreshes first; if the session has ended that yields no token and the socket stays closed.
    if (code === UPDATES_CLOSE_UNAUTHENTICATED) this.refreshNext = true;
    const retryInMs = this.retryDelay(this.failures);
    this.failures++;
    this.setState({ kind: 'closed', code, reason, ...(retryInMs === undefined ? {} : { retryInMs }) });
    if (retryInMs !== undefined) this.retryTimer = setTimeout(() => void this.connect(), retryInMs);
  }

  /** Detaches the current socket's handlers so a late event cannot act on a replaced socket. */
  private release(): UpdatesWebSocket | undefined {
    const socket = this.socket;
    this.socket = undefined;
    if (socket) socket.onopen = socket.onmessage = socket.onclose = socket.onerror = null;
    return socket;
  }

  /**
   * What was in the cache before this connection was subscribed may have missed changes:
   * refetch it. Data fetched after the hello is already current and is left alone.
   */
  private resync(): void {
    const subscribedAt = Date.now();
    const prefixes: readonly (readonly string[])[] = [
      queryKeys.cameras(), queryKeys.views(), queryKeys.viewGroups(), queryKeys.currentUser(), queryKeys.bookmarks(), queryKeys.evidenceLocks(),
      queryKeys.exports(), queryKeys.alarms(), queryKeys.configuration('devices'),
    ];
    void this.options.queryClient.invalidateQueries({
      predicate: (q) => prefixes.some((p) => p.every((k, i) => q.queryKey[i] === k)) && q.state.dataUpdatedAt < subscribedAt,
    });
  }

  private setState(state: SiteUpdatesState): void {
    this.current = state;
    this.stateEmitter.fire(state);
  }
}

/** One message into the cache: written where the message carries the data, invalidated where it does not. */
export function applySiteUpdate(qc: QueryClient, update: SiteUpdate): void {
  switch (update.type) {
    case 'hello':
      return;
    case 'cameraStatus':
      qc.setQueryData(queryKeys.cameraStatus(update.status.cameraId), update.status);
      return;
    case 'camerasChanged':
      void qc.invalidateQueries({ queryKey: queryKeys.cameras(), exact: true });
      return;
    case 'view':
      qc.setQueryData<ViewBody[]>(queryKeys.views(), (views) => {
        if (!views) return views;
        const others = views.filter((v) => v.id !== (update.action === 'deleted' ? update.viewId : update.view.id));
        return update.action === 'deleted' ? others : sortViews([...others, update.view]);
      });
      return;
    case 'bookmark':
      void qc.invalidateQueries({ queryKey: queryKeys.bookmarks() });
      return;
    case 'evidenceLock':
      void qc.invalidateQueries({ queryKey: queryKeys.evidenceLocks() });
      return;
    case 'configurationChanged':
      for (const resource of update.resources) {
        void qc.invalidateQueries({ queryKey: queryKeys.configuration(resource) });
        // The same resources as the Smart Client reads them.
        if (resource === 'cameras') void qc.invalidateQueries({ queryKey: queryKeys.cameras(), exact: true });
        if (resource === 'storages') void qc.invalidateQueries({ queryKey: queryKeys.storages() });
        if (resource === 'roles' || resource === 'users' || resource === 'clientProfiles') void qc.invalidateQueries({ queryKey: queryKeys.currentUser() });
        // A group's roles decide which views one sees.
        if (resource === 'viewGroups') void qc.invalidateQueries({ queryKey: queryKeys.views() });
      }
      return;
    case 'alarm':
      // Lists, counts (badges) and the alarm itself; a new one may land on any list page.
      void qc.invalidateQueries({ queryKey: queryKeys.alarmLists() });
      void qc.invalidateQueries({ queryKey: queryKeys.alarmCounts() });
      void qc.invalidateQueries({ queryKey: queryKeys.alarm(update.alarmId), exact: true });
      return;
    case 'outputState':
      // Every cached device list (by hardware, by kind) shows the new state at once.
      qc.setQueriesData<DeviceBody[]>({ queryKey: [...queryKeys.configuration('devices'), 'list'] }, (list) =>
        list?.map((d) => (d.id === update.deviceId ? { ...d, state: update.state } : d)));
      return;
    case 'exportJob': {
      const { jobId, state, progress } = update;
      // Progress is written in place; a finished job is refetched for its files and download links
      // ("done" waits for them: a cached done job without files reads as "nothing was recorded").
      const patch = (j: ExportJobBody) => (j.id === jobId ? { ...j, progress, state: state === 'done' ? j.state : state } : j);
      qc.setQueryData<ExportJobBody>(queryKeys.exportJob(jobId), (j) => j && patch(j));
      qc.setQueryData<ExportJobBody[]>(queryKeys.exports(), (list) => list?.map(patch));
      if (state !== 'queued' && state !== 'running') void qc.invalidateQueries({ queryKey: queryKeys.exports() });
      else if (!qc.getQueryData<ExportJobBody[]>(queryKeys.exports())?.some((j) => j.id === jobId)) {
        void qc.invalidateQueries({ queryKey: queryKeys.exports(), exact: true });
      }
      return;
    }
  }
}

/** About the site's order (by name, ignoring case), so a pushed view lands where a refetch would put it. */
function sortViews(views: ViewBody[]): ViewBody[] {
  return views.sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'accent' }) || a.id.localeCompare(b.id));
}
