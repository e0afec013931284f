import { QueryClient } from '@tanstack/react-query';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CameraStatusBody, DeviceBody, ExportJobBody, SiteUpdate, ViewBody } from './apiTypes';
import { queryKeys } from './queryKeys';
import { SiteUpdatesSocket, UPDATES_CLOSE_SIGNED_OUT } from './siteUpdates';
import type { SiteUpdatesState, UpdatesWebSocket } from './siteUpdates';

/** A WebSocket the test drives from the site's side. */
class FakeSocket implements UpdatesWebSocket {
  static all: FakeSocket[] = [];
  onopen: UpdatesWebSocket['onopen'] = null;
  onmessage: UpdatesWebSocket['onmessage'] = null;
  onclose: UpdatesWebSocket['onclose'] = null;
  onerror: UpdatesWebSocket['onerror'] = null;
  readonly sent: unknown[] = [];
  closedByClient: { code: number | undefined; reason: string | undefined } | undefined;

  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string): void {
    this.sent.push(JSON.parse(data));
  }
  close(code?: number, reason?: string): void {
    this.closedByClient = { code, reason };
  }
  open(): void {
    this.onopen?.(new Event('open'));
  }
  receive(update: SiteUpdate | string): void {
    this.onmessage?.(new MessageEvent('message', { data: typeof update === 'string' ? update : JSON.stringify(update) }));
  }
  serverClose(code: number, reason = ''): void {
    this.onclose?.({ code, reason } as CloseEvent);
  }
}

/** Lets the token getter's promise settle; the socket is created right after it (no timers involved). */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

const hello: SiteUpdate = { type: 'hello', serverTime: '2026-01-01T00:00:00.000Z' };
const view = (id: string, name: string, revision = 1): ViewBody => ({
  id, name, groupId: 'shared', shared: true, ownerId: 'u', layoutId: '1x1', layout: { columns: 1, rows: 1, tiles: [{ x: 0, y: 0, width: 1, height: 1 }] },
  cameraIds: [null], revision, updatedAt: '2026-01-01T00:00:00.000Z', editable: false,
});
const status = (cameraId: string, motion: boolean): CameraStatusBody => ({
  cameraId, enabled: true, connection: null, recording: true, manualUntil: null, motion, framesWritten: 1, framesLost: 0,
});
const job = (id: string, state: string, progress: number): ExportJobBody => ({
  id, state, progress, format: 'mp4', cameraIds: ['c'], from: 'a', to: 'b', createdAt: 'a', files: [],
});

let qc: QueryClient;
const opened: SiteUpdatesSocket[] = [];
function start(o: { token?: (r: { refresh: boolean }) => Promise<string | null> | string | null; retryDelay?: (n: number) => number | undefined } = {}) {
  const states: SiteUpdatesState[] = [];
  const socket = new SiteUpdatesSocket({
    url: 'ws://site/api/updates', accessToken: o.token ?? (() => 'token-1'), queryClient: qc, WebSocket: FakeSocket,
    retryDelay: o.retryDelay ?? ((n) => 100 * (n + 1)),
  });
  socket.onDidChangeState((s) => states.push(s));
  opened.push(socket);
  return { socket, states };
}

/** Starts a socket, lets it authenticate and receive hello. */
async function openSocket() {
  const started = start();
  await settle();
  const fake = FakeSocket.all.at(-1)!;
  fake.open();
  fake.receive(hello);
  return { ...started, fake };
}

beforeEach(() => {
  qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  FakeSocket.all = [];
});
afterEach(() => {
  for (const s of opened.splice(0)) s.dispose();
  qc.clear();
  vi.useRealTimers();
});

