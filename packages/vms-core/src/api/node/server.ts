import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import swagger from '@fastify/swagger';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { VmsError } from '../../base/common/errors';
import type { ApiDeps } from './apiDeps';
import { errorHandler } from './errorHandler';
import { authRoutes } from './routes/authRoutes';
import { hardwareRoutes } from './routes/hardwareRoutes';
import { cameraRoutes } from './routes/cameraRoutes';
import { recordingRoutes } from './routes/recordingRoutes';
import { evidenceLockRoutes } from './routes/evidenceLockRoutes';
import { bookmarkRoutes } from './routes/bookmarkRoutes';
import { storageRoutes } from './routes/storageRoutes';
import { eventRoutes } from './routes/eventRoutes';
import { userRoutes } from './routes/userRoutes';
import { roleRoutes } from './routes/roleRoutes';
import { auditRoutes } from './routes/auditRoutes';
import { ptzRoutes } from './routes/ptzRoutes';
import { motionSearchRoutes } from './routes/motionSearchRoutes';
import { viewRoutes } from './routes/viewRoutes';
import { viewGroupRoutes } from './routes/viewGroupRoutes';
import { clientProfileRoutes } from './routes/clientProfileRoutes';
import { registerUpdatesSocket } from './routes/updatesSocketRoute';
import { registerEventStream } from './routes/eventStreamRoute';
import { EVENT_STREAM_OPENAPI } from '../common/eventStreamSchemas';
import { authenticateHook } from './access';
import websocket from '@fastify/websocket';
import { playbackRoutes } from './routes/playbackRoutes';
import { exportRoutes } from './routes/exportRoutes';
import { registerPlaybackSocket } from './routes/playbackSocketRoute';
import { liveRoutes } from './routes/liveRoutes';
import { registerLiveSockets } from './routes/liveSocketRoutes';
import { MANAGEMENT_CLIENT_APP, clientAppRoutes } from './routes/clientAppRoutes';
import { siteRoutes } from './routes/siteRoutes';
import { hardwareManagementRoutes } from './routes/hardwareManagementRoutes';
import { deviceRoutes } from './routes/deviceRoutes';
import { timeProfileRoutes } from './routes/timeProfileRoutes';
import { configurationRoutes } from './routes/configurationRoutes';
import { systemStatusRoutes } from './routes/systemStatusRoutes';
import { ruleRoutes } from './routes/ruleRoutes';
import { eventDefinitionRoutes } from './routes/eventDefinitionRoutes';
import { logRoutes } from './routes/logRoutes';
import { alarmDefinitionRoutes } from './routes/alarmDefinitionRoutes';
import { alarmRoutes } from './routes/alarmRoutes';
import { notificationRoutes } from './routes/notificationRoutes';
import { logExportRoutes } from './routes/logExportRoutes';
import { analyticsRoutes } from './routes/analyticsRoutes';

export interface BuildServerOptions {
  logger?: boolean;
  /** The built Smart Client renderer to serve at `/` (see routes/clientAppRoutes.ts). */
  clientAppDir?: string;
  /** The built Management Client renderer to serve at `/admin/`. */
  adminAppDir?: string;
}

/**
 * Builds the API server without listening (fastify's build/listen split): tests call
 * inject(); the site calls listen(). The OpenAPI document is generated from the route schemas.
 */
export async function buildServer(deps: ApiDeps, options: BuildServerOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 1024 * 1024,
    // Reject unknown fields instead of silently dropping them: a misspelt setting must not "succeed".
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setErrorHandler(errorHandler);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Nightjar VMS API', version: '0.1.0',
        description: 'Public API of a Nightjar site. All routes but login, token refresh and health need a bearer token; ' +
          'what each user may do comes from their roles (403 VMS_ERR_PERMISSION_DENIED otherwise). ' +
          'WebSockets, which are not request/response operations, are described under `x-websockets` (the live event stream).',
      },
      // An OpenAPI extension (the swagger plugin's types know none, hence the spread).
      ...{ 'x-websockets': EVENT_STREAM_OPENAPI },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: [{ bearer: [] }],
    },
  });

  app.decorateRequest('user', null as never);
  app.decorateRequest('roles', null as never);
  app.decorateRequest('sessionId', '');
  app.addHook('onRequest', authenticateHook(deps));

  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/health', { schema: { operationId: 'getHealth', security: [] } }, async () => ({ ok: true }));

  await app.register(authRoutes(deps));
  await app.register(hardwareRoutes(deps));
  await app.register(cameraRoutes(deps));
  await app.register(recordingRoutes(deps));
  await app.register(evidenceLockRoutes(deps));
  await app.register(bookmarkRoutes(deps));
  await app.register(storageRoutes(deps));
  await app.register(eventRoutes(deps));
  await app.register(userRoutes(deps));
  await app.register(roleRoutes(deps));
  await app.register(auditRoutes(deps));
  await app.register(ptzRoutes(deps));
  await app.register(motionSearchRoutes(deps));
  await app.register(viewRoutes(deps));
  await app.register(viewGroupRoutes(deps));
  await app.register(clientProfileRoutes(deps));
  await app.register(siteRoutes(deps));
  await app.register(hardwareManagementRoutes(deps));
  await app.register(deviceRoutes(deps));
  await app.register(timeProfileRoutes(deps));
  await app.register(configurationRoutes(deps));
  await app.register(systemStatusRoutes(deps));
  await app.register(ruleRoutes(deps));
  await app.register(eventDefinitionRoutes(deps));
  await app.register(logRoutes(deps));
  await app.register(alarmDefinitionRoutes(deps));
  await app.register(alarmRoutes(deps));
  await app.register(notificationRoutes(deps));
  await app.register(logExportRoutes(deps));
  await app.register(analyticsRoutes(deps));
  await app.register(playbackRoutes(deps));
  await app.register(exportRoutes(deps));
  await app.register(websocket, { options: { maxPayload: 64 * 1024 } });
  await app.register(liveRoutes(deps));
  await app.register(async (scoped) => {
    registerPlaybackSocket(scoped, deps);
    registerLiveSockets(scoped, deps);
    registerUpdatesSocket(scoped, deps);
    registerEventStream(scoped, deps);
  });
  await app.register(clientAppRoutes({ ...(options.clientAppDir ? { dir: options.clientAppDir } : {}) }));
  await app.register(clientAppRoutes({ app: MANAGEMENT_CLIENT_APP, ...(options.adminAppDir ? { dir: options.adminAppDir } : {}) }));
  await app.ready();
  return app;
}

export const iso = (ms: number): string => new Date(ms).toISOString();
export const isoOf90k = (t: number): string => new Date(Math.round(t / 90)).toISOString();

export function parseInstant(s: string, field: string): number {
  const ms = Date.parse(s);
  if (Number.isNaN(ms)) throw new VmsError('VMS_ERR_BAD_INPUT', `${field}: "${s}" is not a date-time`);
  return ms;
}
