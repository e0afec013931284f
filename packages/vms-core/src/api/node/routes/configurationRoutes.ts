import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { jsonDiff } from '../../../management/common/audit';
import type { ConfigurationDocument } from '../../../management/common/configurationDocument';
import { keyedContent } from '../../../management/common/configurationDocument';
import { openSecrets } from '../../../management/node/backupCrypto';
import type { BackupSources } from '../../../management/node/configurationExport';
import { associatedData, configurationContent, exportConfiguration } from '../../../management/node/configurationExport';
import { applyImport } from '../../../management/node/configurationImport';
import { checkImport, checkSecrets } from '../../../management/node/configurationImportCheck';
import { ErrorBody } from '../../common/schemas';
import { ConfigurationDocumentSchema, ExportConfigurationRequest, ImportConfigurationRequest, ImportConfigurationResponse } from '../../common/backupSchemas';
import { audit, isAdministrator } from '../access';
import { VmsError } from '../../../base/common/errors';
import type { ApiDeps } from '../apiDeps';

/** A whole site's configuration of thousands of cameras is a few MiB of JSON. */
const IMPORT_BODY_LIMIT = 64 * 2 ** 20;

/**
 * Backup and restore of the whole configuration. Both need the Administrators role, not just
 * a configuration flag: the file carries every user's password hash and every device password
 * (sealed), and importing it replaces users and roles.
 */
export const configurationRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  const er = deps.eventsAndRules;
  const sources: BackupSources = { config: deps.config, roles: deps.roles, identity: deps.identity, keys: deps.keys, events: er };
  const requireAdministrator = (req: Parameters<typeof isAdministrator>[0]) => {
    if (!isAdministrator(req)) throw new VmsError('VMS_ERR_PERMISSION_DENIED', 'only administrators may export or import the configuration');
  };

  app.post('/api/configuration/export', {
    schema: {
      operationId: 'exportConfiguration', summary: 'The whole configuration as one JSON file, secrets sealed with the given password', tags: ['site'],
      body: ExportConfigurationRequest, response: { 200: ConfigurationDocumentSchema, 400: ErrorBody, 403: ErrorBody },
    },
  }, async (req, reply) => {
    requireAdministrator(req);
    const doc = await exportConfiguration(sources, req.body.password, deps.clock.now());
    audit(deps, req, {
      action: 'exportConfiguration', target: null,
      details: { cameras: doc.cameras.length, users: doc.users.length, roles: doc.roles.length, storages: doc.storages.length },
    });
    // Serialized as built, not through the response schema (which would drop fields it does not
    // name): the secrets are bound to exactly the fields of the document.
    return reply.serializer((payload) => JSON.stringify(payload)).send(doc);
  });

  app.post('/api/configuration/import', {
    bodyLimit: IMPORT_BODY_LIMIT,
    schema: {
      operationId: 'importConfiguration',
      summary: 'Replace the configuration with an exported one; all of it is checked first and applied in one transaction', tags: ['site'],
      body: ImportConfigurationRequest, response: { 200: ImportConfigurationResponse, 400: ErrorBody, 403: ErrorBody },
    },
  }, async (req) => {
    requireAdministrator(req);
    const document = req.body.document as ConfigurationDocument;
    const secrets = checkSecrets(await openSecrets(document.secrets, req.body.password, associatedData(document)));
    const storagesWithRecordings = new Map(deps.config.listStorages().filter((s) => deps.media.storageBytes(s.id) > 0 || hasRecordings(deps, s.id)).map((s) => [s.id, s.path]));
    const openAlarms = new Map(er.alarmDefinitions.list().map((d) => [d.id, { name: d.name, open: er.alarmStore.openCount(d.id) }] as const).filter(([, a]) => a.open > 0));
    const doc = checkImport(document, secrets, {
      storagesWithRecordings, siteDevices: deps.config.devices.listDevices(), openAlarms,
      ...(req.body.storagePaths ? { storagePaths: req.body.storagePaths } : {}),
    });
    const before = keyedContent(configurationContent(sources));
    const result = applyImport(sources, doc, secrets, deps.clock.now());
    const after = keyedContent(configurationContent(sources));
    const cameras = deps.config.listCameras();
    try {
      // Apply at once: storages, then cameras removed, then every camera (restarts what changed),
      // then the event server (its rules act on the cameras just applied).
      deps.recording.refreshStorages();
      for (const id of result.removedCameraIds) await deps.recording.removeCamera(id);
      for (const c of cameras) {
        deps.recording.applyCamera(c);
        deps.recording.liveHub.refresh(c.id);
      }
      await er.reloadConfiguration();
    } finally {
      // Whatever happened applying it, the configuration has changed; the entry announces it
      // (configurationChanged), once the alarm service holds the new definitions it then checks.
      audit(deps, req, { action: 'importConfiguration', target: null, details: { exportedAt: doc.exportedAt, counts: result.counts, changes: jsonDiff(before, after) } });
    }
    deps.changes.fire({ type: 'cameras', cameraIds: [...cameras.map((c) => c.id), ...result.removedCameraIds] });
    return result.counts;
  });
};

/** Open recordings count too: their bytes are not summed until they are sealed. */
function hasRecordings(deps: ApiDeps, storageId: string): boolean {
  return deps.media.openRecordings().some((r) => r.storageId === storageId);
}