describe('SiteUpdatesSocket', () => {
  it('signs in with its first message and is open once the site says hello', async () => {
    const { socket, states, fake } = await openSocket();
    expect(fake.url).toBe('ws://site/api/updates');
    expect(fake.sent).toEqual([{ type: 'auth', accessToken: 'token-1' }]);
    expect(states.map((s) => s.kind)).toEqual(['open']);
    expect(socket.state).toEqual({ kind: 'open' });
  });

  it('writes statuses and views into the cache and announces each message', async () => {
    const { socket, fake } = await openSocket();
    const received: string[] = [];
    socket.onDidReceive((m) => received.push(m.type));
    qc.setQueryData(queryKeys.views(), [view('b', 'Beta'), view('c', 'gamma')]);

    fake.receive({ type: 'cameraStatus', status: status('cam1', true) });
    fake.receive({ type: 'view', action: 'upserted', view: view('a', 'alpha') });
    fake.receive({ type: 'view', action: 'upserted', view: view('c', 'Gamma', 2) });
    fake.receive({ type: 'view', action: 'deleted', viewId: 'b' });
    fake.receive('not json');

    expect(qc.getQueryData(queryKeys.cameraStatus('cam1'))).toEqual(status('cam1', true));
    expect(qc.getQueryData<ViewBody[]>(queryKeys.views())?.map((v) => `${v.name}@${v.revision}`)).toEqual(['alpha@1', 'Gamma@2']);
    expect(received).toEqual(['cameraStatus', 'view', 'view', 'view']);
  });

  it('does not invent a view list that was never fetched', async () => {
    const { fake } = await openSocket();
    fake.receive({ type: 'view', action: 'upserted', view: view('a', 'alpha') });
    expect(qc.getQueryData(queryKeys.views())).toBeUndefined();
  });

  it('invalidates what the message names and nothing else', async () => {
    const { fake } = await openSocket();
    qc.setQueryData(queryKeys.cameras(), []);
    qc.setQueryData(queryKeys.cameraStatus('cam1'), status('cam1', false));
    qc.setQueryData(queryKeys.bookmarkSearch({ text: 'car' }), []);
    qc.setQueryData(queryKeys.evidenceLocksOfCamera('cam1'), []);
    const invalid = () => qc.getQueryCache().getAll().filter((q) => q.state.isInvalidated).map((q) => JSON.stringify(q.queryKey)).sort();

    fake.receive({ type: 'bookmark', action: 'created', bookmarkId: 'b1', cameraIds: ['cam1'] });
    expect(invalid()).toEqual(['["bookmarks",{"text":"car"}]']);
    fake.receive({ type: 'evidenceLock', action: 'extended', lockId: 'l1', cameraIds: ['cam1'] });
    fake.receive({ type: 'camerasChanged' });
    expect(invalid()).toEqual(['["bookmarks",{"text":"car"}]', '["cameras"]', '["evidenceLocks",{"cameraId":"cam1"}]']);
    expect(qc.getQueryState(queryKeys.cameraStatus('cam1'))?.isInvalidated).toBe(false);
  });

  it('refetches the configuration resources a change names, and the user when roles change', async () => {
    const { fake } = await openSocket();
    qc.setQueryData([...queryKeys.configuration('storages'), 'list'], []);
    qc.setQueryData([...queryKeys.configuration('roles'), 'r1'], {});
    qc.setQueryData([...queryKeys.configuration('users'), 'list'], []);
    qc.setQueryData(queryKeys.storages(), []);
    qc.setQueryData(queryKeys.currentUser(), {});
    const invalid = () => qc.getQueryCache().getAll().filter((q) => q.state.isInvalidated).map((q) => JSON.stringify(q.queryKey)).sort();
    fake.receive({ type: 'configurationChanged', resources: ['storages'] });
    expect(invalid()).toEqual(['["config","storages","list"]', '["storages"]']);
    fake.receive({ type: 'configurationChanged', resources: ['roles'] });
    expect(invalid()).toEqual(['["config","roles","r1"]', '["config","storages","list"]', '["me"]', '["storages"]']);
  });

  it('refetches the views with their groups, and the user (their client profile) with the profiles', async () => {
    const { fake } = await openSocket();
    qc.setQueryData(queryKeys.viewGroups(), []);
    qc.setQueryData(queryKeys.views(), []);
    qc.setQueryData(queryKeys.currentUser(), {});
    qc.setQueryData(queryKeys.cameras(), []);
    const invalid = () => qc.getQueryCache().getAll().filter((q) => q.state.isInvalidated).map((q) => JSON.stringify(q.queryKey)).sort();
    fake.receive({ type: 'configurationChanged', resources: ['viewGroups'] });
    expect(invalid()).toEqual(['["config","viewGroups","list"]', '["views"]']);
    fake.receive({ type: 'configurationChanged', resources: ['clientProfiles'] });
    expect(invalid()).toEqual(['["config","viewGroups","list"]', '["me"]', '["views"]']);
  });

  it('refetches device lists (a live tile\'s outputs) when devices change', async () => {
    const { fake } = await openSocket();
    qc.setQueryData(queryKeys.devices({ hardwareId: 'h1', kind: 'output' }), []);
    qc.setQueryData(queryKeys.cameras(), []);
    fake.receive({ type: 'configurationChanged', resources: ['devices'] });
    expect(qc.getQueryState(queryKeys.devices({ kind: 'output', hardwareId: 'h1' }))?.isInvalidated).toBe(true);
    expect(qc.getQueryState(queryKeys.cameras())?.isInvalidated).toBe(false);
  });

  it('writes a pushed output state into every cached device list, touching nothing else', async () => {
    const { fake } = await openSocket();
    const output = (id: string, state?: 'on' | 'off'): DeviceBody => ({
      id, hardwareId: 'h1', kind: 'output', deviceKey: id, name: id, enabled: true, group: '', settings: {}, reportedName: id, ...(state ? { state } : {}),
    });
    qc.setQueryData(queryKeys.devices({ hardwareId: 'h1', kind: 'output' }), [output('o1', 'off'), output('o2', 'off')]);
    qc.setQueryData(queryKeys.devices({ kind: 'output' }), [output('o1')]);
    fake.receive({ type: 'outputState', deviceId: 'o1', hardwareId: 'h1', state: 'on' });
    expect(qc.getQueryData<DeviceBody[]>(queryKeys.devices({ hardwareId: 'h1', kind: 'output' }))?.map((d) => d.state)).toEqual(['on', 'off']);
    expect(qc.getQueryData<DeviceBody[]>(queryKeys.devices({ kind: 'output' }))?.map((d) => d.state)).toEqual(['on']);
    expect(qc.getQueryState(queryKeys.devices({ kind: 'output' }))?.isInvalidated).toBe(false);
  });

  it('moves export progress in place and refetches a finished job', async () => {
    const { fake } = await openSocket();
    qc.setQueryData(queryKeys.exports(), [job('j1', 'running', 0.1), job('j2', 'queued', 0)]);
    qc.setQueryData(queryKeys.exportJob('j1'), job('j1', 'running', 0.1));
    fake.receive({ type: 'exportJob', jobId: 'j1', state: 'running', progress: 0.5 });
    expect(qc.getQueryData<ExportJobBody>(queryKeys.exportJob('j1'))?.progress).toBe(0.5);
    expect(qc.getQueryData<ExportJobBody[]>(queryKeys.exports())?.map((j) => j.progress)).toEqual([0.5, 0]);
    expect(qc.getQueryState(queryKeys.exports())?.isInvalidated).toBe(false);
    fake.receive({ type: 'exportJob', jobId: 'j1', state: 'done', progress: 1 });
    expect(qc.getQueryState(queryKeys.exports())?.isInvalidated).toBe(true);
    // Not "done" until the refetch brings the files: done without files means "nothing recorded".
    expect(qc.getQueryData<ExportJobBody[]>(queryKeys.exports())?.map((j) => j.state)).toEqual(['running', 'queued']);
    expect(qc.getQueryState(queryKeys.exportJob('j1'))?.isInvalidated).toBe(true);
  });

  it('reconnects with backoff and refetches only what it may have missed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const { states, fake } = await openSocket();
    fake.serverClose(1001, 'site stopping');
    expect(states.at(-1)).toEqual({ kind: 'closed', code: 1001, reason: 'site stopping', retryInMs: 100 });
    // Fails again before the site is back: the delay grows.
    vi.advanceTimersByTime(100);
    await settle();
    FakeSocket.all[1]!.serverClose(1006);
    expect(states.at(-1)).toMatchObject({ kind: 'closed', retryInMs: 200 });
    vi.advanceTimersByTime(199);
    await settle();
    expect(FakeSocket.all).toHaveLength(2);

    qc.setQueryData(queryKeys.cameras(), []);
    qc.setQueryData(queryKeys.views(), []);
    qc.setQueryData(queryKeys.devices({ kind: 'output' }), []);
    vi.advanceTimersByTime(1);
    await settle();
    const third = FakeSocket.all[2]!;
    third.open();
    vi.advanceTimersByTime(5);
    third.receive(hello);
    // Fetched after the hello: current, left alone. Then a close counts from the first delay again.
    qc.setQueryData(queryKeys.bookmarks(), []);
    expect(qc.getQueryState(queryKeys.cameras())?.isInvalidated).toBe(true);
    expect(qc.getQueryState(queryKeys.views())?.isInvalidated).toBe(true);
    expect(qc.getQueryState(queryKeys.devices({ kind: 'output' }))?.isInvalidated).toBe(true);
    expect(qc.getQueryState(queryKeys.bookmarks())?.isInvalidated).toBe(false);
    third.serverClose(1013, 'too slow');
    expect(states.at(-1)).toMatchObject({ kind: 'closed', code: 1013, retryInMs: 100 });
    expect(states.map((s) => s.kind)).toEqual(['open', 'closed', 'connecting', 'closed', 'connecting', 'open', 'closed']);
  });

  it('refreshes the token after a 4401 and stays closed once signed out', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const asked: boolean[] = [];
    const tokens = ['token-1', 'token-2', null];
    const { states } = start({ token: async ({ refresh }) => (asked.push(refresh), tokens.shift()!) });
    await settle();
    FakeSocket.all[0]!.open();
    FakeSocket.all[0]!.serverClose(4401, 'token expired');
    vi.advanceTimersByTime(100);
    await settle();
    expect(FakeSocket.all[1]!.sent).toEqual([]);
    FakeSocket.all[1]!.open();
    expect(FakeSocket.all[1]!.sent).toEqual([{ type: 'auth', accessToken: 'token-2' }]);
    FakeSocket.all[1]!.receive(hello);
    FakeSocket.all[1]!.serverClose(4401, 'the sign-in behind this socket has ended');
    vi.advanceTimersByTime(100);
    await settle();
    expect(asked).toEqual([false, true, true]);
    expect(states.at(-1)).toEqual({ kind: 'closed', code: UPDATES_CLOSE_SIGNED_OUT, reason: 'signed out' });
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.all).toHaveLength(2);
  });

  it('closes its socket on dispose and never reconnects', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { socket, states, fake } = await openSocket();
    const received: unknown[] = [];
    socket.onDidReceive((m) => received.push(m));
    socket.dispose();
    expect(fake.closedByClient).toEqual({ code: 1000, reason: 'disposed' });
    expect(states.at(-1)).toEqual({ kind: 'closed', code: 1000, reason: 'disposed' });
    // A late close or message from the old socket changes nothing.
    fake.serverClose(1006);
    fake.receive({ type: 'camerasChanged' });
    vi.advanceTimersByTime(60_000);
    expect(FakeSocket.all).toHaveLength(1);
    expect(received).toEqual([]);
  });
});
