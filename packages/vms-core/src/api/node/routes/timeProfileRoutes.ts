import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { VmsError } from '../../../base/common/errors';
import { jsonDiff } from '../../../management/common/audit';
import { hasAdminFlag } from '../../../management/common/permissions';
import type { StoredTimeProfile } from '../../../management/common/timeProfile';
import { ErrorBody } from '../../common/schemas';
import { CreateTimeProfileRequest, StoredTimeProfileSchema, UpdateTimeProfileRequest } from '../../common/siteSchemas';
import { audit, requireFlag } from '../access';
import type { ApiDeps } from '../apiDeps';

const Params = Type.Object({ timeProfileId: Type.String() });

/**
 * Named time profiles: weekly windows with dated exceptions. Changing them needs
 * manageConfiguration; reading them also manageUsers, since whoever edits roles picks them
 * for grants. A profile changes the rights of every grant using it at once.
 */
export const timeProfileRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  const body = (p: StoredTimeProfile) => ({ ...p, usedBy: deps.config.timeProfiles.usedBy(p.id) });
  const requireReader = (req: FastifyRequest) => {
    if (!hasAdminFlag(req.roles, 'manageConfiguration') && !hasAdminFlag(req.roles, 'manageUsers')) {
      throw new VmsError('VMS_ERR_PERMISSION_DENIED', 'this needs a role that may manage configuration or users');
    }
  };

  app.get('/api/time-profiles', {
    schema: { operationId: 'listTimeProfiles', summary: 'Time profiles and the roles using them', tags: ['site'], response: { 200: Type.Array(StoredTimeProfileSchema), 403: ErrorBody } },
  }, async (req) => {
    requireReader(req);
    return deps.config.timeProfiles.list().map(body);
  });

  app.get('/api/time-profiles/:timeProfileId', {
    schema: { operationId: 'getTimeProfile', tags: ['site'], params: Params, response: { 200: StoredTimeProfileSchema, 403: ErrorBody, 404: ErrorBody } },
  }, async (req) => {
    requireReader(req);
    return body(deps.config.timeProfiles.get(req.params.timeProfileId));
  });

  app.post('/api/time-profiles', {
    schema: {
      operationId: 'createTimeProfile', summary: 'Create a time profile (weekly windows with dated exceptions)', tags: ['site'],
      body: CreateTimeProfileRequest, response: { 201: StoredTimeProfileSchema, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody },
    },
  }, async (req, reply) => {
    requireFlag(req, 'manageConfiguration');
    const created = deps.config.timeProfiles.create(req.body, deps.clock.now());
    audit(deps, req, { action: 'createTimeProfile', target: created.id, details: { timeProfile: created } });
    return reply.status(201).send(body(created));
  });

  app.patch('/api/time-profiles/:timeProfileId', {
    schema: {
      operationId: 'updateTimeProfile', summary: 'Change a time profile; grants using it follow at once', tags: ['site'],
      params: Params, body: UpdateTimeProfileRequest, response: { 200: StoredTimeProfileSchema, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    const before = deps.config.timeProfiles.get(req.params.timeProfileId);
    const after = deps.config.timeProfiles.update(req.params.timeProfileId, req.body, deps.clock.now());
    audit(deps, req, { action: 'updateTimeProfile', target: after.id, details: { changes: jsonDiff(before, after) } });
    return body(after);
  });

  app.delete('/api/time-profiles/:timeProfileId', {
    schema: {
      operationId: 'deleteTimeProfile', summary: 'Delete a time profile no role grant uses', tags: ['site'],
      params: Params, response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
  }, async (req, reply) => {
    requireFlag(req, 'manageConfiguration');
    // Rules running within it would silently stop running: refuse, naming them (409).
    deps.eventsAndRules.timeProfileInUse(req.params.timeProfileId);
    const gone = deps.config.timeProfiles.delete(req.params.timeProfileId);
    audit(deps, req, { action: 'deleteTimeProfile', target: gone.id, details: { timeProfile: gone } });
    return reply.status(204).send(null);
  });
};
