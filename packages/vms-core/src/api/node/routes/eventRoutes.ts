import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { SystemEventSchema } from '../../common/schemas';
import type { ApiDeps } from '../apiDeps';
import { iso } from '../server';

export const eventRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/events', {
    schema: {
      operationId: 'listEvents', summary: 'Recent device and system events, oldest first', tags: ['events'],
      querystring: Type.Object({ cameraId: Type.Optional(Type.String()), afterId: Type.Optional(Type.Integer({ minimum: 0 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })) }),
      response: { 200: Type.Array(SystemEventSchema) },
    },
  }, async (req) => deps.events.list(req.query).map((e) => ({ ...e, at: iso(e.at) })));
};
