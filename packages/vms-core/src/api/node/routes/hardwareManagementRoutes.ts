import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { VmsError } from '../../../base/common/errors';
import { expandRange } from '../../../devices/common/addressRange';
import type { AddHardwareRequest } from '../../../devices/common/types';
import { scanHardware } from '../../../devices/node/hardwareScan';
import type { FoundDevice } from '../../../devices/node/hardwareScan';
import { deleteRecordings } from '../../../media-db/node/retention';
import { jsonDiff } from '../../../management/common/audit';
import type { Camera, Hardware } from '../../../management/common/camera';
import { ErrorBody } from '../../common/schemas';
import {
  DeleteHardwareQuery, DeleteHardwareResponse, ScanHardwareRequest, ScanHardwareResponse, UpdateHardwareRequest, UpdateHardwareResponse,
} from '../../common/hardwareSchemas';
import { audit, requireFlag } from '../access';
import type { ApiDeps } from '../apiDeps';

const HardwareParams = Type.Object({ hardwareId: Type.String() });
const SCAN_CONCURRENCY = 16;

/**
 * Where to ask a configured device again. RTSP hardware is its stream URLs (the main one
 * first, as added); a new address moves them all to its host.
 */
function probeTarget(hardware: Hardware, cameras: readonly Camera[], address: string | undefined): Pick<AddHardwareRequest, 'driver' | 'address' | 'streamUrls'> {
  if (hardware.driver !== 'rtsp') return { driver: hardware.driver, address: address ?? hardware.address };
  const urls = cameras[0]?.streams.map((s) => s.url) ?? [];
  if (urls.length === 0) throw new VmsError('VMS_ERR_CONFLICT', `hardware ${hardware.name} has no stream to probe`);
  let main: URL;
  try {
    main = new URL(address ?? urls[0]!);
  } catch {
    throw new VmsError('VMS_ERR_BAD_INPUT', `address: "${address}" is not an rtsp:// URL`, { field: 'address' });
  }
  const moved = urls.slice(1).map((u) => Object.assign(new URL(u), { host: main.host }).toString());
  return { driver: 'rtsp', address: main.toString(), streamUrls: moved };
}

