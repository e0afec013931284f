import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { VmsError } from '../../../base/common/errors';
import { jsonDiff } from '../../../management/common/audit';
import { ADMINISTRATORS_ROLE_ID } from '../../../management/common/permissions';
import type { UserRecord } from '../../../management/node/identity';
import { ErrorBody } from '../../common/schemas';
import { CreateUserRequest, UpdateUserRequest, UserSchema } from '../../common/securitySchemas';
import { audit, isAdministrator, requireFlag, requireWithinOwnRights } from '../access';
import type { ApiDeps } from '../apiDeps';
import { iso } from '../server';

const UserParams = Type.Object({ userId: Type.String() });

const userBody = (u: UserRecord) => ({
  id: u.id, username: u.username, roleIds: u.roleIds, createdAt: iso(u.createdAt), ...(u.lockedUntil ? { lockedUntil: iso(u.lockedUntil) } : {}),
});

/**
 * A role that may manage users could otherwise make anyone (itself included) an administrator,
 * or take over an administrator's account by setting its password: only Administrators may
 * touch Administrators membership or administrator accounts.
 */
function guardAdministrators(req: FastifyRequest, touched: boolean): void {
  if (touched && !isAdministrator(req)) {
    throw new VmsError('VMS_ERR_PERMISSION_DENIED', 'only administrators may change administrators or the Administrators role');
  }
}

/** Roles given to a user may not hold more than the one who gives them. */
function guardAssignedRoles(deps: ApiDeps, req: FastifyRequest, roleIds: readonly string[] | undefined): void {
  for (const id of roleIds ?? []) {
    if (id !== ADMINISTRATORS_ROLE_ID) requireWithinOwnRights(req, deps.roles.get(id));
  }
}

export const userRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/users', {
    schema: { operationId: 'listUsers', summary: 'Basic users and their roles', tags: ['users'], response: { 200: Type.Array(UserSchema), 403: ErrorBody } },
  }, async (req) => {
    requireFlag(req, 'manageUsers');
    return deps.identity.listUsers().map(userBody);
  });

  app.post('/api/users', {
    schema: {
      operationId: 'createUser', summary: 'Create a basic user with a password and roles', tags: ['users'],
      body: CreateUserRequest, response: { 201: UserSchema, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
  }, async (req, reply) => {
    requireFlag(req, 'manageUsers');
    guardAdministrators(req, req.body.roleIds.includes(ADMINISTRATORS_ROLE_ID));
    guardAssignedRoles(deps, req, req.body.roleIds);
    const user = await deps.identity.createUser(req.body);
    audit(deps, req, { action: 'createUser', target: user.id, details: { username: user.username, roleIds: user.roleIds } });
    return reply.status(201).send(userBody(user));
  });

  app.patch('/api/users/:userId', {
    schema: {
      operationId: 'updateUser', summary: 'Change a user\'s password or roles; either ends the user\'s sessions', tags: ['users'],
      params: UserParams, body: UpdateUserRequest, response: { 200: UserSchema, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageUsers');
    const before = deps.identity.getUser(req.params.userId);
    guardAdministrators(req, before.roleIds.includes(ADMINISTRATORS_ROLE_ID) || !!req.body.roleIds?.includes(ADMINISTRATORS_ROLE_ID));
    guardAssignedRoles(deps, req, req.body.roleIds?.filter((id) => !before.roleIds.includes(id)));
    const after = await deps.identity.updateUser(req.params.userId, req.body);
    audit(deps, req, {
      action: 'updateUser', target: after.id,
      details: { changes: jsonDiff({ roleIds: before.roleIds }, { roleIds: after.roleIds }), passwordChanged: req.body.password !== undefined },
    });
    return userBody(after);
  });

  app.post('/api/users/:userId/unlock', {
    schema: {
      operationId: 'unlockUser', summary: 'Lift the lock failed logins put on a user name (and forget the failures)', tags: ['users'],
      params: UserParams, response: { 200: UserSchema, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageUsers');
    const before = deps.identity.getUser(req.params.userId);
    guardAdministrators(req, before.roleIds.includes(ADMINISTRATORS_ROLE_ID));
    const after = deps.identity.unlockUser(before.id);
    audit(deps, req, { action: 'unlockUser', target: after.id, details: { username: after.username, lockedUntil: before.lockedUntil ? iso(before.lockedUntil) : null } });
    return userBody(after);
  });

  app.delete('/api/users/:userId', {
    schema: {
      operationId: 'deleteUser', summary: 'Delete a user; their sessions end at once', tags: ['users'],
      params: UserParams, response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
  }, async (req, reply) => {
    requireFlag(req, 'manageUsers');
    guardAdministrators(req, deps.identity.getUser(req.params.userId).roleIds.includes(ADMINISTRATORS_ROLE_ID));
    const gone = deps.identity.deleteUser(req.params.userId);
    audit(deps, req, { action: 'deleteUser', target: gone.id, details: { username: gone.username, roleIds: gone.roleIds } });
    return reply.status(204).send(null);
  });
};
