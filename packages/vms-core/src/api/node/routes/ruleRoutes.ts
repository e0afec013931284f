import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { jsonDiff } from '../../../management/common/audit';
import type { Rule, RuleDefinition } from '../../../rules/common/rule';
import { CreateRuleRequest, RuleParams, RuleSchema, UpdateRuleRequest } from '../../common/ruleSchemas';
import type { RuleBody } from '../../common/ruleSchemas';
import { ErrorBody } from '../../common/schemas';
import { audit, requireFlag } from '../access';
import type { ApiDeps } from '../apiDeps';
import { iso } from '../server';

export function ruleBody(r: Rule): RuleBody {
  return { ...r, createdAt: iso(r.createdAt), updatedAt: iso(r.updatedAt) } as RuleBody;
}

/*
 * Rules act on every camera of the site, so reading and changing them needs a role that may
 * manage configuration. The site's default rules (rules/common/defaultRules.ts) are rules like
 * any other: listed first, changed and deleted the same way.
 */
export const ruleRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  const { rules } = deps.eventsAndRules;

  app.get('/api/rules', {
    schema: { operationId: 'listRules', summary: 'Rules: the site\'s default ones first, then by name', tags: ['rules'], response: { 200: Type.Array(RuleSchema), 403: ErrorBody } },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    return rules.list().map(ruleBody);
  });

  app.get('/api/rules/:ruleId', {
    schema: { operationId: 'getRule', tags: ['rules'], params: RuleParams, response: { 200: RuleSchema, 403: ErrorBody, 404: ErrorBody } },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    return ruleBody(rules.get(req.params.ruleId));
  });

  app.post('/api/rules', {
    schema: {
      operationId: 'createRule', tags: ['rules'],
      summary: 'Create an event rule ("on EVENT from SOURCES [within TIME PROFILE] perform ACTIONS [and on its end STOP ACTIONS]") or a time rule',
      body: CreateRuleRequest, response: { 201: RuleSchema, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody },
    },
  }, async (req, reply) => {
    requireFlag(req, 'manageConfiguration');
    const b = req.body;
    const def = {
      ...b, description: b.description ?? '', enabled: b.enabled ?? true, stopActions: b.stopActions ?? [],
    } as unknown as RuleDefinition;
    const created = rules.create(def, deps.clock.now());
    audit(deps, req, { action: 'createRule', target: created.id, details: { rule: created } });
    return reply.status(201).send(ruleBody(created));
  });

  app.patch('/api/rules/:ruleId', {
    schema: {
      operationId: 'updateRule', summary: 'Change, enable or disable a rule; an active rule runs its stop actions before the change applies', tags: ['rules'],
      params: RuleParams, body: UpdateRuleRequest, response: { 200: RuleSchema, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    const before = rules.get(req.params.ruleId);
    const after = rules.update(req.params.ruleId, req.body as Record<string, unknown>, deps.clock.now());
    audit(deps, req, { action: 'updateRule', target: after.id, details: { changes: jsonDiff(before, after) } });
    return ruleBody(after);
  });

  app.delete('/api/rules/:ruleId', {
    schema: {
      operationId: 'deleteRule', summary: 'Delete a rule; an active rule runs its stop actions first (deleting "Start feed always" disconnects the cameras)', tags: ['rules'],
      params: RuleParams, response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
  }, async (req, reply) => {
    requireFlag(req, 'manageConfiguration');
    const gone = rules.delete(req.params.ruleId);
    audit(deps, req, { action: 'deleteRule', target: gone.id, details: { rule: gone } });
    return reply.status(204).send(null);
  });
};
