import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Alarm, AlarmDetails, AlarmState } from '../../../alarms/common/alarm';
import type { AlarmChange } from '../../../alarms/common/alarmChanges';
import { VmsError } from '../../../base/common/errors';
import { isAdministrators } from '../../../management/common/permissions';
import {
  AlarmDetailsSchema, AlarmListQuery, AlarmListResponse, AlarmParams, BulkUpdateAlarmsRequest, BulkUpdateAlarmsResponse, UpdateAlarmRequest,
} from '../../common/alarmSchemas';
import type { AlarmBody, AlarmDetailsBody } from '../../common/alarmSchemas';
import { ErrorBody } from '../../common/schemas';
import { audit, canSeeCamera, isAdministrator } from '../access';
import type { ApiDeps } from '../apiDeps';
import { iso, parseInstant } from '../server';

/*
 * Who sees an alarm: administrators every one; anyone else the alarms of the definitions shown
 * to one of their roles (as the definition is now). Seeing an alarm is what handling it needs:
 * changing state, assigning and commenting. Camera rights do not hide an alarm — its definition
 * decided who should react — but the body names only cameras the caller may see: other related
 * cameras are left out, and a source camera the caller may not see loses its id and name (as
 * playback says "Camera not available").
 */
export const alarmRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  const er = deps.eventsAndRules;
  const roleIds = (req: FastifyRequest) => req.roles.map((r) => r.id);
  const shown = (req: FastifyRequest, alarm: Alarm) => er.alarms.shownTo(alarm, roleIds(req), isAdministrator(req));
  const requireShown = (req: FastifyRequest, alarm: Alarm) => {
    if (!shown(req, alarm)) throw new VmsError('VMS_ERR_PERMISSION_DENIED', `alarm ${alarm.id} is not shown to any of your roles`);
  };

  /** User names by id, looked up once per request; a deleted user keeps its id. */
  const namer = () => {
    const names = new Map<string, string | undefined>();
    return (id: string): string | undefined => {
      if (!names.has(id)) {
        try {
          names.set(id, deps.identity.getUser(id).username);
        } catch {
          names.set(id, undefined);
        }
      }
      return names.get(id);
    };
  };

  const alarmBody = (req: FastifyRequest, a: Alarm, name: (id: string) => string | undefined): AlarmBody => {
    const hiddenSource = a.source.kind === 'camera' && !canSeeCamera(req, a.source.id);
    const { cameraId, ...data } = a.event.data ?? {};
    const keepData = cameraId === undefined || canSeeCamera(req, cameraId) ? a.event.data : data;
    const assigneeName = a.assigneeId !== undefined ? name(a.assigneeId) : undefined;
    const { closedAt, ...rest } = a;
    return {
      ...rest, raisedAt: iso(a.raisedAt), updatedAt: iso(a.updatedAt), ...(closedAt !== undefined ? { closedAt: iso(closedAt) } : {}),
      source: hiddenSource ? { kind: a.source.kind } : a.source,
      event: { ...a.event, at: iso(a.event.at), ...(keepData ? { data: keepData } : {}) },
      relatedCameraIds: a.relatedCameraIds.filter((c) => canSeeCamera(req, c)),
      ...(assigneeName !== undefined ? { assigneeName } : {}),
    };
  };

  const detailsBody = (req: FastifyRequest, a: AlarmDetails): AlarmDetailsBody => {
    const name = namer();
    const person = (id: string | undefined) => (id === undefined ? undefined : (name(id) ?? id));
    return {
      ...alarmBody(req, a, name),
      comments: a.comments.map((c) => ({ ...c, at: iso(c.at) })),
      history: a.history.map((h) => {
        const from = h.action === 'assignee' ? person(h.from) : h.from;
        const to = h.action === 'assignee' ? person(h.to) : h.to;
        return { ...h, at: iso(h.at), ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
      }),
    };
  };

  /** A new assignee must exist and be shown the alarm, or they could not open what they were given. */
  const checkAssignee = (alarm: Alarm, userId: string) => {
    let username: string;
    try {
      username = deps.identity.getUser(userId).username;
    } catch {
      throw new VmsError('VMS_ERR_BAD_INPUT', `assigneeId: user ${userId} does not exist`, { field: 'assigneeId' });
    }
    const roles = deps.roles.rolesOfUser(userId);
    if (!er.alarms.shownTo(alarm, roles.map((r) => r.id), roles.some(isAdministrators))) {
      throw new VmsError('VMS_ERR_BAD_INPUT', `assigneeId: ${username} is not shown this alarm (no role of the alarm definition)`, { field: 'assigneeId' });
    }
  };

  app.get('/api/alarms', {
    schema: {
      operationId: 'listAlarms', tags: ['alarms'],
      summary: 'The alarms shown to the caller, newest (or highest priority) first; filter by state, priority, category, time, assignee, text; keyset pages with the total',
      querystring: AlarmListQuery, response: { 200: AlarmListResponse, 400: ErrorBody },
    },
  }, async (req) => {
    const q = req.query;
    const definitionIds = er.alarms.shownDefinitionIds(roleIds(req), isAdministrator(req));
    const page = er.alarmStore.list({
      ...(q.state ? { states: q.state as AlarmState[] } : {}), ...(q.priority ? { priorities: q.priority } : {}),
      ...(q.category !== undefined ? { category: q.category } : {}),
      ...(q.from !== undefined ? { from: parseInstant(q.from, 'from') } : {}), ...(q.to !== undefined ? { to: parseInstant(q.to, 'to') } : {}),
      ...(q.assigneeId !== undefined ? { assigneeId: q.assigneeId } : {}), ...(q.text !== undefined ? { text: q.text } : {}),
      ...(definitionIds ? { definitionIds } : {}), ...(q.sort ? { sort: q.sort as 'time' | 'priority' } : {}),
      ...(q.cursor !== undefined ? { cursor: q.cursor } : {}), ...(q.limit !== undefined ? { limit: q.limit } : {}),
    });
    const name = namer();
    return { alarms: page.alarms.map((a) => alarmBody(req, a, name)), total: page.total, ...(page.nextCursor ? { nextCursor: page.nextCursor } : {}) };
  });

  app.get('/api/alarms/:alarmId', {
    schema: {
      operationId: 'getAlarm', summary: 'An alarm with its comments and history', tags: ['alarms'],
      params: AlarmParams, response: { 200: AlarmDetailsSchema, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (req) => {
    const alarm = er.alarmStore.details(req.params.alarmId);
    requireShown(req, alarm);
    return detailsBody(req, alarm);
  });

  app.patch('/api/alarms/:alarmId', {
    schema: {
      operationId: 'updateAlarm', tags: ['alarms'],
      summary: 'Change an alarm\'s state, assignee or both, and/or comment on it, in one step; answers the alarm with comments and history',
      params: AlarmParams, body: UpdateAlarmRequest, response: { 200: AlarmDetailsSchema, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (req) => {
    const alarm = er.alarmStore.get(req.params.alarmId);
    requireShown(req, alarm);
    const b = req.body;
    if (typeof b.assigneeId === 'string') checkAssignee(alarm, b.assigneeId);
    const change: AlarmChange = {
      ...(b.state !== undefined ? { state: b.state as AlarmState } : {}),
      ...(b.assigneeId !== undefined ? { assigneeId: b.assigneeId } : {}),
      ...(b.comment !== undefined ? { comment: b.comment } : {}),
    };
    const after = er.alarms.update(alarm.id, change, { userId: req.user.id, username: req.user.username });
    audit(deps, req, { action: 'updateAlarm', target: String(alarm.id), details: { ...change, stateBefore: alarm.state, stateAfter: after.state } });
    return detailsBody(req, er.alarmStore.details(after.id));
  });

  app.post('/api/alarms/bulk', {
    schema: {
      operationId: 'bulkUpdateAlarms', tags: ['alarms'],
      summary: 'Acknowledge (In progress) or close several alarms at once: all of them or, when one cannot be (400 naming alarmIds[i]), none',
      body: BulkUpdateAlarmsRequest, response: { 200: BulkUpdateAlarmsResponse, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (req) => {
    const { alarmIds, action } = req.body;
    for (const id of alarmIds) requireShown(req, er.alarmStore.get(id));
    const alarms = er.alarms.bulk(alarmIds, action as 'acknowledge' | 'close', { userId: req.user.id, username: req.user.username });
    audit(deps, req, { action: 'bulkUpdateAlarms', target: null, details: { action, alarmIds } });
    const name = namer();
    return { alarms: alarms.map((a) => alarmBody(req, a, name)) };
  });
};
