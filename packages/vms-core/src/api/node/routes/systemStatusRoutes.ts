import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorBody } from '../../common/schemas';
import { SystemStatusSchema } from '../../common/systemStatusSchemas';
import { ServerMonitor } from '../../../recording/node/serverMonitor';
import { requireFlag } from '../access';
import type { ApiDeps } from '../apiDeps';
import { iso } from '../server';

/**
 * The system monitor. It shows every camera and storage of the site and the machine's load,
 * so it needs manageConfiguration; operators see their cameras' state through getCameraStatus.
 */
export const systemStatusRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  // Holds counters only (no timers or handles): nothing to close with the server.
  const monitor = new ServerMonitor(deps);

  app.get('/api/system/status', {
    schema: {
      operationId: 'getSystemStatus', summary: 'Per recording server: CPU, memory, disk use and write rate per storage, per camera fps, bitrate and state', tags: ['site'],
      response: { 200: SystemStatusSchema, 403: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    // All-in-one: the local server is the one this process runs; remote servers report later.
    const local = deps.config.site.listRecordingServers().find((s) => s.local);
    return {
      at: iso(deps.clock.now()),
      servers: local ? [{ id: local.id, name: local.name, ...monitor.status() }] : [],
    };
  });
};
