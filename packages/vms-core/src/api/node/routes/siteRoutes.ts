import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { jsonDiff } from '../../../management/common/audit';
import type { RecordingServerRecord } from '../../../management/common/siteInfo';
import { ErrorBody } from '../../common/schemas';
import { RecordingServerSchema, SiteSchema, UpdateRecordingServerRequest, UpdateSiteRequest } from '../../common/siteSchemas';
import { audit, requireFlag } from '../access';
import type { ApiDeps } from '../apiDeps';

/**
 * The site's name and description, and its recording servers. Every signed-in user may read
 * the site (clients show its name); servers and all changes need manageConfiguration.
 */
export const siteRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  const serverBody = (s: RecordingServerRecord) => {
    const contents = deps.config.site.serverContents().get(s.id);
    const names = new Map(deps.config.listStorages().map((st) => [st.id, st.name]));
    return {
      ...s,
      // The local server is this process: if the API answers, so does it.
      state: s.local ? 'online' as const : 'unknown' as const,
      cameras: contents?.cameras ?? 0, enabledCameras: contents?.enabledCameras ?? 0,
      storages: (contents?.storageIds ?? []).map((id) => ({ id, name: names.get(id) ?? id })),
    };
  };

  app.get('/api/site', {
    schema: { operationId: 'getSite', summary: 'Name and description of the site', tags: ['site'], response: { 200: SiteSchema } },
  }, async () => deps.config.site.getSite());

  app.patch('/api/site', {
    schema: {
      operationId: 'updateSite', summary: 'Rename the site or change its description', tags: ['site'],
      body: UpdateSiteRequest, response: { 200: SiteSchema, 400: ErrorBody, 403: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    const before = deps.config.site.getSite();
    const after = deps.config.site.updateSite(req.body, deps.clock.now());
    audit(deps, req, { action: 'updateSite', target: null, details: { changes: jsonDiff(before, after) } });
    return after;
  });

  app.get('/api/recording-servers', {
    schema: {
      operationId: 'listRecordingServers', summary: 'Recording servers with their cameras and storages (one, local, in an all-in-one site)', tags: ['site'],
      response: { 200: Type.Array(RecordingServerSchema), 403: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    return deps.config.site.listRecordingServers().map(serverBody);
  });

  app.patch('/api/recording-servers/:serverId', {
    schema: {
      operationId: 'updateRecordingServer', summary: 'Rename a recording server or change its description', tags: ['site'],
      params: Type.Object({ serverId: Type.String() }), body: UpdateRecordingServerRequest,
      response: { 200: RecordingServerSchema, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    const before = deps.config.site.getRecordingServer(req.params.serverId);
    const after = deps.config.site.updateRecordingServer(req.params.serverId, req.body);
    audit(deps, req, { action: 'updateRecordingServer', target: after.id, details: { changes: jsonDiff(before, after) } });
    return serverBody(after);
  });
};
