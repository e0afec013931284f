import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorBody } from '../../common/schemas';
import { AuditEntrySchema, AuditQuery } from '../../common/securitySchemas';
import { requireFlag } from '../access';
import type { ApiDeps } from '../apiDeps';
import { iso, parseInstant } from '../server';

/**
 * Reading the audit log needs the manage-users flag: it shows who signed in from where and
 * what every account did, which is the business of whoever administers accounts.
 */
export const auditRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/audit-log', {
    schema: {
      operationId: 'listAuditLog', summary: 'Sign-ins, sign-outs, configuration and rights changes, evidence locks; oldest first unless asked newest first', tags: ['users'],
      querystring: AuditQuery, response: { 200: Type.Array(AuditEntrySchema), 400: ErrorBody, 403: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageUsers');
    const q = req.query;
    return deps.audit.list({
      ...(q.from ? { from: parseInstant(q.from, 'from') } : {}), ...(q.to ? { to: parseInstant(q.to, 'to') } : {}),
      ...(q.userId ? { userId: q.userId } : {}), ...(q.action ? { action: q.action } : {}), ...(q.target ? { target: q.target } : {}),
      ...(q.afterId !== undefined ? { afterId: q.afterId } : {}), ...(q.beforeId !== undefined ? { beforeId: q.beforeId } : {}),
      ...(q.order === 'newestFirst' ? { newestFirst: true } : {}), ...(q.text ? { text: q.text } : {}), ...(q.limit ? { limit: q.limit } : {}),
    }).map((e) => ({ ...e, at: iso(e.at) }));
  });
};
