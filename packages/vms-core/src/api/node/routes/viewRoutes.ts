import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { VmsError } from '../../../base/common/errors';
import { jsonDiff } from '../../../management/common/audit';
import type { RoleDefinition } from '../../../management/common/permissions';
import type { View, ViewInput } from '../../../management/common/view';
import { canEditView, canSeeView } from '../../../management/common/view';
import { ErrorBody } from '../../common/schemas';
import { CreateViewRequest, UpdateViewRequest, ViewSchema } from '../../common/viewSchemas';
import type { ViewBody } from '../../common/viewSchemas';
import { audit } from '../access';
import type { ApiDeps } from '../apiDeps';
import { iso } from '../server';

const ViewParams = Type.Object({ viewId: Type.String() });

/*
 * Smart Client views (rules: management/common/view.ts; docs/design/smart-client.md, "Views"):
 * - any signed-in user may list views (their own and every shared one) and create views,
 *   private or shared;
 * - a private view of someone else is answered 404, exactly like no view: its id is a random
 *   UUID and its existence is its owner's business;
 * - the owner may change or delete a view; a shared one also whoever manages configuration
 *   (403 for anyone else who can see it);
 * - an update names the revision it was based on and gets 409 VMS_ERR_STALE_REVISION when the
 *   view changed since, so two operators editing one shared view never silently overwrite.
 * Every change is audited and announced on `deps.changes` for the updates socket.
 */
export const viewRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  const visible = (req: FastifyRequest, viewId: string): View => {
    const view = deps.config.views.get(viewId);
    if (!canSeeView(view, req.user.id)) throw new VmsError('VMS_ERR_NOT_FOUND', `view ${viewId} does not exist`);
    return view;
  };
  const editable = (req: FastifyRequest, viewId: string): View => {
    const view = visible(req, viewId);
    if (!canEditView(view, req.user.id, req.roles)) {
      throw new VmsError('VMS_ERR_PERMISSION_DENIED', 'a shared view may be changed only by its owner or by someone who may manage configuration');
    }
    return view;
  };

  app.get('/api/views', {
    schema: { operationId: 'listViews', summary: "The caller's own views and every shared view, by name", tags: ['views'], response: { 200: Type.Array(ViewSchema) } },
  }, async (req) => deps.config.views.listVisibleTo(req.user.id).map((v) => viewBody(v, req.user.id, req.roles)));

  app.post('/api/views', {
    schema: {
      operationId: 'createView', summary: 'Store a view (layout and a camera per tile), private or shared with every user', tags: ['views'],
      body: CreateViewRequest, response: { 201: ViewSchema, 400: ErrorBody },
    },
  }, async (req, reply) => {
    const view = deps.config.views.create(req.body, req.user.id, deps.clock.now());
    audit(deps, req, { action: 'createView', target: view.id, details: { view: stored(view) } });
    deps.changes.fire({ type: 'view', action: 'upserted', view });
    return reply.status(201).send(viewBody(view, req.user.id, req.roles));
  });

  app.put('/api/views/:viewId', {
    schema: {
      operationId: 'updateView', summary: 'Replace a view, based on the revision the caller read (409 VMS_ERR_STALE_REVISION when it changed since)',
      tags: ['views'], params: ViewParams, body: UpdateViewRequest, response: { 200: ViewSchema, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
  }, async (req) => {
    const before = editable(req, req.params.viewId);
    const { revision, ...input } = req.body;
    const after = deps.config.views.update(before.id, input, revision, deps.clock.now());
    audit(deps, req, { action: 'updateView', target: after.id, details: { changes: jsonDiff(stored(before), stored(after)) } });
    deps.changes.fire({ type: 'view', action: 'upserted', view: after, before });
    return viewBody(after, req.user.id, req.roles);
  });

  app.delete('/api/views/:viewId', {
    schema: {
      operationId: 'deleteView', summary: 'Delete a view (the owner; for a shared view also whoever may manage configuration)', tags: ['views'],
      params: ViewParams, response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody },
    },
  }, async (req, reply) => {
    const view = deps.config.views.delete(editable(req, req.params.viewId).id);
    audit(deps, req, { action: 'deleteView', target: view.id, details: { view: stored(view) } });
    deps.changes.fire({ type: 'view', action: 'deleted', view });
    return reply.status(204).send(null);
  });
};

/** A view as the API shows it to one user; `editable` is that user's right to change it. */
export function viewBody(v: View, userId: string, roles: readonly RoleDefinition[]): ViewBody {
  return {
    id: v.id, name: v.name, shared: v.shared, ownerId: v.ownerId, layoutId: v.layoutId, layout: v.layout, cameraIds: v.cameraIds,
    revision: v.revision, updatedAt: iso(v.updatedAt), editable: canEditView(v, userId, roles),
  };
}

/** What a user chose, for the audit log: the bookkeeping (revision, times) says nothing there. */
function stored(v: View): ViewInput & { ownerId: string } {
  return { name: v.name, shared: v.shared, ownerId: v.ownerId, layoutId: v.layoutId, layout: v.layout, cameraIds: v.cameraIds };
}
