import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { VmsError } from '../../../base/common/errors';
import { chooseStream } from '../../../streaming/node/live';
import { ErrorBody } from '../../common/schemas';
import { LiveStreamQuery, LiveStreamResponse } from '../../common/mediaSchemas';
import type { ApiDeps } from '../apiDeps';
import { canSeeCamera, requireCameraRight } from '../access';
import { issueMediaToken, queryToken, verifyMediaToken } from '../mediaAccess';
import { withMediaToken } from '../playlistTokens';
import { iso } from '../server';
import { HLS_TOKEN_LIFETIME_MS } from '../mediaTokens';

const CameraParams = Type.Object({ cameraId: Type.String() });
const JPEG = { description: 'JPEG picture', content: { 'image/jpeg': { schema: { type: 'string', format: 'binary' } } } };


/** Live: the client says its tile size; the server picks the stream and hands out a media token. */
export const liveRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  const { live } = deps.mediaServices;

  app.get('/api/cameras/:cameraId/live', {
    schema: {
      operationId: 'getLiveStream', summary: 'Endpoints and a media token to watch a camera live, with the stream chosen for the tile', tags: ['live'],
      params: CameraParams,
      querystring: LiveStreamQuery,
      response: { 200: LiveStreamResponse, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (req) => {
    const { cameraId } = req.params;
    if (!canSeeCamera(req, cameraId)) throw new VmsError('VMS_ERR_NOT_FOUND', `camera ${cameraId} does not exist`);
    requireCameraRight(req, deps.clock.now(), cameraId, 'live');
    const camera = deps.config.getCamera(cameraId);
    const q = req.query;
    const stream = q.stream
      ? camera.streams.find((s) => s.key === q.stream)
      : q.width && q.height
        ? chooseStream(camera.streams, { width: q.width, height: q.height }, q.mode ?? 'quality', q.zoomed ?? false)
        : camera.streams.find((s) => s.key === camera.liveStream);
    if (!stream) throw new VmsError('VMS_ERR_BAD_INPUT', `camera ${cameraId} has no stream "${q.stream}"`);
    const { token, expiresAt } = issueMediaToken(deps, req, cameraId, 'live');
    const hlsToken = issueMediaToken(deps, req, cameraId, 'live', HLS_TOKEN_LIFETIME_MS).token;
    const base = `/media/cameras/${encodeURIComponent(cameraId)}`;
    const s = `stream=${encodeURIComponent(stream.key)}&token=${token}`;
    return {
      cameraId, streamKey: stream.key, ...(stream.codec ? { codec: stream.codec } : {}),
      ...(stream.width ? { width: stream.width } : {}), ...(stream.height ? { height: stream.height } : {}),
      recommended: stream.codec === 'h265' ? 'jsmpeg' as const : 'mse' as const,
      token, expiresAt: iso(expiresAt),
      webSocketUrl: `${base}/live.mp4?${s}`,
      hlsUrl: `${base}/hls/live/${encodeURIComponent(stream.key)}/live.m3u8?token=${hlsToken}`,
      jsmpegUrl: `${base}/jsmpeg?${s}`,
      snapshotUrl: `${base}/snapshot.jpg?${s}`,
    };
  });

  app.get('/api/cameras/:cameraId/snapshot', {
    schema: {
      operationId: 'getSnapshot', summary: 'JPEG of the current picture of a camera', tags: ['live'], params: CameraParams,
      querystring: Type.Object({ stream: Type.Optional(Type.String()), width: Type.Optional(Type.Integer({ minimum: 16, maximum: 3840 })) }),
      response: { 200: JPEG, 403: ErrorBody, 404: ErrorBody, 503: ErrorBody },
    },
  }, async (req, reply) => {
    const { cameraId } = req.params;
    if (!canSeeCamera(req, cameraId)) throw new VmsError('VMS_ERR_NOT_FOUND', `camera ${cameraId} does not exist`);
    requireCameraRight(req, deps.clock.now(), cameraId, 'snapshot');
    const streamKey = req.query.stream ?? deps.config.getCamera(cameraId).liveStream;
    const jpeg = await live.snapshots.jpeg(cameraId, streamKey, req.query.width ? { width: req.query.width } : {});
    return reply.type('image/jpeg').send(Buffer.from(jpeg));
  });

  app.get('/media/cameras/:cameraId/snapshot.jpg', { schema: { hide: true } }, async (req, reply) => {
    const { cameraId } = req.params as { cameraId: string };
    const q = req.query as { stream?: string; width?: string };
    verifyMediaToken(deps, queryToken(req), { cameraId, rights: ['live', 'snapshot'], use: 'snapshot' });
    const width = q.width ? Math.min(3840, Math.max(16, Number(q.width) || 320)) : undefined;
    const jpeg = await live.snapshots.jpeg(cameraId, q.stream ?? deps.config.getCamera(cameraId).liveStream, width ? { width } : {});
    return reply.type('image/jpeg').header('cache-control', 'no-store').send(Buffer.from(jpeg));
  });

  app.get('/media/cameras/:cameraId/hls/live/:stream/:name', { schema: { hide: true } }, async (req, reply) => {
    const { cameraId, stream, name } = req.params as { cameraId: string; stream: string; name: string };
    const token = queryToken(req);
    verifyMediaToken(deps, token, { cameraId, rights: ['live'] });
    if (name === 'live.m3u8') {
      const q = req.query as { _HLS_msn?: string; _HLS_part?: string };
      const block = { ...(q._HLS_msn ? { msn: Number(q._HLS_msn) } : {}), ...(q._HLS_part ? { part: Number(q._HLS_part) } : {}) };
      const playlist = await live.hls.playlist(cameraId, stream, block);
      return reply.type('application/vnd.apple.mpegurl').header('cache-control', 'no-store').send(withMediaToken(playlist, token!));
    }
    const file = await live.hls.file(cameraId, stream, name);
    return reply.type(file.contentType).send(Buffer.concat(file.body));
  });
};
