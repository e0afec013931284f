import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { jsonDiff } from '../../../management/common/audit';
import { LogSettingsSchema, RuleLogEntrySchema, RuleLogQuery, SystemLogEntrySchema, SystemLogQuery, UpdateLogSettingsRequest } from '../../common/eventSchemas';
import { ErrorBody } from '../../common/schemas';
import { audit, requireFlag } from '../access';
import type { ApiDeps } from '../apiDeps';
import { iso, parseInstant } from '../server';

/*
 * The system log and the rule log speak of the whole site (every camera, storage and rule), so
 * reading them and changing their level and retention needs manage configuration. Newest
 * first; page with `beforeSeq`.
 */
export const logRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  const er = deps.eventsAndRules;
  const range = (q: { from?: string; to?: string }) => ({
    ...(q.from !== undefined ? { from: parseInstant(q.from, 'from') } : {}),
    ...(q.to !== undefined ? { to: parseInstant(q.to, 'to') } : {}),
  });

  app.get('/api/system-log', {
    schema: {
      operationId: 'listSystemLog', summary: 'What the site reported (errors, warnings, information), newest first; filter by time, level and source', tags: ['logs'],
      querystring: SystemLogQuery, response: { 200: Type.Array(SystemLogEntrySchema), 400: ErrorBody, 403: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    const { from: _from, to: _to, ...q } = req.query;
    return er.systemLog.list({ ...q, ...range(req.query) }).map((e) => ({ ...e, at: iso(e.at) }));
  });

  app.get('/api/rule-log', {
    schema: {
      operationId: 'listRuleLog', summary: 'What the rules did: each start, stop and action with its outcome, newest first', tags: ['logs'],
      querystring: RuleLogQuery, response: { 200: Type.Array(RuleLogEntrySchema), 400: ErrorBody, 403: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    const { from: _from, to: _to, ...q } = req.query;
    return er.ruleLog.list({ ...q, ...range(req.query) }).map((e) => ({ ...e, at: iso(e.at) }));
  });

  app.get('/api/log-settings', {
    schema: { operationId: 'getLogSettings', summary: 'System log level and the retention of the system and rule logs and of closed alarms', tags: ['logs'], response: { 200: LogSettingsSchema, 403: ErrorBody } },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    return er.systemLog.settings();
  });

  app.patch('/api/log-settings', {
    schema: {
      operationId: 'updateLogSettings', summary: 'Change the system log level or the retention of the logs and closed alarms (older entries go at the next hourly pass)', tags: ['logs'],
      body: UpdateLogSettingsRequest, response: { 200: LogSettingsSchema, 400: ErrorBody, 403: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    const before = er.systemLog.settings();
    const after = er.systemLog.updateSettings(req.body);
    audit(deps, req, { action: 'updateLogSettings', target: null, details: { changes: jsonDiff(before, after) } });
    return after;
  });
};
