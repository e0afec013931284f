import type { FastifyInstance } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import { toDisposable } from '../../../base/common/event';
import { openSocketSession } from '../socketSession';
import type { EventStreamFilter } from '../../../events/common/eventStreamFilter';
import { compileEventStreamFilter, parseEventStreamFilter } from '../../../events/common/eventStreamFilter';
import type { EventStreamMessage } from '../../common/eventStreamSchemas';
import { EVENT_STREAM_CLOSE } from '../../common/eventStreamSchemas';
import type { ApiDeps } from '../apiDeps';
import type { EventStreamClient } from '../eventStreamHub';
import { EventStreamHub } from '../eventStreamHub';
import { RECHECK_MS } from '../mediaAccess';
import { iso } from '../server';

/**
 * Unsent bytes after which a client counts as not reading. An event is a few hundred bytes,
 * so this is thousands of events: a reader that keeps up never gets near it, and one that has
 * stopped costs the site at most this much before it is closed (1013) to resume with afterId.
 */
export const EVENT_STREAM_MAX_BUFFERED_BYTES = 1024 * 1024;

type Parsed<T> = { ok: true; value: T } | { ok: false; field: string; message: string };
type Auth = { accessToken: string; filter: EventStreamFilter; afterId: number | undefined };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parseMessage(data: RawData, isBinary: boolean): Record<string, unknown> | undefined {
  if (isBinary) return undefined;
  try {
    const m = JSON.parse(String(data)) as unknown;
    return isRecord(m) ? m : undefined;
  } catch {
    return undefined;
  }
}

function parseAuth(m: Record<string, unknown>): Parsed<Auth> {
  const extra = Object.keys(m).find((k) => !['type', 'accessToken', 'filter', 'afterId'].includes(k));
  if (extra) return { ok: false, field: extra, message: 'not a field of the auth message (type, accessToken, filter, afterId)' };
  const { afterId } = m;
  if (afterId !== undefined && !(typeof afterId === 'number' && Number.isInteger(afterId) && afterId >= 0)) {
    return { ok: false, field: 'afterId', message: 'an event id (an integer ≥ 0)' };
  }
  const filter = parseEventStreamFilter(m.filter);
  if (!filter.ok) return filter;
  return { ok: true, value: { accessToken: m.accessToken as string, filter: filter.filter, afterId } };
}

/**
 * `GET /api/events/stream`: the live event stream (protocol: api/common/eventStreamSchemas.ts).
 * Signed in by the first message, as /api/updates; the socket lives as long as that sign-in,
 * checked every RECHECK_MS, when the user's rights are also read again. A client that stops
 * reading is closed 1013 once EVENT_STREAM_MAX_BUFFERED_BYTES are waiting, rather than held
 * in memory without bound; the replay after `afterId` is bounded by the event server's ring
 * and exempt, so a reconnecting client is not closed for catching up.
 */
export function registerEventStream(app: FastifyInstance, deps: ApiDeps): void {
  const hub = new EventStreamHub(deps);
  app.addHook('onClose', async () => hub.dispose());
  const events = deps.eventsAndRules.events;

  app.get('/api/events/stream', { websocket: true, schema: { hide: true } }, (socket: WebSocket) => {
    const conn = openSocketSession(socket, deps.clock, EVENT_STREAM_CLOSE.unauthenticated);
    const { store, close } = conn;

    const write = (m: EventStreamMessage | string, checked: boolean) => {
      if (conn.closing || socket.readyState !== socket.OPEN) return;
      if (checked && socket.bufferedAmount > EVENT_STREAM_MAX_BUFFERED_BYTES) {
        close(EVENT_STREAM_CLOSE.tooSlow, 'events piled up unread: reconnect with afterId set to the last id received');
        return;
      }
      socket.send(typeof m === 'string' ? m : JSON.stringify(m));
    };

    let client: EventStreamClient | undefined;
    socket.on('message', (data, isBinary) => {
      if (conn.closing) return;
      const m = parseMessage(data, isBinary);
      if (client) {
        onSubscribe(client, m);
        return;
      }
      conn.signedIn();
      const session = m?.type === 'auth' && typeof m.accessToken === 'string' ? deps.identity.authenticate(m.accessToken) : undefined;
      if (!m || !session) {
        close(EVENT_STREAM_CLOSE.unauthenticated, 'the first message must be {"type":"auth","accessToken":...} with a valid access token');
        return;
      }
      const auth = parseAuth(m);
      if (!auth.ok) {
        close(EVENT_STREAM_CLOSE.badRequest, `${auth.field}: ${auth.message}`);
        return;
      }
      const c: EventStreamClient = {
        userId: session.user.id, matches: compileEventStreamFilter(auth.value.filter), viewer: hub.viewerOf(session.user.id),
        send: (text) => write(text, true),
      };
      client = c;
      write({ type: 'hello', serverTime: iso(deps.clock.now()), lastEventId: events.list({ limit: 1 }).at(-1)?.id ?? 0, filter: auth.value.filter }, false);
      if (auth.value.afterId !== undefined) {
        const replay = { ...c, send: (text: string) => write(text, false) };
        for (const e of events.list({ afterId: auth.value.afterId, limit: Number.MAX_SAFE_INTEGER })) hub.sendTo(replay, e);
      }
      store.add(hub.add(c));
      watchSession(c, session.familyId);
    });

    function onSubscribe(c: EventStreamClient, m: Record<string, unknown> | undefined): void {
      const extra = m && Object.keys(m).find((k) => k !== 'type' && k !== 'filter');
      const parsed = m?.type !== 'subscribe' ? undefined : extra ? { ok: false as const, field: extra, message: 'not a field of the subscribe message' } : parseEventStreamFilter(m.filter);
      if (!parsed) {
        write({ type: 'error', code: 'VMS_ERR_BAD_INPUT', message: 'after auth the only message is {"type":"subscribe","filter":{...}}' }, true);
      } else if (!parsed.ok) {
        write({ type: 'error', code: 'VMS_ERR_BAD_INPUT', message: `${parsed.field}: ${parsed.message}`, field: parsed.field }, true);
      } else {
        c.matches = compileEventStreamFilter(parsed.filter);
        write({ type: 'subscribed', filter: parsed.filter }, true);
      }
    }

    function watchSession(c: EventStreamClient, familyId: string): void {
      let timer: { cancel(): void } | undefined;
      const check = () => {
        if (!deps.identity.sessionActive(familyId)) {
          close(EVENT_STREAM_CLOSE.unauthenticated, 'the sign-in behind this socket has ended');
          return;
        }
        c.viewer = hub.viewerOf(c.userId);
        timer = deps.clock.setTimeout(check, RECHECK_MS);
      };
      timer = deps.clock.setTimeout(check, RECHECK_MS);
      store.add(toDisposable(() => timer?.cancel()));
    }
  });
}
