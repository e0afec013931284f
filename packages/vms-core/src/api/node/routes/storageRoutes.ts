import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { StorageConfig } from '../../../media-db/common/storageConfig';
import { ErrorBody, StorageSchema, UpdateStorageRequest } from '../../common/schemas';
import type { ApiDeps } from '../apiDeps';
import { jsonDiff } from '../../../management/common/audit';
import { audit, requireFlag } from '../access';

export const storageRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  const body = (s: StorageConfig) => {
    const { wrappedKey: _k, ...rest } = s;
    return { ...rest, usedBytes: deps.media.storageBytes(s.id) };
  };

  // Any signed-in user may read storages (clients show retention and use); changing them needs the admin flag.
  app.get('/api/storages', {
    schema: { operationId: 'listStorages', summary: 'Storages with retention, size limits, archive stages and use', tags: ['storage'], response: { 200: Type.Array(StorageSchema) } },
  }, async () => deps.config.listStorages().map(body));

  app.patch('/api/storages/:storageId', {
    schema: {
      operationId: 'updateStorage', summary: 'Change retention, maximum size, archiving, grooming or encryption of a storage', tags: ['storage'],
      params: Type.Object({ storageId: Type.String() }), body: UpdateStorageRequest, response: { 200: StorageSchema, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    const before = deps.config.getStorage(req.params.storageId);
    const { archive, ...rest } = req.body;
    const updated = deps.config.updateStorage(req.params.storageId, {
      ...rest,
      ...(archive === undefined ? {} : { archive: archive ?? undefined }),
    });
    audit(deps, req, { action: 'updateStorage', target: updated.id, details: { changes: jsonDiff(before, updated) } });
    deps.recording.refreshStorages();
    return body(updated);
  });
};