/** Scan an address range; change (rename, credentials, address, refresh) and remove hardware. */
export const hardwareManagementRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  app.post('/api/hardware/scan', {
    schema: {
      operationId: 'scanHardware', summary: 'Scan an IPv4 address range for ONVIF and RTSP devices; reports what answers, adds nothing', tags: ['hardware'],
      body: ScanHardwareRequest, response: { 200: ScanHardwareResponse, 400: ErrorBody, 403: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    const b = req.body;
    const range = expandRange(b.start, b.end);
    if ('problem' in range) throw new VmsError('VMS_ERR_BAD_INPUT', `${range.field}: ${range.problem}`, { field: range.field });
    const credentials = b.credentials ?? [];
    const plan = {
      addresses: range.addresses, ports: b.ports ?? [80, 554], drivers: b.drivers ?? ['onvif', 'rtsp'] as ('onvif' | 'rtsp')[],
      protocols: b.protocols ?? ['http'] as ('http' | 'https')[], rtspPaths: b.rtspPaths ?? ['/'], credentials,
      timeoutMs: b.timeoutMs ?? 3000, concurrency: SCAN_CONCURRENCY,
    };
    const started = deps.clock.monotonic();
    const found = await scanHardware(plan, { probe: deps.probeHardware });
    const configured = deps.config.hardwareStore.list();
    const known = (d: FoundDevice) =>
      configured.find((h) => h.driver === d.driver && (h.address === d.deviceAddress || h.address === `${d.address}:${d.port}`))?.id;
    const body = {
      scannedAddresses: range.addresses.length, scannedPorts: plan.ports.length, durationMs: Math.round(deps.clock.monotonic() - started),
      found: found.map((d) => {
        const username = d.credentialIndex === null ? undefined : credentials[d.credentialIndex]?.username;
        const alreadyAdded = known(d);
        return { ...d, ...(username ? { username } : {}), ...(alreadyAdded ? { alreadyAdded } : {}) };
      }),
    };
    audit(deps, req, {
      action: 'scanHardware', target: null,
      details: { start: b.start, end: b.end, ports: plan.ports, drivers: plan.drivers, found: body.found.map((d) => `${d.driver} ${d.address}:${d.port}`) },
    });
    return body;
  });

  app.patch('/api/hardware/:hardwareId', {
    schema: {
      operationId: 'updateHardware',
      summary: 'Rename hardware, change its address or credentials, or refresh it from the device: reports and applies what changed', tags: ['hardware'],
      params: HardwareParams, body: UpdateHardwareRequest,
      response: { 200: UpdateHardwareResponse, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 503: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    const id = req.params.hardwareId;
    const b = req.body;
    const before = deps.config.getHardware(id);
    const cameras = deps.config.hardwareStore.camerasOf(id);
    const credentialsChange = b.username !== undefined || b.password !== undefined;
    let probed;
    // New credentials or a new address are tried on the device before they are saved.
    if (b.refresh || b.address !== undefined || credentialsChange) {
      const stored = deps.config.hardwareCredentials(id);
      const username = b.username === undefined ? stored.username : b.username || undefined;
      const password = b.password === undefined ? stored.password : b.password || undefined;
      probed = await deps.probeHardware({ ...probeTarget(before, cameras, b.address), ...(username ? { username } : {}), ...(password ? { password } : {}) });
      if (probed.cameras.length === 0) throw new VmsError('VMS_ERR_DEVICE_PROTOCOL', 'the device reports no video stream');
    }
    const result = deps.config.hardwareStore.update(id, b, probed, deps.clock.now());
    audit(deps, req, {
      action: 'updateHardware', target: id,
      details: { changes: jsonDiff(before, result.hardware), passwordChanged: b.password !== undefined, device: result.changes },
    });
    for (const c of result.cameras) {
      deps.recording.applyCamera(c);
      // Connections sign in with the hardware's credentials: reconnect with the new ones.
      if (credentialsChange) deps.recording.liveHub.refresh(c.id);
    }
    deps.changes.fire({ type: 'cameras', cameraIds: result.cameras.map((c) => c.id) });
    return result;
  });

  app.delete('/api/hardware/:hardwareId', {
    schema: {
      operationId: 'deleteHardware', summary: 'Remove hardware and its cameras; recordings stay until retention unless deleteRecordings', tags: ['hardware'],
      params: HardwareParams, querystring: DeleteHardwareQuery, response: { 200: DeleteHardwareResponse, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (req) => {
    requireFlag(req, 'manageConfiguration');
    const gone = deps.config.hardwareStore.delete(req.params.hardwareId);
    // Recording stops and what was being written is sealed before anything is deleted.
    for (const c of gone.cameras) await deps.recording.removeCamera(c.id);
    let recordingsDeleted = 0;
    let recordingsKeptLocked = 0;
    if (req.query.deleteRecordings) {
      for (const c of gone.cameras) {
        const rows = deps.media.listRecordings(c.id, 0, Number.MAX_SAFE_INTEGER);
        for (const storageId of new Set(rows.map((r) => r.storageId))) {
          const handle = deps.recording.storageHandle(storageId);
          const ofStorage = rows.filter((r) => r.storageId === storageId);
          if (!handle) continue;
          const deleted = await deleteRecordings(deps.media, handle, ofStorage, () => deps.config.listEvidenceLocks(), deps.clock.now());
          recordingsDeleted += deleted.length;
          recordingsKeptLocked += ofStorage.length - deleted.length;
        }
      }
    }
    const cameraIds = gone.cameras.map((c) => c.id);
    audit(deps, req, {
      action: 'deleteHardware', target: gone.hardware.id,
      details: {
        hardware: gone.hardware, cameras: gone.cameras.map((c) => ({ id: c.id, name: c.name })),
        devices: gone.devices.map((d) => ({ id: d.id, kind: d.kind, name: d.name })),
        deleteRecordings: req.query.deleteRecordings ?? false, recordingsDeleted, recordingsKeptLocked,
      },
    });
    deps.changes.fire({ type: 'cameras', cameraIds });
    return { hardware: gone.hardware, cameraIds, recordingsDeleted, recordingsKeptLocked };
  });
};
