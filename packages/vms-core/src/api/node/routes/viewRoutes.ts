import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { VmsError } from '../../../base/common/errors';
import { jsonDiff } from '../../../management/common/audit';
import type { RoleDefinition } from '../../../management/common/permissions';
import type { View, ViewContent } from '../../../management/common/view';
import type { ViewGroup } from '../../../management/common/viewGroup';
import { DEFAULT_SHARED_GROUP_ID, canEditView, canSeeGroup, canSeeView, defaultPrivateGroupId } from '../../../management/common/viewGroup';
import { ErrorBody } from '../../common/schemas';
import { CreateViewRequest, UpdateViewRequest, ViewSchema } from '../../common/viewSchemas';
import type { ViewBody } from '../../common/viewSchemas';
import { audit } from '../access';
import type { ApiDeps } from '../apiDeps';
import { iso } from '../server';

const ViewParams = Type.Object({ viewId: Type.String() });

/*
 * Smart Client views (rules: management/common/viewGroup.ts; docs/design/smart-client.md, "Views"):
 * - a view is seen by whoever sees its group: a private group its owner, a shared group the
 *   roles it is shown to and configuration managers; anyone else gets 404, exactly like no view;
 * - any signed-in user may create views, in their own groups or in a shared group they see;
 *   without a groupId, `shared` picks the default group ("Private" or "Shared") as before groups;
 * - the owner may change or delete a view; one in a shared group also whoever manages
 *   configuration (403 for anyone else who can see it);
 * - an update names the revision it was based on and gets 409 VMS_ERR_STALE_REVISION when the
 *   view changed since, so two operators editing one shared view never silently overwrite.
 * Every change is audited and announced on `deps.changes` for the updates socket.
 */
