import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { VmsError } from '../../../base/common/errors';
import { jsonDiff } from '../../../management/common/audit';
import { hasAdminFlag } from '../../../management/common/permissions';
import type { GenericEvent, GenericEventSource, UserDefinedEvent } from '../../../events/common/definedEvents';
import {
  CreateGenericEventRequest, CreateGenericEventSourceRequest, CreateUserDefinedEventRequest, GenericEventSchema, GenericEventSourceParams,
  GenericEventSourceSchema, TriggerUserDefinedEventResponse, UpdateGenericEventRequest, UpdateGenericEventSourceRequest, UpdateUserDefinedEventRequest,
  UserDefinedEventSchema,
} from '../../common/eventSchemas';
import { ErrorBody } from '../../common/schemas';
import { allowsCameraRight, audit, requireFlag } from '../access';
import type { ApiDeps } from '../apiDeps';
import { iso } from '../server';

const UserDefinedParams = Type.Object({ userDefinedEventId: Type.String() });
const GenericParams = Type.Object({ genericEventId: Type.String() });

/*
 * Rights: defining events (user-defined and generic, and the generic listeners) needs manage
 * configuration. Listing and triggering user-defined events is what operators do from the
 * Smart Client: it needs manage configuration or the live right on at least one camera now.
 */
