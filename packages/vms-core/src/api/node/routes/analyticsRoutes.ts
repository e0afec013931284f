import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { VmsError } from '../../../base/common/errors';
import { jsonDiff } from '../../../management/common/audit';
import type { AnalyticsSource } from '../../../events/common/analyticsEvent';
import { ANALYTICS_LIMITS } from '../../../events/common/analyticsEvent';
import { analyticsEventFromXml } from '../../../events/node/analyticsXml';
import {
  ANALYTICS_XML_EXAMPLE, AnalyticsEventAccepted, AnalyticsEventRequest, AnalyticsSourceParams, AnalyticsSourceSchema, CreateAnalyticsSourceRequest,
  UpdateAnalyticsSourceRequest,
} from '../../common/analyticsSchemas';
import { ErrorBody } from '../../common/schemas';
import { audit, requireFlag } from '../access';
import type { ApiDeps } from '../apiDeps';
import { iso } from '../server';

export const ANALYTICS_TOKEN_HEADER = 'x-analytics-token';
const XML_TYPES = ['application/xml', 'text/xml'];

/*
 * POST /api/analytics-events is for machines, not users: it takes no bearer token. The analytics
 * source named in the body must be configured, and the request must come from one of its
 * addresses and carry its token when it has one (403 otherwise); the handler checks all of it
 * (AnalyticsEventService). Configuring sources needs manage configuration and is audited.
 */
export const analyticsRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  const er = deps.eventsAndRules;
  // XML arrives as text (scoped to this plugin); the handler turns it into the JSON shape.
  app.addContentTypeParser(XML_TYPES, { parseAs: 'string' }, (_req, body, done) => done(null, body));
  const sourceBody = (s: AnalyticsSource) => ({ ...s, createdAt: iso(s.createdAt), updatedAt: iso(s.updatedAt), usedBy: er.rules.usingDefinition(s.id) });

  app.post('/api/analytics-events', {
    bodyLimit: ANALYTICS_LIMITS.maxBodyBytes,
    schema: {
      operationId: 'sendAnalyticsEvent', tags: ['events'], security: [],
      summary: 'An outside analytics system reports an event; raised on the event server as an analytics event from its source',
      description: 'No bearer token: the source named in the body must be configured (listAnalyticsSources), the request must come from one of ' +
        `its allowed addresses, and carry its token in ${ANALYTICS_TOKEN_HEADER} when it has one; otherwise 403 VMS_ERR_SOURCE_NOT_ALLOWED ` +
        '(logged in the system log, at most once a minute per sender). Beyond the source\'s rate: 429 VMS_ERR_RATE_LIMITED with Retry-After. ' +
        `Bodies over ${ANALYTICS_LIMITS.maxBodyBytes / 1024} KiB: 413. XML: elements named as the JSON fields with a capital first letter ` +
        `(attributes work too), lists as <Objects><Object>, <Locations><Location>; e.g. ${ANALYTICS_XML_EXAMPLE}`,
      headers: Type.Object({ [ANALYTICS_TOKEN_HEADER]: Type.Optional(Type.String({ description: 'the source\'s shared token, when it has one' })) }),
      body: {
        content: {
          'application/json': { schema: AnalyticsEventRequest },
          'application/xml': { schema: Type.String({ description: 'the same fields as XML (see the description)' }) },
          'text/xml': { schema: Type.String() },
        },
      },
      response: { 202: AnalyticsEventAccepted, 400: ErrorBody, 403: ErrorBody, 413: ErrorBody, 415: ErrorBody, 429: ErrorBody },
    },
  }, async (req, reply) => {
    let body: unknown = req.body;
    const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    // fastify parses text/plain for every route; this one takes only JSON and XML.
    if (mediaType !== 'application/json' && !XML_TYPES.includes(mediaType)) {
      throw Object.assign(new Error(`content-type ${mediaType || '(none)'}: send application/json, application/xml or text/xml`), { statusCode: 415 });
    }
    if (typeof body === 'string') {
      const xml = analyticsEventFromXml(body);
      if (!xml.ok) throw new VmsError('VMS_ERR_BAD_INPUT', xml.message);
      body = xml.value;
    }
    const token = req.headers[ANALYTICS_TOKEN_HEADER];
    const e = er.analytics.accept({ body, from: req.ip, ...(typeof token === 'string' ? { token } : {}) });
    return reply.status(202).send({ eventId: e.id, at: iso(e.at) });
  });

  app.get('/api/analytics-sources', {
    schema: {
      operationId: 'listAnalyticsSources', summary: 'Outside analytics systems allowed to send events', tags: ['events'],
      response: { 200: Type.Array(AnalyticsSourceSchema), 403: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    return er.analyticsSources.list().map(sourceBody);
  });

  app.post('/api/analytics-sources', {
    schema: {
      operationId: 'createAnalyticsSource', summary: 'Allow an analytics system to send events: its name, addresses and optional token', tags: ['events'],
      body: CreateAnalyticsSourceRequest, response: { 201: AnalyticsSourceSchema, 400: ErrorBody, 403: ErrorBody, 409: ErrorBody },
    },
  }, async (req, reply) => {
    requireFlag(req, 'manageConfiguration');
    const created = er.analyticsSources.create(req.body, deps.clock.now());
    audit(deps, req, { action: 'createAnalyticsSource', target: created.id, details: { source: created } });
    return reply.status(201).send(sourceBody(created));
  });

  app.patch('/api/analytics-sources/:analyticsSourceId', {
    schema: {
      operationId: 'updateAnalyticsSource', summary: 'Change an analytics source; rules keep using it by id', tags: ['events'],
      params: AnalyticsSourceParams, body: UpdateAnalyticsSourceRequest, response: { 200: AnalyticsSourceSchema, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    const before = er.analyticsSources.get(req.params.analyticsSourceId);
    const after = er.analyticsSources.update(before.id, req.body, deps.clock.now());
    const changes = jsonDiff(before, after);
    // A new token leaves hasToken as it was: still say it changed (jsonDiff hides its value anyway).
    const tokenChanged = req.body.token !== undefined;
    audit(deps, req, { action: 'updateAnalyticsSource', target: after.id, details: { changes, ...(tokenChanged ? { tokenChanged: true } : {}) } });
    return sourceBody(after);
  });

  app.delete('/api/analytics-sources/:analyticsSourceId', {
    schema: {
      operationId: 'deleteAnalyticsSource', summary: 'Stop accepting a source\'s events; refused while rules trigger on them', tags: ['events'],
      params: AnalyticsSourceParams, response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
    },
  }, async (req, reply) => {
    requireFlag(req, 'manageConfiguration');
    const id = req.params.analyticsSourceId;
    const gone = er.analyticsSources.delete(id, er.rules.usingDefinition(id));
    audit(deps, req, { action: 'deleteAnalyticsSource', target: gone.id, details: { source: gone } });
    return reply.status(204).send(null);
  });
};
