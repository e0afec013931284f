import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { SystemEventSchema } from '../../common/schemas';
import type { ApiDeps } from '../apiDeps';
import { hasAdminFlag } from '../../../management/common/permissions';
import { canSeeCamera } from '../access';
import { iso } from '../server';

export const eventRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/events', {
    schema: {
      operationId: 'listEvents', tags: ['events'],
      summary: 'Recent device and system events, oldest first: those of cameras the caller has a right on; site-wide ones need manage configuration',
      querystring: Type.Object({ cameraId: Type.Optional(Type.String()), afterId: Type.Optional(Type.Integer({ minimum: 0 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })) }),
      response: { 200: Type.Array(SystemEventSchema) },
    },
  }, async (req) => {
    const siteWide = hasAdminFlag(req.roles, 'manageConfiguration');
    // Filter before the limit (the log is a bounded ring in memory), so paging by afterId never stalls on hidden events.
    const { limit, ...filter } = req.query;
    return deps.events.list({ ...filter, limit: Number.MAX_SAFE_INTEGER })
      .filter((e) => (e.cameraId === undefined ? siteWide : canSeeCamera(req, e.cameraId)))
      .slice(-(limit ?? 500))
      .map((e) => ({ ...e, at: iso(e.at) }));
  });
};
