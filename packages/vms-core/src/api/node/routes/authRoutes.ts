import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody, LoginRequest, LoginResponse } from '../../common/schemas';
import type { ApiDeps } from '../apiDeps';
import { iso } from '../server';

export const authRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  app.post('/api/login', {
    schema: {
      operationId: 'login', summary: 'Exchange a user name and password for a bearer token', tags: ['auth'], security: [],
      body: LoginRequest, response: { 200: LoginResponse, 401: ErrorBody },
    },
  }, async (req) => {
    const r = deps.identity.login(req.body.username, req.body.password, deps.clock.now());
    return { token: r.token, expiresAt: iso(r.expiresAt), user: r.user };
  });

  app.post('/api/logout', {
    schema: { operationId: 'logout', summary: 'Revoke the bearer token of this request', tags: ['auth'], response: { 204: Type.Null() } },
  }, async (req, reply) => {
    deps.identity.logout(req.headers.authorization!.slice(7));
    return reply.status(204).send(null);
  });
};