export const viewRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  const groups = deps.config.viewGroups;
  const visible = (req: FastifyRequest, viewId: string): { view: View; group: ViewGroup } => {
    const view = deps.config.views.get(viewId);
    const group = groups.get(view.groupId);
    if (!canSeeView(group, req.user.id, req.roles)) throw new VmsError('VMS_ERR_NOT_FOUND', `view ${viewId} does not exist`);
    return { view, group };
  };
  const editable = (req: FastifyRequest, viewId: string): { view: View; group: ViewGroup } => {
    const found = visible(req, viewId);
    if (!canEditView(found.view, found.group, req.user.id, req.roles)) {
      throw new VmsError('VMS_ERR_PERMISSION_DENIED', 'a view in a shared group may be changed only by its owner or by someone who may manage configuration');
    }
    return found;
  };

  /**
   * The group a create or update puts the view in. A group the caller does not see reads as
   * missing (400), as a view they do not see reads 404. Making a view private without naming a
   * group returns it to its owner's "Private" group, even when a configuration manager does it.
   */
  const target = (req: FastifyRequest, body: { groupId?: string | undefined; shared?: boolean | undefined }, current?: { view: View; group: ViewGroup }): ViewGroup => {
    const { groupId, shared } = body;
    if (groupId !== undefined) {
      const group = groupOrUndefined(groupId);
      if (!group || !canSeeGroup(group, req.user.id, req.roles)) {
        throw new VmsError('VMS_ERR_BAD_INPUT', `groupId: view group ${groupId} does not exist`, { field: 'groupId' });
      }
      if (shared !== undefined && shared !== group.shared) {
        throw new VmsError('VMS_ERR_BAD_INPUT', `shared: view group ${group.name} is ${group.shared ? 'shared' : 'private'}; leave shared out or make it match`, { field: 'shared' });
      }
      return group;
    }
    if (current && (shared === undefined || shared === current.group.shared)) return current.group;
    if (shared === true) {
      const group = groups.get(DEFAULT_SHARED_GROUP_ID);
      if (!canSeeGroup(group, req.user.id, req.roles)) {
        throw new VmsError('VMS_ERR_PERMISSION_DENIED', `the shared group ${group.name} is not shown to your roles; name a shared group you see (groupId)`);
      }
      return group;
    }
    return groups.get(defaultPrivateGroupId(current?.view.ownerId ?? req.user.id));
  };
  const groupOrUndefined = (id: string): ViewGroup | undefined => {
    try {
      return groups.get(id);
    } catch {
      return undefined;
    }
  };

  app.get('/api/views', {
    schema: { operationId: 'listViews', summary: 'The views of every view group the caller sees, by name', tags: ['views'], response: { 200: Type.Array(ViewSchema) } },
  }, async (req) => {
    const seen = new Map(groups.listVisibleTo(req.user.id, req.roles).map((g) => [g.id, g]));
    return deps.config.views.listInGroups([...seen.keys()]).map((v) => viewBody(v, seen.get(v.groupId)!, req.user.id, req.roles));
  });

  app.post('/api/views', {
    schema: {
      operationId: 'createView', summary: 'Store a view (layout and a camera per tile) in a view group the caller sees', tags: ['views'],
      body: CreateViewRequest, response: { 201: ViewSchema, 400: ErrorBody, 403: ErrorBody },
    },
  }, async (req, reply) => {
    const { groupId, shared, ...content } = req.body;
    const group = target(req, { groupId, shared });
    const view = deps.config.views.create({ ...content, groupId: group.id }, req.user.id, deps.clock.now());
    audit(deps, req, { action: 'createView', target: view.id, details: { view: stored(view) } });
    deps.changes.fire({ type: 'view', action: 'upserted', view, group });
    return reply.status(201).send(viewBody(view, group, req.user.id, req.roles));
  });

  app.put('/api/views/:viewId', {
    schema: {
      operationId: 'updateView', summary: 'Replace a view, or move it to another group, based on the revision the caller read (409 VMS_ERR_STALE_REVISION when it changed since)',
      tags: ['views'], params: ViewParams, body: UpdateViewRequest, response: { 200: ViewSchema, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
  }, async (req) => {
    const before = editable(req, req.params.viewId);
    const { revision, groupId, shared, ...content } = req.body;
    const group = target(req, { groupId, shared }, before);
    const after = deps.config.views.update(before.view.id, { ...content, groupId: group.id }, revision, deps.clock.now());
    audit(deps, req, { action: 'updateView', target: after.id, details: { changes: jsonDiff(stored(before.view), stored(after)) } });
    deps.changes.fire({ type: 'view', action: 'upserted', view: after, group, before });
    return viewBody(after, group, req.user.id, req.roles);
  });

  app.delete('/api/views/:viewId', {
    schema: {
      operationId: 'deleteView', summary: 'Delete a view (the owner; in a shared group also whoever may manage configuration)', tags: ['views'],
      params: ViewParams, response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody },
    },
  }, async (req, reply) => {
    const { view: found, group } = editable(req, req.params.viewId);
    const view = deps.config.views.delete(found.id);
    audit(deps, req, { action: 'deleteView', target: view.id, details: { view: stored(view) } });
    deps.changes.fire({ type: 'view', action: 'deleted', view, group });
    return reply.status(204).send(null);
  });
};

/** A view as the API shows it to one user; `editable` is that user's right to change it. */
export function viewBody(v: View, group: ViewGroup, userId: string, roles: readonly RoleDefinition[]): ViewBody {
  return {
    id: v.id, name: v.name, groupId: v.groupId, shared: v.shared, ownerId: v.ownerId, layoutId: v.layoutId, layout: v.layout, cameraIds: v.cameraIds,
    revision: v.revision, updatedAt: iso(v.updatedAt), editable: canEditView(v, group, userId, roles),
  };
}

/** What a user chose, for the audit log: the bookkeeping (revision, times) says nothing there. */
function stored(v: View): ViewContent & { groupId: string; shared: boolean; ownerId: string } {
  return { name: v.name, groupId: v.groupId, shared: v.shared, ownerId: v.ownerId, layoutId: v.layoutId, layout: v.layout, cameraIds: v.cameraIds };
}
