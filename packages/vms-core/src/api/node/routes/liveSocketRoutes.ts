import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { errorMessage, isVmsError, VmsError } from '../../../base/common/errors';
import { LiveFmp4Viewer } from '../../../streaming/node/live';
import type { ApiDeps } from '../apiDeps';
import { queryToken, verifyMediaToken, watchMediaAccess } from '../mediaAccess';

/** Close codes: 4401 / 4403 / 4404 mirror HTTP for a browser that only sees the close. */
const closeCodeOf = (e: unknown): number =>
  isVmsError(e, 'VMS_ERR_PERMISSION_DENIED') ? 4403 : isVmsError(e, 'VMS_ERR_CONFLICT') ? 4409 : isVmsError(e) && e.kind === 'notFound' ? 4404 : isVmsError(e) && e.kind === 'unauthenticated' ? 4401 : 4400;

/** Transcodes cost a core each at 720p: a few widths only, and a ceiling for the whole site. */
const TRANSCODE_WIDTHS = [320, 480, 640, 960, 1280, 1920];
const MAX_TRANSCODES = 8;

/** The output size for a requested width: the nearest allowed width at the stream's aspect. */
export function transcodeSize(requestedWidth: number, stream: { width?: number; height?: number }): { width: number; height: number } {
  const width = TRANSCODE_WIDTHS.reduce((best, w) => (Math.abs(w - requestedWidth) < Math.abs(best - requestedWidth) ? w : best));
  const aspect = stream.width && stream.height ? stream.height / stream.width : 9 / 16;
  return { width, height: Math.max(16, Math.round((width * aspect) / 2) * 2) };
}

function streamOf(deps: ApiDeps, req: FastifyRequest, cameraId: string): { key: string; codec: 'h264' | 'h265'; width?: number; height?: number } {
  const camera = deps.config.getCamera(cameraId);
  const key = String((req.query as { stream?: unknown }).stream ?? camera.liveStream);
  const s = camera.streams.find((x) => x.key === key);
  if (!s) throw new VmsError('VMS_ERR_NOT_FOUND', `camera ${cameraId} has no stream "${key}"`);
  return { key, codec: s.codec ?? 'h264', ...(s.width ? { width: s.width } : {}), ...(s.height ? { height: s.height } : {}) };
}

/**
 * Live over WebSockets. `/media/cameras/:id/live.mp4`: a text message with the MSE mime type,
 * then fMP4 (init, then one fragment per frame); a viewer that falls behind skips to the next
 * key frame. `/media/cameras/:id/jsmpeg`: MPEG-TS with MPEG-1 video for jsmpeg, from a
 * transcode shared by everyone watching that stream at that size.
 */
export function registerLiveSockets(app: FastifyInstance, deps: ApiDeps): void {
  const { live } = deps.mediaServices;

  app.get('/media/cameras/:cameraId/live.mp4', { websocket: true, schema: { hide: true } }, (socket: WebSocket, req) => {
    const { cameraId } = req.params as { cameraId: string };
    try {
      verifyMediaToken(deps, queryToken(req), { cameraId, rights: ['live'] });
      const { key } = streamOf(deps, req, cameraId);
      const viewer = new LiveFmp4Viewer(live.hub, cameraId, key, {
        send: (parts) => socket.send(Buffer.concat(parts)),
        get bufferedAmount() {
          return socket.bufferedAmount;
        },
      }, {
        onInit: ({ mimeType }) => socket.send(JSON.stringify({ type: 'init', mimeType })),
        onEnd: (reason) => socket.close(closeCodeOf(reason), errorMessage(reason).slice(0, 120)),
      });
      socket.on('close', () => viewer.dispose());
      watchMediaAccess(deps, socket, [{ token: queryToken(req)!, cameraId, rights: ['live'] }]);
    } catch (e) {
      socket.close(closeCodeOf(e), errorMessage(e).slice(0, 120));
    }
  });

  app.get('/media/cameras/:cameraId/jsmpeg', { websocket: true, schema: { hide: true } }, (socket: WebSocket, req) => {
    const { cameraId } = req.params as { cameraId: string };
    try {
      verifyMediaToken(deps, queryToken(req), { cameraId, rights: ['live'] });
      const stream = streamOf(deps, req, cameraId);
      const { key, codec } = stream;
      const size = transcodeSize(Number((req.query as { width?: string }).width) || 640, stream);
      if (!live.transcodes.has(cameraId, key, size) && live.transcodes.list().length >= MAX_TRANSCODES) {
        throw new VmsError('VMS_ERR_CONFLICT', `the site already runs ${MAX_TRANSCODES} transcodes; watch an H.264 stream with MSE instead`);
      }
      const membership = live.transcodes.join(cameraId, key, codec, size, {
        send: (parts) => socket.send(Buffer.concat(parts)),
        get bufferedAmount() {
          return socket.bufferedAmount;
        },
      }, { onEnd: (reason) => socket.close(closeCodeOf(reason), errorMessage(reason).slice(0, 120)) });
      socket.on('close', () => membership.dispose());
      watchMediaAccess(deps, socket, [{ token: queryToken(req)!, cameraId, rights: ['live'] }]);
    } catch (e) {
      socket.close(closeCodeOf(e), errorMessage(e).slice(0, 120));
    }
  });
}
