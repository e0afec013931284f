import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { VmsError } from '../../../base/common/errors';
import { AddHardwareRequest, AddHardwareResponse, ErrorBody } from '../../common/schemas';
import type { ApiDeps } from '../apiDeps';
import { requireAdmin } from '../server';

export const hardwareRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  app.post('/api/hardware', {
    schema: {
      operationId: 'addHardware', summary: 'Probe a device by driver and address and add its cameras', tags: ['hardware'],
      body: AddHardwareRequest, response: { 201: AddHardwareResponse, 400: ErrorBody, 422: ErrorBody, 503: ErrorBody },
    },
  }, async (req, reply) => {
    requireAdmin(req);
    const { storageId, name, ...probe } = req.body;
    const storage = storageId ?? deps.config.listStorages()[0]?.id;
    if (!storage) throw new VmsError('VMS_ERR_CONFLICT', 'no storage is configured');
    deps.config.getStorage(storage);
    const info = await deps.probeHardware(probe);
    if (info.cameras.length === 0) throw new VmsError('VMS_ERR_DEVICE_PROTOCOL', 'the device reports no video stream');
    const added = deps.config.addHardware(info, { username: req.body.username, password: req.body.password }, name, storage);
    for (const c of added.cameras) deps.recording.applyCamera(c);
    return reply.status(201).send(added);
  });
};
