import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { CameraSchema, CameraStatusSchema, ErrorBody, UpdateCameraRequest } from '../../common/schemas';
import type { CameraStatusBody } from '../../common/schemas';
import type { Camera } from '../../../management/common/camera';
import type { ApiDeps } from '../apiDeps';
import { jsonDiff } from '../../../management/common/audit';
import { audit, canSeeCamera, requireCameraVisible, requireFlag } from '../access';
import { iso } from '../server';

const CameraParams = Type.Object({ cameraId: Type.String() });

export const cameraRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/cameras', {
    schema: { operationId: 'listCameras', summary: 'The cameras the caller has any right on', tags: ['cameras'], response: { 200: Type.Array(CameraSchema) } },
  }, async (req) => deps.config.listCameras().filter((c) => canSeeCamera(req, c.id)));

  app.get('/api/cameras/:cameraId', {
    schema: { operationId: 'getCamera', tags: ['cameras'], params: CameraParams, response: { 200: CameraSchema, 403: ErrorBody, 404: ErrorBody } },
  }, async (req) => {
    requireCameraVisible(req, req.params.cameraId);
    return deps.config.getCamera(req.params.cameraId);
  });

  app.patch('/api/cameras/:cameraId', {
    schema: {
      operationId: 'updateCamera', summary: 'Change recording mode, streams, motion detection, storage or tree group of a camera', tags: ['cameras'],
      params: CameraParams, body: UpdateCameraRequest, response: { 200: CameraSchema, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    const before = deps.config.getCamera(req.params.cameraId);
    const camera = deps.config.updateCamera(req.params.cameraId, req.body);
    audit(deps, req, { action: 'updateCamera', target: camera.id, details: { changes: jsonDiff(before, camera) } });
    deps.recording.applyCamera(camera);
    deps.changes.fire({ type: 'cameras', cameraIds: [camera.id] });
    return camera;
  });

  app.get('/api/camera-status', {
    schema: {
      operationId: 'listCameraStatuses', tags: ['cameras'],
      summary: 'Connection and recording state of many cameras in one call (the caller\'s visible cameras, or those named)',
      querystring: Type.Object({ ids: Type.Optional(Type.String({ maxLength: 100_000, description: 'comma-separated camera ids; omitted: every camera the caller may see' })) }),
      response: { 200: Type.Array(CameraStatusSchema) },
    },
  }, async (req) => {
    const wanted = req.query.ids === undefined ? undefined : new Set(req.query.ids.split(',').filter(Boolean));
    // Cameras the caller may not see, or that do not exist, are left out rather than refused:
    // a client asking for a batch learns nothing from which ones are missing.
    return deps.config.listCameras()
      .filter((c) => (wanted === undefined || wanted.has(c.id)) && canSeeCamera(req, c.id))
      .map((c) => cameraStatusBody(deps, c));
  });

  app.get('/api/cameras/:cameraId/status', {
    schema: { operationId: 'getCameraStatus', summary: 'Connection and recording state of a camera', tags: ['cameras'], params: CameraParams, response: { 200: CameraStatusSchema, 403: ErrorBody, 404: ErrorBody } },
  }, async (req) => {
    requireCameraVisible(req, req.params.cameraId);
    return cameraStatusBody(deps, deps.config.getCamera(req.params.cameraId));
  });
};

/** A camera's connection and recording state as the API shows it (also pushed by the updates socket). */
export function cameraStatusBody(deps: Pick<ApiDeps, 'recording'>, camera: Camera): CameraStatusBody {
  const s = deps.recording.cameraStatus(camera);
  const r = s.recorder;
  return {
    cameraId: s.cameraId,
    enabled: s.enabled,
    connection: s.connection
      ? { state: s.connection.state, since: iso(s.connection.since), attempts: s.connection.attempts, framesReceived: s.connection.framesReceived, ...(s.connection.error ? { error: s.connection.error } : {}) }
      : null,
    recording: r?.recording ?? false,
    manualUntil: r?.manualUntil ? iso(r.manualUntil) : null,
    motion: r?.motion ?? false,
    framesWritten: r?.framesWritten ?? 0,
    framesLost: r?.framesLost ?? 0,
    ...(r?.lastError ? { lastError: { code: r.lastError.code, message: r.lastError.message, at: iso(r.lastError.at) } } : {}),
  };
}
