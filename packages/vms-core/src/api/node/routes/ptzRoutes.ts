import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { VmsError, isVmsError } from '../../../base/common/errors';
import type { PtzTarget } from '../../../devices/node/ptzControl';
import { PtzCameraParams, PtzMoveRequest, PtzPresetParams, PtzPresetSchema } from '../../common/ptzSchemas';
import { ErrorBody } from '../../common/schemas';
import { audit, requireCameraRight } from '../access';
import type { ApiDeps } from '../apiDeps';

/*
 * Rights: every PTZ operation needs the camera right `ptz`, checked before anything reaches
 * the device, so a user without it moves nothing and learns nothing about the camera. Then:
 * an unknown camera is 404, a camera that cannot be steered 400 VMS_ERR_BAD_INPUT, and the
 * device's own failures keep their codes (unreachable or not answering properly: 503; refusing
 * the stored credentials: 422 VMS_ERR_DEVICE_AUTH, as for addHardware).
 *
 * Going to a preset is audited (it turns the camera away from what it watched); continuous
 * moves and stops are not: a joystick sends several a second, and they leave no state behind.
 */
export const ptzRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  const errors = { 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody, 503: ErrorBody };

  app.post('/api/cameras/:cameraId/ptz/move', {
    schema: {
      operationId: 'ptzMove', summary: 'Start moving the camera at the given pan, tilt and zoom velocities', tags: ['ptz'],
      params: PtzCameraParams, body: PtzMoveRequest, response: { 204: Type.Null(), ...errors },
    },
  }, async (req, reply) => {
    const { pan, tilt, zoom, timeoutMs } = req.body;
    await deps.ptz.move(ptzTarget(deps, req, req.params.cameraId), { pan, tilt, zoom }, timeoutMs);
    return reply.status(204).send(null);
  });

  app.post('/api/cameras/:cameraId/ptz/stop', {
    schema: { operationId: 'ptzStop', summary: 'Stop every PTZ movement of the camera', tags: ['ptz'], params: PtzCameraParams, response: { 204: Type.Null(), ...errors } },
  }, async (req, reply) => {
    await deps.ptz.stop(ptzTarget(deps, req, req.params.cameraId));
    return reply.status(204).send(null);
  });

  app.get('/api/cameras/:cameraId/ptz/presets', {
    schema: {
      operationId: 'listPtzPresets', summary: 'The camera\'s stored PTZ positions, in its own order', tags: ['ptz'],
      params: PtzCameraParams, response: { 200: Type.Array(PtzPresetSchema), ...errors },
    },
  }, async (req) => deps.ptz.presets(ptzTarget(deps, req, req.params.cameraId)));

  app.post('/api/cameras/:cameraId/ptz/presets/:presetToken/goto', {
    schema: {
      operationId: 'gotoPtzPreset', summary: 'Turn the camera to a stored position (audited)', tags: ['ptz'],
      params: PtzPresetParams, response: { 204: Type.Null(), ...errors },
    },
  }, async (req, reply) => {
    const { cameraId, presetToken } = req.params;
    const target = ptzTarget(deps, req, cameraId);
    try {
      await deps.ptz.gotoPreset(target, presetToken);
    } catch (e) {
      audit(deps, req, { action: 'gotoPtzPreset', target: cameraId, outcome: 'failed', details: { preset: presetToken, code: isVmsError(e) ? e.code : 'VMS_ERR_INTERNAL' } });
      throw e;
    }
    audit(deps, req, { action: 'gotoPtzPreset', target: cameraId, details: { preset: presetToken } });
    return reply.status(204).send(null);
  });
};

/** The right first, then the camera, then whether it can be steered at all. */
function ptzTarget(deps: ApiDeps, req: FastifyRequest, cameraId: string): PtzTarget {
  requireCameraRight(req, deps.clock.now(), cameraId, 'ptz');
  const camera = deps.config.getCamera(cameraId);
  const { supported, profileToken, panTilt, zoom } = camera.ptz;
  if (!supported || profileToken === undefined) throw new VmsError('VMS_ERR_BAD_INPUT', `camera "${camera.name}" has no PTZ`);
  const hardware = deps.config.getHardware(camera.hardwareId);
  return {
    hardwareId: hardware.id, driver: hardware.driver, address: hardware.address,
    credentials: deps.config.hardwareCredentials(hardware.id), ptz: { profileToken, panTilt, zoom },
  };
}
