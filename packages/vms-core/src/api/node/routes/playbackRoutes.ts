import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { VmsError } from '../../../base/common/errors';
import { ErrorBody, TimeRangeQuery } from '../../common/schemas';
import { PlaybackResponse } from '../../common/mediaSchemas';
import type { ApiDeps } from '../apiDeps';
import { canSeeCamera, requireCameraRight } from '../access';
import { issueMediaToken, queryToken, verifyMediaToken } from '../mediaAccess';
import { withMediaToken } from '../playlistTokens';
import { iso, parseInstant } from '../server';
import { HLS_TOKEN_LIFETIME_MS } from '../mediaTokens';

const CameraParams = Type.Object({ cameraId: Type.String() });
const JPEG = { description: 'JPEG picture', content: { 'image/jpeg': { schema: { type: 'string', format: 'binary' } } } };


/** Playback, HLS VOD and thumbnails. Media paths live under /media and take a media token. */
export const playbackRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  const { mediaServices: m } = deps;
  const notFound = (cameraId: string) => new VmsError('VMS_ERR_NOT_FOUND', `camera ${cameraId} does not exist`);

  app.get('/api/cameras/:cameraId/playback', {
    schema: {
      operationId: 'getPlayback', summary: 'Endpoints and a media token to play back a time range of a camera', tags: ['playback'],
      params: CameraParams, querystring: TimeRangeQuery, response: { 200: PlaybackResponse, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (req) => {
    const { cameraId } = req.params;
    if (!canSeeCamera(req, cameraId)) throw notFound(cameraId);
    deps.config.getCamera(cameraId);
    const asked = parseInstant(req.query.from, 'from');
    const to = parseInstant(req.query.to, 'to');
    if (!(to > asked)) throw new VmsError('VMS_ERR_BAD_INPUT', '"to" must be after "from"');
    const access = requireCameraRight(req, deps.clock.now(), cameraId, 'playback', to);
    const from = Math.max(asked, access.earliestMedia ?? -Infinity);
    const { token, expiresAt } = issueMediaToken(deps, req, cameraId, 'playback');
    const hlsToken = issueMediaToken(deps, req, cameraId, 'playback', HLS_TOKEN_LIFETIME_MS).token;
    const base = `/media/cameras/${encodeURIComponent(cameraId)}`;
    const range = `from=${encodeURIComponent(iso(from))}&to=${encodeURIComponent(iso(to))}`;
    return {
      cameraId, from: iso(from), to: iso(to), token, expiresAt: iso(expiresAt),
      hlsUrl: `${base}/hls/vod.m3u8?${range}&token=${hlsToken}`,
      webSocketUrl: `/media/playback?tokens=${token}`,
      thumbnailUrl: `${base}/thumbnail.jpg?token=${token}`,
    };
  });

  app.get('/api/cameras/:cameraId/thumbnail', {
    schema: {
      operationId: 'getThumbnail', summary: 'JPEG of a camera at any recorded instant (cached)', tags: ['playback'], params: CameraParams,
      querystring: Type.Object({ at: Type.String({ format: 'date-time' }), width: Type.Optional(Type.Integer({ minimum: 16, maximum: 1920 })) }),
      response: { 200: JPEG, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (req, reply) => {
    const { cameraId } = req.params;
    if (!canSeeCamera(req, cameraId)) throw notFound(cameraId);
    const at = parseInstant(req.query.at, 'at');
    requireCameraRight(req, deps.clock.now(), cameraId, 'playback', at);
    const t = await m.thumbnails.jpeg(cameraId, at * 90, { width: req.query.width ?? 320 });
    return reply.type('image/jpeg').header('x-shown-at', iso(t.shownAt90k / 90)).send(Buffer.from(t.jpeg));
  });

  app.get('/media/cameras/:cameraId/thumbnail.jpg', { schema: { hide: true } }, async (req, reply) => {
    const { cameraId } = req.params as { cameraId: string };
    const q = req.query as { at?: string; width?: string };
    const at = parseInstant(q.at ?? '', 'at');
    verifyMediaToken(deps, queryToken(req), { cameraId, rights: ['playback'], mediaAt: at });
    const width = Math.min(1920, Math.max(16, Number(q.width ?? 320) || 320));
    const t = await m.thumbnails.jpeg(cameraId, at * 90, { width });
    return reply.type('image/jpeg').header('cache-control', 'private, max-age=3600').send(Buffer.from(t.jpeg));
  });

  app.get('/media/cameras/:cameraId/hls/vod.m3u8', { schema: { hide: true } }, async (req, reply) => {
    const { cameraId } = req.params as { cameraId: string };
    const q = req.query as { from?: string; to?: string };
    const from = parseInstant(q.from ?? '', 'from');
    const to = parseInstant(q.to ?? '', 'to');
    const token = queryToken(req);
    verifyMediaToken(deps, token, { cameraId, rights: ['playback'], mediaAt: from });
    const playlist = await m.hls.playlist(cameraId, from * 90, to * 90);
    return reply.type('application/vnd.apple.mpegurl').send(withMediaToken(playlist, token!));
  });

  app.get('/media/cameras/:cameraId/hls/:name', { schema: { hide: true } }, async (req, reply) => {
    const { cameraId, name } = req.params as { cameraId: string; name: string };
    // A segment name carries its recording id: the right is checked for that recording's time,
    // so a "last N days" limit holds for segments too.
    const id = /^(\d+)\./.exec(name)?.[1];
    const recording = id === undefined ? undefined : deps.media.getRecording(Number(id));
    const mediaAt = recording ? Math.round((recording.end90k ?? recording.start90k) / 90) : undefined;
    verifyMediaToken(deps, queryToken(req), { cameraId, rights: ['playback'], ...(mediaAt === undefined ? {} : { mediaAt }) });
    const r = await m.hls.resource(cameraId, name);
    return reply.type(r.contentType).send(Buffer.concat(r.parts));
  });
};
