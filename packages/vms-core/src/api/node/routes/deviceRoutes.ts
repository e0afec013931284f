import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { VmsError, isVmsError } from '../../../base/common/errors';
import { jsonDiff } from '../../../management/common/audit';
import type { Device } from '../../../management/common/device';
import { OUTPUT_RIGHT, canOperateOutput, canSeeDevice } from '../../../management/common/device';
import {
  DeviceParams, DeviceSchema, ListDevicesQuery, SetOutputStateRequest, SetOutputStateResponse, UpdateDeviceRequest,
} from '../../common/deviceSchemas';
import type { DeviceBody } from '../../common/deviceSchemas';
import { ErrorBody } from '../../common/schemas';
import { audit, requireFlag } from '../access';
import type { ApiDeps } from '../apiDeps';

/*
 * Rights (docs/design/devices.md):
 * - listing and reading: those who manage configuration see every device; others see the
 *   devices of hardware they see a camera of (any right on it), and listDevices leaves the
 *   rest out rather than refusing;
 * - updateDevice: manage configuration, audited with old and new values (configurationChanged);
 * - setOutputState: the Administrators role, or the camera right OUTPUT_RIGHT (ptz) on a camera
 *   of the output's hardware, checked before anything reaches the device. Audited.
 */
export const deviceRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  /** Camera ids per hardware, read once per request. */
  const camerasByHardware = () => {
    const map = new Map<string, string[]>();
    for (const c of deps.config.listCameras()) map.set(c.hardwareId, [...(map.get(c.hardwareId) ?? []), c.id]);
    return map;
  };
  const body = (d: Device): DeviceBody => {
    const state = d.kind === 'output' ? deps.outputs.stateOf(d.id) : undefined;
    return {
      id: d.id, hardwareId: d.hardwareId, kind: d.kind, deviceKey: d.deviceKey, name: d.name, enabled: d.enabled, group: d.group,
      settings: d.settings, reportedName: d.reportedName, ...(state ? { state } : {}),
    };
  };
  const visibleDevice = (req: FastifyRequest, id: string): Device => {
    const device = deps.config.devices.getDevice(id);
    if (!canSeeDevice(req.roles, camerasByHardware().get(device.hardwareId) ?? [])) {
      throw new VmsError('VMS_ERR_PERMISSION_DENIED', `no role grants a right on a camera of the hardware of device ${id}`);
    }
    return device;
  };

  app.get('/api/devices', {
    schema: {
      operationId: 'listDevices', summary: 'Microphones, speakers, metadata, inputs and outputs the caller may see, by hardware in the order added', tags: ['devices'],
      querystring: ListDevicesQuery, response: { 200: Type.Array(DeviceSchema) },
    },
  }, async (req) => {
    const cameras = camerasByHardware();
    const { kind, hardwareId } = req.query;
    return deps.config.devices.listDevices({ ...(kind ? { kind } : {}), ...(hardwareId ? { hardwareId } : {}) })
      .filter((d) => canSeeDevice(req.roles, cameras.get(d.hardwareId) ?? []))
      .map(body);
  });

  app.get('/api/devices/:deviceId', {
    schema: { operationId: 'getDevice', tags: ['devices'], params: DeviceParams, response: { 200: DeviceSchema, 403: ErrorBody, 404: ErrorBody } },
  }, async (req) => body(visibleDevice(req, req.params.deviceId)));

  app.patch('/api/devices/:deviceId', {
    schema: {
      operationId: 'updateDevice', summary: 'Rename, enable or disable a device, put it in a group, change its settings', tags: ['devices'],
      params: DeviceParams, body: UpdateDeviceRequest, response: { 200: DeviceSchema, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    const before = deps.config.devices.getDevice(req.params.deviceId);
    const device = deps.config.devices.updateDevice(before.id, req.body);
    audit(deps, req, { action: 'updateDevice', target: device.id, details: { changes: jsonDiff(before, device) } });
    return body(device);
  });

  app.post('/api/devices/:deviceId/state', {
    schema: {
      operationId: 'setOutputState', summary: 'Switch an output on or off, optionally returning to the other state after pulseSeconds (audited)', tags: ['devices'],
      params: DeviceParams, body: SetOutputStateRequest,
      response: { 200: SetOutputStateResponse, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 503: ErrorBody },
    },
  }, async (req) => {
    const id = req.params.deviceId;
    const device = deps.config.devices.getDevice(id);
    if (!canOperateOutput(req.roles, camerasByHardware().get(device.hardwareId) ?? [], deps.clock.now())) {
      throw new VmsError('VMS_ERR_PERMISSION_DENIED', `setting outputs needs the ${OUTPUT_RIGHT} right on a camera of the output's hardware`);
    }
    const { state, pulseSeconds } = req.body;
    const asked = { state, ...(pulseSeconds !== undefined ? { pulseSeconds } : {}) };
    let result;
    try {
      result = await deps.outputs.set(id, state, { by: req.user.username, ...(pulseSeconds !== undefined ? { pulseSeconds } : {}) });
    } catch (e) {
      audit(deps, req, { action: 'setOutputState', target: id, outcome: 'failed', details: { ...asked, code: isVmsError(e) ? e.code : 'VMS_ERR_INTERNAL' } });
      throw e;
    }
    audit(deps, req, { action: 'setOutputState', target: id, details: { ...asked, ...(result.pulseSeconds !== undefined ? { pulseSeconds: result.pulseSeconds } : {}) } });
    return { device: body(result.device), ...(result.pulseSeconds !== undefined ? { pulseSeconds: result.pulseSeconds } : {}) };
  });
};
