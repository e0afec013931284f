import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { isVmsError } from '../../../base/common/errors';
import type { User } from '../../../management/node/identity';
import type { TokenPair } from '../../../management/node/tokenStore';
import { ADMIN_FLAGS, cameraRightsAt, hasAdminFlag, isAdministrators } from '../../../management/common/permissions';
import { CurrentUserResponse, ErrorBody, LoginRequest, LoginResponse, RefreshRequest } from '../../common/schemas';
import { audit } from '../access';
import { effectiveProfileBody } from './clientProfileRoutes';
import type { ApiDeps } from '../apiDeps';
import { iso } from '../server';

const sessionBody = (r: { pair: TokenPair; user: User }) => ({
  token: r.pair.token, expiresAt: iso(r.pair.expiresAt),
  refreshToken: r.pair.refreshToken, refreshExpiresAt: iso(r.pair.refreshExpiresAt),
  user: { id: r.user.id, username: r.user.username, roleIds: r.user.roleIds },
});

export const authRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  app.post('/api/login', {
    schema: {
      operationId: 'login', tags: ['auth'], security: [],
      summary: 'Exchange a user name and password for a short-lived bearer token and a refresh token',
      description: 'Repeated failures for a user name or source address are answered with 429 (VMS_ERR_TOO_MANY_ATTEMPTS, ' +
        'then VMS_ERR_LOCKED_OUT) and a Retry-After header.',
      body: LoginRequest, response: { 200: LoginResponse, 401: ErrorBody, 429: ErrorBody },
    },
  }, async (req) => {
    const source = req.ip;
    try {
      const r = await deps.identity.login(req.body.username, req.body.password, source);
      deps.audit.record({ userId: r.user.id, username: r.user.username, source, action: 'login', target: r.user.id });
      return sessionBody(r);
    } catch (e) {
      if (isVmsError(e)) {
        deps.audit.record({
          userId: deps.identity.userIdByName(req.body.username) ?? null, username: req.body.username, source,
          action: 'loginFailed', target: null, outcome: 'failed', details: { code: e.code },
        });
      }
      throw e;
    }
  });

  app.post('/api/token/refresh', {
    schema: {
      operationId: 'refreshToken', tags: ['auth'], security: [],
      summary: 'Exchange a refresh token (once) for a new token pair',
      description: 'The refresh token used is revoked. Presenting it again revokes the whole session (VMS_ERR_TOKEN_REUSED).',
      body: RefreshRequest, response: { 200: LoginResponse, 401: ErrorBody },
    },
  }, async (req) => {
    try {
      return sessionBody(deps.identity.refresh(req.body.refreshToken));
    } catch (e) {
      if (isVmsError(e, 'VMS_ERR_TOKEN_REUSED')) {
        const owner = deps.identity.refreshTokenOwner(req.body.refreshToken);
        deps.audit.record({
          userId: owner?.id ?? null, username: owner?.username ?? null, source: req.ip,
          action: 'refreshTokenReused', target: owner?.id ?? null, outcome: 'failed', details: { code: e.code },
        });
      }
      throw e;
    }
  });

  app.get('/api/me', {
    schema: {
      operationId: 'getCurrentUser', summary: 'The caller, what their roles allow now, and the Smart Client profile that applies to them', tags: ['auth'],
      response: { 200: CurrentUserResponse, 401: ErrorBody },
    },
  }, async (req) => {
    const now = deps.clock.now();
    const flags = Object.fromEntries(ADMIN_FLAGS.map((f) => [f, hasAdminFlag(req.roles, f)])) as Record<(typeof ADMIN_FLAGS)[number], boolean>;
    const cameras = deps.config.listCameras()
      .map((c) => ({ cameraId: c.id, rights: cameraRightsAt(req.roles, c.id, now) }))
      .filter((c) => c.rights.length > 0);
    return {
      id: req.user.id, username: req.user.username, roleIds: req.user.roleIds,
      administrator: req.roles.some(isAdministrators), ...flags, cameras,
      clientProfile: effectiveProfileBody(deps.config.clientProfiles.effectiveFor(req.user.roleIds)),
    };
  });

  app.post('/api/logout', {
    schema: {
      operationId: 'logout', summary: 'End this session: the bearer token and its refresh token stop working', tags: ['auth'],
      response: { 204: Type.Null() },
    },
  }, async (req, reply) => {
    deps.identity.logout(req.sessionId);
    audit(deps, req, { action: 'logout', target: req.user.id });
    return reply.status(204).send(null);
  });
};
