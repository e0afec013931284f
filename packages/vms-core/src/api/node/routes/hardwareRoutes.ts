import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { VmsError } from '../../../base/common/errors';
import { AddHardwareRequest, AddHardwareResponse, ErrorBody } from '../../common/schemas';
import { HardwareListItemSchema } from '../../common/hardwareSchemas';
import type { ApiDeps } from '../apiDeps';
import { redact } from '../../../management/common/audit';
import { audit, requireFlag } from '../access';

export const hardwareRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  // For those who manage configuration, like the changes it lists; credentials stay out (only the user name).
  app.get('/api/hardware', {
    schema: {
      operationId: 'listHardware', summary: 'The configured hardware with its cameras, in the order it was added', tags: ['hardware'],
      response: { 200: Type.Array(HardwareListItemSchema), 403: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    const cameras = deps.config.listCameras();
    return deps.config.hardwareStore.list().map((h) => ({
      ...h,
      cameras: cameras.filter((c) => c.hardwareId === h.id).map((c) => ({ id: c.id, name: c.name, deviceKey: c.deviceKey, enabled: c.enabled })),
    }));
  });

  app.post('/api/hardware', {
    schema: {
      operationId: 'addHardware', summary: 'Probe a device by driver and address and add its cameras', tags: ['hardware'],
      body: AddHardwareRequest, response: { 201: AddHardwareResponse, 400: ErrorBody, 403: ErrorBody, 422: ErrorBody, 503: ErrorBody },
    },
  }, async (req, reply) => {
    requireFlag(req, 'manageConfiguration');
    const { storageId, name, ...probe } = req.body;
    const storage = storageId ?? deps.config.listStorages()[0]?.id;
    if (!storage) throw new VmsError('VMS_ERR_CONFLICT', 'no storage is configured');
    if (!deps.config.listStorages().some((s) => s.id === storage)) throw new VmsError('VMS_ERR_BAD_INPUT', `storage ${storage} does not exist`);
    const info = await deps.probeHardware(probe);
    if (info.cameras.length === 0) throw new VmsError('VMS_ERR_DEVICE_PROTOCOL', 'the device reports no video stream');
    const added = deps.config.addHardware(info, { username: req.body.username, password: req.body.password }, name, storage);
    audit(deps, req, {
      action: 'addHardware', target: added.hardware.id,
      details: { request: redact(req.body), hardware: added.hardware, cameraIds: added.cameras.map((c) => c.id), deviceIds: added.devices.map((d) => d.id) },
    });
    for (const c of added.cameras) deps.recording.applyCamera(c);
    deps.changes.fire({ type: 'cameras', cameraIds: added.cameras.map((c) => c.id) });
    return reply.status(201).send(added);
  });

  app.post('/api/hardware/discover', {
    schema: {
      operationId: 'discoverHardware', summary: 'Find ONVIF devices on the local network by WS-Discovery', tags: ['hardware'],
      body: Type.Object({
        timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 30_000 })),
        interface: Type.Optional(Type.String({ description: 'network interface name or IPv4 address to probe from' })),
      }),
      response: { 200: Type.Array(Type.Object({ xaddrs: Type.Array(Type.String()), scopes: Type.Array(Type.String()), endpoint: Type.String() })), 400: ErrorBody, 403: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    return deps.discoverHardware({ timeoutMs: req.body.timeoutMs ?? 3000, ...(req.body.interface ? { interface: req.body.interface } : {}) });
  });
};