export const eventDefinitionRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  const er = deps.eventsAndRules;
  const times = <T extends { createdAt: number; updatedAt: number }>(x: T) => ({ ...x, createdAt: iso(x.createdAt), updatedAt: iso(x.updatedAt) });
  const userDefinedBody = (e: UserDefinedEvent) => ({ ...times(e), usedBy: er.rules.usingDefinition(e.id) });
  const genericBody = (e: GenericEvent) => ({ ...times(e), usedBy: er.rules.usingDefinition(e.id) });
  const sourceBody = (s: GenericEventSource) => {
    const status = er.generic.status().find((x) => x.sourceId === s.id);
    return { ...times(s), listening: status?.listening ?? false, ...(status?.port !== undefined ? { boundPort: status.port } : {}), ...(status?.error ? { error: status.error } : {}) };
  };
  const requireOperator = (req: FastifyRequest) => {
    if (hasAdminFlag(req.roles, 'manageConfiguration')) return;
    const now = deps.clock.now();
    if (!deps.config.listCameras().some((c) => allowsCameraRight(req, now, c.id, 'live'))) {
      throw new VmsError('VMS_ERR_PERMISSION_DENIED', 'this needs a role that may manage configuration or watch live video of some camera');
    }
  };

  app.get('/api/user-defined-events', {
    schema: { operationId: 'listUserDefinedEvents', summary: 'User-defined events operators can trigger', tags: ['events'], response: { 200: Type.Array(UserDefinedEventSchema), 403: ErrorBody } },
  }, async (req) => {
    requireOperator(req);
    return er.userDefinedEvents.list().map(userDefinedBody);
  });

  app.post('/api/user-defined-events', {
    schema: {
      operationId: 'createUserDefinedEvent', summary: 'Define an event operators, the API and rules can trigger', tags: ['events'],
      body: CreateUserDefinedEventRequest, response: { 201: UserDefinedEventSchema, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody },
    },
  }, async (req, reply) => {
    requireFlag(req, 'manageConfiguration');
    const created = er.userDefinedEvents.create(req.body, deps.clock.now());
    audit(deps, req, { action: 'createUserDefinedEvent', target: created.id, details: { event: created } });
    return reply.status(201).send(userDefinedBody(created));
  });

  app.patch('/api/user-defined-events/:userDefinedEventId', {
    schema: {
      operationId: 'updateUserDefinedEvent', summary: 'Rename a user-defined event or change its description; rules keep using it', tags: ['events'],
      params: UserDefinedParams, body: UpdateUserDefinedEventRequest, response: { 200: UserDefinedEventSchema, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    const before = er.userDefinedEvents.get(req.params.userDefinedEventId);
    const after = er.userDefinedEvents.update(before.id, req.body, deps.clock.now());
    audit(deps, req, { action: 'updateUserDefinedEvent', target: after.id, details: { changes: jsonDiff(before, after) } });
    return userDefinedBody(after);
  });

  app.delete('/api/user-defined-events/:userDefinedEventId', {
    schema: { operationId: 'deleteUserDefinedEvent', summary: 'Delete a user-defined event no rule uses', tags: ['events'], params: UserDefinedParams, response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } },
  }, async (req, reply) => {
    requireFlag(req, 'manageConfiguration');
    const id = req.params.userDefinedEventId;
    const gone = er.userDefinedEvents.delete(id, er.rules.usingDefinition(id));
    audit(deps, req, { action: 'deleteUserDefinedEvent', target: id, details: { event: gone } });
    return reply.status(204).send(null);
  });

  app.post('/api/user-defined-events/:userDefinedEventId/trigger', {
    schema: {
      operationId: 'triggerUserDefinedEvent', summary: 'Raise a user-defined event now (audited); rules on it run at once', tags: ['events'],
      params: UserDefinedParams, response: { 200: TriggerUserDefinedEventResponse, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (req) => {
    requireOperator(req);
    const e = er.triggerUserDefinedEvent(req.params.userDefinedEventId, { username: req.user.username });
    audit(deps, req, { action: 'triggerUserDefinedEvent', target: req.params.userDefinedEventId, details: { eventId: e.id } });
    return { eventId: e.id, at: iso(e.at) };
  });

  app.get('/api/generic-event-sources', {
    schema: { operationId: 'listGenericEventSources', summary: 'TCP and UDP listeners for generic events, with whether each is listening', tags: ['events'], response: { 200: Type.Array(GenericEventSourceSchema), 403: ErrorBody } },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    return er.genericEvents.listSources().map(sourceBody);
  });

  app.post('/api/generic-event-sources', {
    schema: {
      operationId: 'createGenericEventSource', summary: 'Open a TCP or UDP listener for generic events', tags: ['events'],
      body: CreateGenericEventSourceRequest, response: { 201: GenericEventSourceSchema, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody },
    },
  }, async (req, reply) => {
    requireFlag(req, 'manageConfiguration');
    const created = er.genericEvents.createSource(req.body, deps.clock.now());
    await er.generic.reload();
    audit(deps, req, { action: 'createGenericEventSource', target: created.id, details: { source: created } });
    return reply.status(201).send(sourceBody(created));
  });

  app.patch('/api/generic-event-sources/:sourceId', {
    schema: {
      operationId: 'updateGenericEventSource', summary: 'Change a generic event listener (port, allowed addresses, separators...); it reopens at once', tags: ['events'],
      params: GenericEventSourceParams, body: UpdateGenericEventSourceRequest, response: { 200: GenericEventSourceSchema, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    const before = er.genericEvents.getSource(req.params.sourceId);
    const after = er.genericEvents.updateSource(req.params.sourceId, req.body, deps.clock.now());
    await er.generic.reload();
    audit(deps, req, { action: 'updateGenericEventSource', target: after.id, details: { changes: jsonDiff(before, after) } });
    return sourceBody(after);
  });

  app.delete('/api/generic-event-sources/:sourceId', {
    schema: {
      operationId: 'deleteGenericEventSource', summary: 'Close and delete a generic event listener no generic event lists', tags: ['events'],
      params: GenericEventSourceParams, response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
  }, async (req, reply) => {
    requireFlag(req, 'manageConfiguration');
    const gone = er.genericEvents.deleteSource(req.params.sourceId);
    await er.generic.reload();
    audit(deps, req, { action: 'deleteGenericEventSource', target: gone.id, details: { source: gone } });
    return reply.status(204).send(null);
  });

  app.get('/api/generic-events', {
    schema: { operationId: 'listGenericEvents', summary: 'Generic events, by priority', tags: ['events'], response: { 200: Type.Array(GenericEventSchema), 403: ErrorBody } },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    return er.genericEvents.listEvents().map(genericBody);
  });

  app.post('/api/generic-events', {
    schema: {
      operationId: 'createGenericEvent', summary: 'Define a generic event: a match expression over the messages of some or all sources, with a priority', tags: ['events'],
      body: CreateGenericEventRequest, response: { 201: GenericEventSchema, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody },
    },
  }, async (req, reply) => {
    requireFlag(req, 'manageConfiguration');
    const b = req.body;
    const created = er.genericEvents.createEvent({
      name: b.name, description: b.description ?? '', expressionType: b.expressionType, expression: b.expression,
      caseSensitive: b.caseSensitive ?? false, priority: b.priority ?? 0, sourceIds: b.sourceIds ?? [], enabled: b.enabled ?? true,
    }, deps.clock.now());
    await er.generic.reload();
    audit(deps, req, { action: 'createGenericEvent', target: created.id, details: { event: created } });
    return reply.status(201).send(genericBody(created));
  });

  app.patch('/api/generic-events/:genericEventId', {
    schema: {
      operationId: 'updateGenericEvent', summary: 'Change a generic event (match expression, priority, sources, enabled); listeners match with it at once', tags: ['events'],
      params: GenericParams, body: UpdateGenericEventRequest, response: { 200: GenericEventSchema, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    const before = er.genericEvents.getEvent(req.params.genericEventId);
    const after = er.genericEvents.updateEvent(before.id, req.body, deps.clock.now());
    await er.generic.reload();
    audit(deps, req, { action: 'updateGenericEvent', target: after.id, details: { changes: jsonDiff(before, after) } });
    return genericBody(after);
  });

  app.delete('/api/generic-events/:genericEventId', {
    schema: { operationId: 'deleteGenericEvent', summary: 'Delete a generic event no rule uses', tags: ['events'], params: GenericParams, response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } },
  }, async (req, reply) => {
    requireFlag(req, 'manageConfiguration');
    const id = req.params.genericEventId;
    const gone = er.genericEvents.deleteEvent(id, er.rules.usingDefinition(id));
    await er.generic.reload();
    audit(deps, req, { action: 'deleteGenericEvent', target: id, details: { event: gone } });
    return reply.status(204).send(null);
  });
};
