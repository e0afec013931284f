import type { FastifyInstance } from 'fastify';
import type { WebSocket } from 'ws';
import { VmsError, errorMessage, isVmsError } from '../../../base/common/errors';
import { PlaybackSession } from '../../../streaming/node/playback/playbackSession';
import type { ApiDeps } from '../apiDeps';
import { verifyMediaToken, watchMediaAccess } from '../mediaAccess';

/** Close codes: 4401 / 4403 mirror HTTP 401 / 403 for a browser that only sees the close. */
const CLOSE_UNAUTHENTICATED = 4401;
const CLOSE_FORBIDDEN = 4403;

type Command = { type: 'seek'; at: string } | { type: 'play'; speed?: number } | { type: 'pause' } | { type: 'step'; direction: 1 | -1 };

function parseCommand(text: string): Command {
  let c: unknown;
  try {
    c = JSON.parse(text);
  } catch {
    throw new VmsError('VMS_ERR_BAD_INPUT', 'commands are JSON objects, e.g. {"type":"seek","at":"2026-01-01T00:00:00Z"}');
  }
  if (typeof c !== 'object' || c === null || typeof (c as { type?: unknown }).type !== 'string') {
    throw new VmsError('VMS_ERR_BAD_INPUT', 'a command needs a "type"');
  }
  return c as Command;
}

/**
 * The fMP4 playback session over a WebSocket: `/media/playback?tokens=T1,T2` with one playback
 * token per camera (synchronized on one clock). Binary messages are one byte of camera index
 * followed by fMP4 bytes; text messages are the session's JSON (seeked, gap, state, ...).
 * Client commands: {type:'seek', at: ISO}, {type:'play', speed}, {type:'pause'}, {type:'step', direction}.
 */
export function registerPlaybackSocket(app: FastifyInstance, deps: ApiDeps): void {
  app.get('/media/playback', { websocket: true, schema: { hide: true } }, (socket: WebSocket, req) => {
    const list = String((req.query as { tokens?: unknown }).tokens ?? '').split(',').filter(Boolean);
    let cameraIds: string[];
    try {
      if (list.length === 0 || list.length > 16) throw new VmsError('VMS_ERR_UNAUTHENTICATED', 'tokens: one playback token per camera (1 to 16)');
      cameraIds = list.map((t) => {
        const cameraId = deps.mediaServices.tokens.cameraOf(t) ?? '';
        verifyMediaToken(deps, t, { cameraId, rights: ['playback'] });
        return cameraId;
      });
    } catch (e) {
      socket.close(isVmsError(e, 'VMS_ERR_PERMISSION_DENIED') ? CLOSE_FORBIDDEN : CLOSE_UNAUTHENTICATED, errorMessage(e).slice(0, 120));
      return;
    }
    const session = new PlaybackSession({
      reader: deps.mediaServices.reader, cameraIds, clock: deps.clock,
      sink: {
        sendJson: (m) => socket.send(JSON.stringify(m)),
        sendBinary: (index, parts) => socket.send(Buffer.concat([Buffer.from([index]), ...parts])),
        get bufferedAmount() {
          return socket.bufferedAmount;
        },
      },
    });
    socket.on('message', (data, isBinary) => {
      if (isBinary) return;
      // Everything a client sends is untrusted: a throw here would escape the socket's listener.
      void Promise.resolve()
        .then(() => handle(parseCommand(String(data))))
        .catch((e: unknown) =>
          socket.send(JSON.stringify({ type: 'error', code: isVmsError(e) ? e.code : 'VMS_ERR_BAD_INPUT', message: errorMessage(e) })),
        );
    });
    socket.on('close', () => void session.dispose());
    watchMediaAccess(deps, socket, cameraIds.map((cameraId, i) => ({ token: list[i]!, cameraId, rights: ['playback'] })));

    async function handle(c: Command): Promise<void> {
      // Rights can be taken away while a session is open: check each camera on every command.
      const now = deps.clock.now();
      for (const [i, cameraId] of cameraIds.entries()) {
        const mediaAt = c.type === 'seek' ? Date.parse(c.at) : session.position90k / 90;
        verifyMediaToken(deps, list[i], { cameraId, rights: ['playback'], mediaAt: Number.isNaN(mediaAt) ? now : mediaAt, continuing: true });
      }
      switch (c.type) {
        case 'seek': {
          const ms = Date.parse(c.at);
          if (Number.isNaN(ms)) throw new VmsError('VMS_ERR_BAD_INPUT', `seek: "${c.at}" is not a date-time`);
          return session.seek(ms * 90);
        }
        case 'play':
          return session.play(c.speed ?? 1);
        case 'pause':
          return session.pause();
        case 'step':
          return session.step(c.direction === -1 ? -1 : 1);
        default:
          throw new VmsError('VMS_ERR_BAD_INPUT', 'unknown command');
      }
    }
  });
}
