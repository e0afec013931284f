import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { jsonDiff } from '../../../management/common/audit';
import { ErrorBody } from '../../common/schemas';
import { CreateRoleRequest, RoleSchema, UpdateRoleRequest } from '../../common/securitySchemas';
import { audit, requireFlag, requireWithinOwnRights } from '../access';
import { ADMINISTRATORS_ROLE_ID } from '../../../management/common/permissions';
import type { ApiDeps } from '../apiDeps';

const RoleParams = Type.Object({ roleId: Type.String() });

/**
 * Roles: camera rights per camera or for all cameras, optional time profiles, admin flags.
 * All need the manage-users flag. Administrators (id "administrators") cannot be changed or
 * deleted; roles take effect at the members' next request.
 */
export const roleRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/roles', {
    schema: { operationId: 'listRoles', summary: 'Roles with their camera grants and admin flags', tags: ['users'], response: { 200: Type.Array(RoleSchema), 403: ErrorBody } },
  }, async (req) => {
    requireFlag(req, 'manageUsers');
    return deps.roles.list();
  });

  app.post('/api/roles', {
    schema: {
      operationId: 'createRole', summary: 'Create a role', tags: ['users'],
      body: CreateRoleRequest, response: { 201: RoleSchema, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody },
    },
  }, async (req, reply) => {
    requireFlag(req, 'manageUsers');
    requireWithinOwnRights(req, { manageConfiguration: false, manageUsers: false, ...req.body, grants: deps.roles.resolveGrants(req.body.grants ?? []) });
    const role = deps.roles.create(req.body);
    audit(deps, req, { action: 'createRole', target: role.id, details: { role } });
    return reply.status(201).send(role);
  });

  app.patch('/api/roles/:roleId', {
    schema: {
      operationId: 'updateRole', summary: 'Rename a role, change its admin flags or replace its grants', tags: ['users'],
      params: RoleParams, body: UpdateRoleRequest, response: { 200: RoleSchema, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageUsers');
    const before = deps.roles.get(req.params.roleId);
    // Administrators cannot be changed at all; roles.update says so (409).
    if (before.id !== ADMINISTRATORS_ROLE_ID) {
      requireWithinOwnRights(req, { ...before, ...req.body, grants: deps.roles.resolveGrants(req.body.grants ?? before.grants) }, before);
    }
    const after = deps.roles.update(req.params.roleId, req.body);
    audit(deps, req, { action: 'updateRole', target: after.id, details: { changes: jsonDiff(before, after) } });
    return after;
  });

  app.delete('/api/roles/:roleId', {
    schema: {
      operationId: 'deleteRole', summary: 'Delete a role; its members lose its rights', tags: ['users'],
      params: RoleParams, response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
  }, async (req, reply) => {
    requireFlag(req, 'manageUsers');
    const gone = deps.roles.delete(req.params.roleId);
    audit(deps, req, { action: 'deleteRole', target: gone.id, details: { role: gone } });
    return reply.status(204).send(null);
  });
};
