import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { StorageConfig } from '../../../media-db/common/storageConfig';
import { VmsError } from '../../../base/common/errors';
import { ErrorBody, StorageSchema, UpdateStorageRequest } from '../../common/schemas';
import { CreateStorageRequest } from '../../common/siteSchemas';
import type { ApiDeps } from '../apiDeps';
import { jsonDiff, redact } from '../../../management/common/audit';
import { checkStorageSizes, diskSpaceOf, ensureWritableFolder, placeStorageFolder } from '../../../management/node/storageValidation';
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

  app.post('/api/storages', {
    schema: {
      operationId: 'createStorage', summary: 'Add a storage: a writable folder with retention, maximum size and optional archive stage; recording may use it at once', tags: ['storage'],
      body: CreateStorageRequest, response: { 201: StorageSchema, 400: ErrorBody, 403: ErrorBody },
    },
  }, async (req, reply) => {
    requireFlag(req, 'manageConfiguration');
    const existing = deps.config.listStorages();
    const b = req.body;
    if (b.archive && !existing.some((s) => s.id === b.archive!.storageId)) {
      throw new VmsError('VMS_ERR_BAD_INPUT', `archive.storageId: storage ${b.archive.storageId} does not exist`, { field: 'archive.storageId' });
    }
    if (b.archiveOf) checkArchiveOf(b.archiveOf.storageId, b.archive?.storageId, existing);
    const path = placeStorageFolder(b.path, existing);
    const disk = diskSpaceOf(path);
    const minFreeBytes = b.minFreeBytes ?? Math.min(2 ** 30, Math.floor(disk.totalBytes * 0.05));
    checkStorageSizes({ maxBytes: b.maxBytes, minFreeBytes }, disk);
    // Last, since it creates the folder: nothing else may fail after it.
    ensureWritableFolder(path);
    // With archiveOf, the new storage and the source's new archive stage are one change: both or neither.
    const { created, source } = deps.config.db.transaction(() => {
      const added = deps.config.addStorage({
        name: b.name.trim(), path, maxBytes: b.maxBytes, retentionHours: b.retentionHours, archiveEveryMinutes: b.archiveEveryMinutes ?? 60,
        ...(b.archive ? { archive: b.archive } : {}), encrypted: b.encrypted ?? false, minFreeBytes,
      });
      if (!b.archiveOf) return { created: added, source: undefined };
      const { storageId, grooming, everyMinutes } = b.archiveOf;
      const before = deps.config.getStorage(storageId);
      const after = deps.config.updateStorage(storageId, {
        archive: { storageId: added.id, ...(grooming ? { grooming } : {}) }, ...(everyMinutes ? { archiveEveryMinutes: everyMinutes } : {}),
      });
      return { created: added, source: { before, after } };
    })();
    audit(deps, req, { action: 'createStorage', target: created.id, details: { storage: redact(created) } });
    if (source) audit(deps, req, { action: 'updateStorage', target: source.after.id, details: { changes: jsonDiff(source.before, source.after) } });
    deps.recording.refreshStorages();
    return reply.status(201).send(body(created));
  });

  app.patch('/api/storages/:storageId', {
    schema: {
      operationId: 'updateStorage', summary: 'Change retention, maximum size, archiving, grooming or encryption of a storage', tags: ['storage'],
      params: Type.Object({ storageId: Type.String() }), body: UpdateStorageRequest, response: { 200: StorageSchema, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    const before = deps.config.getStorage(req.params.storageId);
    if (req.body.maxBytes !== undefined || req.body.minFreeBytes !== undefined) {
      checkStorageSizes({ maxBytes: req.body.maxBytes ?? before.maxBytes, minFreeBytes: req.body.minFreeBytes ?? before.minFreeBytes }, diskSpaceOf(before.path));
    }
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

/**
 * archiveOf names an existing storage, and the new storage's own archive chain must not lead
 * back to it (source → new → … → source would move recordings in a circle). Checked before the
 * folder is created, so a refusal leaves nothing behind.
 */
function checkArchiveOf(sourceId: string, newArchiveId: string | undefined, existing: readonly StorageConfig[]): void {
  if (!existing.some((s) => s.id === sourceId)) {
    throw new VmsError('VMS_ERR_BAD_INPUT', `archiveOf.storageId: storage ${sourceId} does not exist`, { field: 'archiveOf.storageId' });
  }
  const seen = new Set<string>();
  for (let id = newArchiveId; id !== undefined && !seen.has(id); id = existing.find((s) => s.id === id)?.archive?.storageId) {
    if (id === sourceId) {
      throw new VmsError('VMS_ERR_BAD_INPUT', 'archiveOf.storageId: the new storage archives (directly or through others) into this storage, which would loop', { field: 'archiveOf.storageId' });
    }
    seen.add(id);
  }
}
