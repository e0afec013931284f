import type { FastifyInstance } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import { toDisposable } from '../../../base/common/event';
import { openSocketSession } from '../socketSession';
import type { SiteUpdate, SiteUpdatesAuth } from '../../common/updateSchemas';
import { SITE_UPDATES_CLOSE } from '../../common/updateSchemas';
import type { ApiDeps } from '../apiDeps';
import { RECHECK_MS } from '../mediaAccess';
import { iso } from '../server';
import { SiteUpdatesHub } from '../siteUpdatesHub';

/**
 * Updates are small (a status is a few hundred bytes): this much unsent means the client has
 * stopped reading. Dropping it (it reconnects and refetches) keeps one stuck client from
 * holding the site's memory.
 */
export const MAX_BUFFERED_BYTES = 256 * 1024;

function parseAuth(data: RawData, isBinary: boolean): SiteUpdatesAuth | undefined {
  if (isBinary) return undefined;
  try {
    const m = JSON.parse(String(data)) as Partial<SiteUpdatesAuth> | null;
    return m?.type === 'auth' && typeof m.accessToken === 'string' && m.accessToken !== '' ? { type: 'auth', accessToken: m.accessToken } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * `GET /api/updates`: the site's pushed changes for one signed-in client (protocol:
 * api/common/updateSchemas.ts). The first text message must be {type:'auth', accessToken}
 * within AUTH_TIMEOUT_MS; the socket then lives as long as that sign-in (the session, not the
 * access token, which the client refreshes as usual), checked every RECHECK_MS like the media
 * sockets, and closes 4401 when it ends. When the user's roles change it is told to refetch
 * its cameras; what it receives is decided at each message with the user's roles of that moment.
 */
export function registerUpdatesSocket(app: FastifyInstance, deps: ApiDeps): void {
  const hub = new SiteUpdatesHub(deps);
  app.addHook('onClose', async () => hub.dispose());

  app.get('/api/updates', { websocket: true, schema: { hide: true } }, (socket: WebSocket) => {
    const conn = openSocketSession(socket, deps.clock, SITE_UPDATES_CLOSE.unauthenticated);
    const { store, close } = conn;

    let signedIn = false;
    socket.on('message', (data, isBinary) => {
      // After the auth message the client has nothing to say; anything more is ignored.
      if (signedIn || conn.closing) return;
      conn.signedIn();
      const auth = parseAuth(data, isBinary);
      const session = auth && deps.identity.authenticate(auth.accessToken);
      if (!session) {
        close(SITE_UPDATES_CLOSE.unauthenticated, 'the first message must be {"type":"auth","accessToken":...} with a valid access token');
        return;
      }
      signedIn = true;
      const send = (update: SiteUpdate) => {
        if (conn.closing || socket.readyState !== socket.OPEN) return;
        if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
          close(SITE_UPDATES_CLOSE.tooSlow, 'updates piled up unread: reconnect and refetch');
          return;
        }
        socket.send(JSON.stringify(update));
      };
      send({ type: 'hello', serverTime: iso(deps.clock.now()) });
      store.add(hub.add({ userId: session.user.id, send }));
      watchSession(session.familyId, session.user.id);

      function watchSession(familyId: string, userId: string): void {
        let roles = JSON.stringify(deps.roles.rolesOfUser(userId));
        let timer: { cancel(): void } | undefined;
        const check = () => {
          if (!deps.identity.sessionActive(familyId)) {
            close(SITE_UPDATES_CLOSE.unauthenticated, 'the sign-in behind this socket has ended');
            return;
          }
          const now = JSON.stringify(deps.roles.rolesOfUser(userId));
          if (now !== roles) {
            roles = now;
            send({ type: 'camerasChanged' });
          }
          timer = deps.clock.setTimeout(check, RECHECK_MS);
        };
        timer = deps.clock.setTimeout(check, RECHECK_MS);
        store.add(toDisposable(() => timer?.cancel()));
      }
    });
  });
}
