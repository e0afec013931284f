import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { AlarmCloseTrigger, AlarmDefinition, AlarmDefinitionInput } from '../../../alarms/common/alarm';
import { canShareSource } from '../../../alarms/common/alarmDefinitionValidation';
import type { AlarmDefinitionPatch } from '../../../alarms/node/alarmDefinitionStore';
import type { EventType } from '../../../events/common/vmsEvent';
import { jsonDiff } from '../../../management/common/audit';
import type { EventTrigger } from '../../../rules/common/rule';
import {
  AlarmDefinitionParams, AlarmDefinitionSchema, CreateAlarmDefinitionRequest, UpdateAlarmDefinitionRequest,
} from '../../common/alarmSchemas';
import type { AlarmDefinitionBody, CreateAlarmDefinitionBody } from '../../common/alarmSchemas';
import { ErrorBody } from '../../common/schemas';
import { audit, requireFlag } from '../access';
import type { ApiDeps } from '../apiDeps';
import { iso } from '../server';

type CloseBody = NonNullable<CreateAlarmDefinitionBody['close']>;

/** The close event as stored: `sameSource` defaults to whether both events can come from one source. */
function closeTrigger(close: CloseBody, trigger: EventTrigger): AlarmCloseTrigger {
  const { sameSource, ...event } = close;
  return { ...(event as EventTrigger), sameSource: sameSource ?? canShareSource(trigger.type, event.type as EventType) };
}

/*
 * Alarm definitions decide what raises alarms for everyone, so reading and changing them needs
 * manage configuration, like rules. Changes are audited (and announce configurationChanged).
 */
export const alarmDefinitionRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  const er = deps.eventsAndRules;
  const body = (d: AlarmDefinition): AlarmDefinitionBody => ({
    ...d, openAlarms: er.alarmStore.openCount(d.id), createdAt: iso(d.createdAt), updatedAt: iso(d.updatedAt),
  } as AlarmDefinitionBody);

  app.get('/api/alarm-definitions', {
    schema: { operationId: 'listAlarmDefinitions', summary: 'Alarm definitions, by name', tags: ['alarms'], response: { 200: Type.Array(AlarmDefinitionSchema), 403: ErrorBody } },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    return er.alarmDefinitions.list().map(body);
  });

  app.get('/api/alarm-definitions/:alarmDefinitionId', {
    schema: {
      operationId: 'getAlarmDefinition', tags: ['alarms'], params: AlarmDefinitionParams,
      response: { 200: AlarmDefinitionSchema, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    return body(er.alarmDefinitions.get(req.params.alarmDefinitionId));
  });

  app.post('/api/alarm-definitions', {
    schema: {
      operationId: 'createAlarmDefinition', tags: ['alarms'],
      summary: 'Define an alarm: the event (and sources) raising it, time profile, priority, category, cameras, instructions, roles shown to, close event, sound',
      body: CreateAlarmDefinitionRequest, response: { 201: AlarmDefinitionSchema, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody },
    },
  }, async (req, reply) => {
    requireFlag(req, 'manageConfiguration');
    const b = req.body;
    const trigger = b.trigger as EventTrigger;
    const input: AlarmDefinitionInput = {
      name: b.name, description: b.description ?? '', enabled: b.enabled ?? true, trigger,
      ...(b.timeProfileId !== undefined ? { timeProfileId: b.timeProfileId } : {}),
      priority: b.priority ?? 3, category: b.category ?? '', relatedCameraIds: b.relatedCameraIds ?? [], instructions: b.instructions ?? '',
      roleIds: b.roleIds, ...(b.close ? { close: closeTrigger(b.close, trigger) } : {}), sound: b.sound ?? 'chime',
    };
    const created = er.alarmDefinitions.create(input, deps.clock.now());
    audit(deps, req, { action: 'createAlarmDefinition', target: created.id, details: { definition: created } });
    return reply.status(201).send(body(created));
  });

  app.patch('/api/alarm-definitions/:alarmDefinitionId', {
    schema: {
      operationId: 'updateAlarmDefinition', tags: ['alarms'],
      summary: 'Change an alarm definition; alarms raised before keep what it said then, and who sees them follows its roles',
      params: AlarmDefinitionParams, body: UpdateAlarmDefinitionRequest, response: { 200: AlarmDefinitionSchema, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    const before = er.alarmDefinitions.get(req.params.alarmDefinitionId);
    const { close, ...rest } = req.body;
    const patch = { ...rest } as AlarmDefinitionPatch;
    if (close !== undefined) patch.close = close === null ? null : closeTrigger(close, (rest.trigger as EventTrigger | undefined) ?? before.trigger);
    const after = er.alarmDefinitions.update(before.id, patch, deps.clock.now());
    audit(deps, req, { action: 'updateAlarmDefinition', target: after.id, details: { changes: jsonDiff(before, after) } });
    return body(after);
  });

  app.delete('/api/alarm-definitions/:alarmDefinitionId', {
    schema: {
      operationId: 'deleteAlarmDefinition', summary: 'Delete an alarm definition with no open alarms (its closed alarms stay, shown to administrators)', tags: ['alarms'],
      params: AlarmDefinitionParams, response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
  }, async (req, reply) => {
    requireFlag(req, 'manageConfiguration');
    const gone = er.alarms.deleteDefinition(req.params.alarmDefinitionId);
    audit(deps, req, { action: 'deleteAlarmDefinition', target: gone.id, details: { definition: gone } });
    return reply.status(204).send(null);
  });
};
