import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { VmsError } from '../../../base/common/errors';
import { jsonDiff } from '../../../management/common/audit';
import type { RoleDefinition } from '../../../management/common/permissions';
import type { ViewGroup } from '../../../management/common/viewGroup';
import { canManageGroup, canSeeGroup } from '../../../management/common/viewGroup';
import { ErrorBody } from '../../common/schemas';
import { CreateViewGroupRequest, UpdateViewGroupRequest, ViewGroupSchema } from '../../common/viewGroupSchemas';
import type { ViewGroupBody } from '../../common/viewGroupSchemas';
import { audit, requireFlag } from '../access';
import type { ApiDeps } from '../apiDeps';
import { iso } from '../server';

const Params = Type.Object({ viewGroupId: Type.String() });

/*
 * View groups (rules: management/common/viewGroup.ts; docs/design/smart-client.md, "View groups"):
 * - every signed-in user lists their private groups and the shared groups shown to them;
 * - anyone may create, rename, reorder and delete their own private groups;
 * - shared groups (and whom they are shown to) are managed by configuration managers; others who
 *   see one get 403 on a change, and a group one does not see is answered 404 like no group;
 * - a group holding views, or a default group, is not deleted (409 saying why).
 * Changes are audited, which announces configurationChanged "viewGroups" to every client.
 */
export const viewGroupRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  const store = deps.config.viewGroups;
  const visible = (req: FastifyRequest, id: string): ViewGroup => {
    const group = store.get(id);
    if (!canSeeGroup(group, req.user.id, req.roles)) throw new VmsError('VMS_ERR_NOT_FOUND', `view group ${id} does not exist`);
    return group;
  };
  const manageable = (req: FastifyRequest, id: string): ViewGroup => {
    const group = visible(req, id);
    if (!canManageGroup(group, req.user.id, req.roles)) {
      throw new VmsError('VMS_ERR_PERMISSION_DENIED', 'shared view groups are changed by someone who may manage configuration');
    }
    return group;
  };
  const body = (g: ViewGroup, req: FastifyRequest) => viewGroupBody(g, store.viewCount(g.id), req.user.id, req.roles);

  app.get('/api/view-groups', {
    schema: {
      operationId: 'listViewGroups', summary: "The caller's private view groups, then the shared ones shown to them, each list in its order", tags: ['views'],
      response: { 200: Type.Array(ViewGroupSchema) },
    },
  }, async (req) => store.listVisibleTo(req.user.id, req.roles).map((g) => body(g, req)));

  app.post('/api/view-groups', {
    schema: {
      operationId: 'createViewGroup', summary: 'Create a private view group of the caller, or a shared one shown to roles (manageConfiguration)', tags: ['views'],
      body: CreateViewGroupRequest, response: { 201: ViewGroupSchema, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody },
    },
  }, async (req, reply) => {
    const { name, shared, allRoles = false, roleIds = [], position } = req.body;
    if (shared) requireFlag(req, 'manageConfiguration');
    const created = store.create({ name, shared, allRoles, roleIds }, shared ? null : req.user.id, deps.clock.now(), position);
    audit(deps, req, { action: 'createViewGroup', target: created.id, details: { viewGroup: { id: created.id, ...stored(created) } } });
    return reply.status(201).send(body(created, req));
  });

  app.patch('/api/view-groups/:viewGroupId', {
    schema: {
      operationId: 'updateViewGroup', summary: 'Rename a view group, move it in its list, or (shared groups) choose the roles it is shown to', tags: ['views'],
      params: Params, body: UpdateViewGroupRequest, response: { 200: ViewGroupSchema, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
  }, async (req) => {
    const before = manageable(req, req.params.viewGroupId);
    const after = store.update(before.id, req.body, deps.clock.now());
    audit(deps, req, { action: 'updateViewGroup', target: after.id, details: { name: after.name, changes: jsonDiff(stored(before), stored(after)) } });
    return body(after, req);
  });

  app.delete('/api/view-groups/:viewGroupId', {
    schema: {
      operationId: 'deleteViewGroup', summary: 'Delete an empty view group (409 when it holds views or is a default group)', tags: ['views'],
      params: Params, response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
  }, async (req, reply) => {
    const gone = store.delete(manageable(req, req.params.viewGroupId).id);
    audit(deps, req, { action: 'deleteViewGroup', target: gone.id, details: { viewGroup: { id: gone.id, ...stored(gone) } } });
    return reply.status(204).send(null);
  });
};

/** A group as one user sees it: its roles only for those who may change them. */
export function viewGroupBody(g: ViewGroup, viewCount: number, userId: string, roles: readonly RoleDefinition[]): ViewGroupBody {
  const editable = canManageGroup(g, userId, roles);
  return {
    id: g.id, name: g.name, shared: g.shared, ownerId: g.ownerId, allRoles: g.allRoles, roleIds: editable ? g.roleIds : [],
    position: g.position, isDefault: g.isDefault, viewCount, editable, updatedAt: iso(g.updatedAt),
  };
}

function stored(g: ViewGroup) {
  return { name: g.name, shared: g.shared, ownerId: g.ownerId, allRoles: g.allRoles, roleIds: g.roleIds, position: g.position };
}
