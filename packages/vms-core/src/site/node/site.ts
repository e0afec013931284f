import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { mkdirSync, statfsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Clock } from '../../base/common/clock';
import { Emitter } from '../../base/common/event';
import type { SiteChange } from '../../api/node/siteChanges';
import { systemClock } from '../../base/node/systemClock';
import { buildServer } from '../../api/node/server';
import type { AddHardwareRequest, HardwareInfo } from '../../devices/common/types';
import type { StreamOpener } from '../../devices/node/frameSource';
import { probeHardware, streamOpeners } from '../../devices/node/drivers';
import { discoverOnvif } from '../../devices/node/onvif';
import { PtzControl } from '../../devices/node/ptzControl';
import { OutputControl } from '../../devices/node/outputControl';
import { OutputSwitch } from '../../devices/node/outputSwitch';
import { NEW_SITE_LOG_SETTINGS } from '../../events/common/logs';
import { EventLog } from '../../events/node/eventLog';
import { OnvifEventService } from '../../events/node/onvifEventService';
import { EventsAndRules } from '../../rules/node/eventsAndRules';
import type { NotificationOptions } from '../../notifications/node/notificationService';
import { MediaDb } from '../../media-db/node/mediaDb';
import type { RecoveryReport } from '../../media-db/node/recovery';
import { ConfigStore } from '../../management/node/configStore';
import { Identity } from '../../management/node/identity';
import type { IdentityOptions } from '../../management/node/identity';
import { RoleStore } from '../../management/node/roleStore';
import { AuditLog } from '../../management/node/auditLog';
import { ADMINISTRATORS_ROLE_ID } from '../../management/common/permissions';
import { RecordingServer } from '../../recording/node/recordingServer';
import type { WriterOptions } from '../../media-db/node/recordingWriter';
import { SiteKeys } from '../../security/node/siteKeys';
import { VmsError } from '../../base/common/errors';
import { StorageMaintenance } from '../../media-db/node/storageMaintenance';
import { connectMaintenanceEvents } from './maintenanceEvents';
import { createMediaServices } from './createMediaServices';
import { DEFAULT_SITE_PORT } from '../common/defaults';
import type { ExportSettings } from './createMediaServices';

export interface SiteOptions {
  dataDir: string;
  /** Creates the administrator "admin" on first start; a random one is generated and reported otherwise. */
  adminPassword?: string;
  /** Adds the built-in simulated camera when the site has no hardware yet. */
  demoCamera?: boolean;
  clock?: Clock;
  openers?: Record<string, StreamOpener>;
  probeHardware?: (req: AddHardwareRequest) => Promise<HardwareInfo>;
  writerOptions?: WriterOptions;
  /** Where finished exports are kept and for how long (default: DATA/exports, 20 GiB, 7 days). */
  exportSettings?: Partial<ExportSettings>;
  /** Token lifetimes and login throttling; defaults suit production. */
  identity?: IdentityOptions;
  logger?: boolean;
  /** The built Smart Client renderer, served at `/` (the browser and Electron load it there). */
  clientAppDir?: string;
  /** The built Management Client renderer, served at `/admin/`. */
  adminAppDir?: string;
  /** How notification mails are retried; defaults suit production. */
  notifications?: NotificationOptions;
}

/** Paths inside a site's data folder. */
export function siteLayout(dataDir: string) {
  const root = resolve(dataDir);
  return {
    root,
    keyFile: join(root, 'site-key.json'),
    configDb: join(root, 'config.db'),
    alarmsDb: join(root, 'alarms.db'),
    mediaDb: join(root, 'recording', 'media.db'),
    liveStorage: join(root, 'storage', 'live'),
    exports: join(root, 'exports'),
  };
}

/**
 * An all-in-one site: management (configuration, identity, API) and recording server in one
 * process over one data folder. Each role is its own object so it can later run on its own.
 */
export class Site {
  private constructor(
    readonly config: ConfigStore,
    readonly identity: Identity,
    readonly roles: RoleStore,
    readonly audit: AuditLog,
    readonly media: MediaDb,
    readonly keys: SiteKeys,
    readonly events: EventLog,
    readonly recording: RecordingServer,
    readonly maintenance: StorageMaintenance,
    readonly mediaServices: ReturnType<typeof createMediaServices>,
    /** What the API changed (views, bookmarks, cameras...), announced to the updates socket. */
    readonly changes: Emitter<SiteChange>,
    readonly api: FastifyInstance,
    readonly recovery: RecoveryReport,
    /** Set when this start created the administrator with a generated password. */
    readonly generatedAdminPassword: string | undefined,
    /** The event server: rules, user-defined and generic events, the rule and system logs. */
    readonly eventsAndRules: EventsAndRules,
    /** Switches outputs for the API and the rules; its pulses end with the site. */
    readonly outputs: OutputSwitch,
    /** Inputs, outputs and other events of the ONVIF hardware, from each unit's pull point. */
    readonly onvifEvents: OnvifEventService,
  ) {}

  static async open(o: SiteOptions): Promise<Site> {
    const clock = o.clock ?? systemClock;
    const layout = siteLayout(o.dataDir);
    mkdirSync(join(layout.root, 'recording'), { recursive: true });
    const keys = SiteKeys.loadOrCreate(layout.keyFile);
    const config = new ConfigStore(layout.configDb, keys);
    // All-in-one: this process is the site's one recording server (created at the first start).
    config.site.ensureLocalRecordingServer({ name: hostname(), address: hostname() }, clock.now());
    const roles = new RoleStore(config.db, clock);
    const audit = new AuditLog(config.db, clock);
    const identity = new Identity(config.db, clock, roles, o.identity);
    const media = new MediaDb(layout.mediaDb);
    const events = new EventLog(clock);

    let generated: string | undefined;
    // No user yet: this start sets the site up (a site that ran before has its administrator).
    const newSite = !identity.hasUsers();
    if (newSite) {
      const password = o.adminPassword ?? (generated = randomBytes(9).toString('base64url'));
      await identity.createUser({ username: 'admin', password, roleIds: [ADMINISTRATORS_ROLE_ID] });
    }
    if (config.listStorages().length === 0) {
      mkdirSync(layout.liveStorage, { recursive: true });
      const disk = statfsSync(layout.liveStorage);
      const diskBytes = disk.blocks * disk.bsize;
      config.addStorage({
        id: 'live', name: 'Live storage', path: layout.liveStorage, maxBytes: Math.floor(diskBytes * 0.5),
        retentionHours: 7 * 24, archiveEveryMinutes: 60, encrypted: false, minFreeBytes: Math.min(2 ** 30, Math.floor(diskBytes * 0.05)),
      });
    }
    const probe = o.probeHardware ?? probeHardware;
    if (o.demoCamera && config.listCameras().length === 0) {
      const info = await probe({ driver: 'simulated', address: 'sim://demo' });
      config.addHardware(info, {}, 'Demo camera', config.listStorages()[0]!.id);
    }

    const recording = new RecordingServer({
      config, media, keys, clock, events, openers: o.openers ?? streamOpeners, ...(o.writerOptions ? { writerOptions: o.writerOptions } : {}),
      // The site's rules start the cameras' feeds ("Start feed always"), once eventsAndRules has started.
      feedsFromRules: true,
    });
    const recovery = await recording.start();
    const maintenance = new StorageMaintenance({
      db: media, clock, keys,
      storages: () => config.listStorages(),
      handles: (id) => {
        const h = recording.storageHandle(id);
        if (!h) throw new VmsError('VMS_ERR_NOT_FOUND', `storage ${id} is not configured`);
        return h;
      },
      locks: () => config.listEvidenceLocks(),
    });
    connectMaintenanceEvents(maintenance, recording, events);
    maintenance.start();
    const mediaServices = createMediaServices({
      media, recording, keys, clock,
      exports: { folder: layout.exports, maxBytes: 20 * 2 ** 30, retentionHours: 7 * 24, ...o.exportSettings },
    });
    const changes = new Emitter<SiteChange>();
    const ptz = new PtzControl({ clock });
    const outputControl = new OutputControl({ clock });
    const outputs = new OutputSwitch({ clock, config, control: outputControl });
    const eventsAndRules = new EventsAndRules({
      config, clock, eventLog: events, recording, ptz, outputs, alarmsDbPath: layout.alarmsDb, roles, keys,
      snapshot: (cameraId) => mediaServices.live.snapshots.jpeg(cameraId, config.getCamera(cameraId).liveStream),
      ...(o.notifications ? { notificationOptions: o.notifications } : {}),
      onBookmarkCreated: (b) => changes.fire({ type: 'bookmark', action: 'created', bookmarkId: b.id, cameraIds: b.cameraIds }),
    });
    // A new site's defaults that differ from what the migrations give a site upgraded from
    // before them (closed alarms: 90 days here, kept forever there); set before the first
    // retention pass, which eventsAndRules.start() runs.
    if (newSite) eventsAndRules.systemLog.updateSettings(NEW_SITE_LOG_SETTINGS);
    await eventsAndRules.start();
    // Each ONVIF unit in use is subscribed to; a change of hardware, cameras or devices re-reads which and how.
    const onvifEvents = new OnvifEventService({ clock, config, events: eventsAndRules.events, outputs, systemLog: eventsAndRules.systemLog });
    await onvifEvents.start();
    changes.event((c) => {
      if (c.type === 'configuration' && c.resources.some((r) => r === 'hardware' || r === 'cameras' || r === 'devices')) void onvifEvents.reconcile();
      // Removed hardware's relay sessions (its client, its credentials) go with it.
      if (c.type === 'configuration' && c.resources.includes('hardware')) outputControl.retainOnly(new Set(config.hardwareStore.list().map((h) => h.id)));
    });
    // A deleted camera, role, time profile or event that alarm definitions name goes to the system log.
    changes.event((c) => {
      if (c.type === 'configuration') eventsAndRules.alarms.checkReferences();
    });
    if (recovery.sealed.length > 0 || recovery.dropped.length > 0) {
      events.raise({ type: 'databaseRepaired', severity: 'warning', message: `media database repaired after a crash: ${recovery.sealed.length} recording(s) sealed, ${recovery.dropped.length} dropped` });
    }
    events.raise({ type: 'serverStarted', severity: 'info', message: 'site started' });
    const api = await buildServer(
      { config, identity, roles, audit, media, recording, events, clock, probeHardware: probe, discoverHardware: discoverOnvif, mediaServices, changes,
        ptz, outputs, keys, eventsAndRules },
      { logger: o.logger ?? false, ...(o.clientAppDir ? { clientAppDir: o.clientAppDir } : {}), ...(o.adminAppDir ? { adminAppDir: o.adminAppDir } : {}) },
    );
    return new Site(config, identity, roles, audit, media, keys, events, recording, maintenance, mediaServices, changes, api, recovery, generated, eventsAndRules, outputs, onvifEvents);
  }

  /** Starts serving; resolves with the URL once the port is open. */
  async listen(port = DEFAULT_SITE_PORT, host = '127.0.0.1'): Promise<string> {
    await this.api.listen({ port, host });
    const addr = this.api.server.address();
    const actual = typeof addr === 'object' && addr ? addr.port : port;
    return `http://${host}:${actual}`;
  }

  async close(): Promise<void> {
    await this.api.close();
    // Unsubscribed while the devices' events could still reach the rules.
    await this.onvifEvents.close();
    // Rules hear the site stop, then stop acting before the services they act on close.
    this.events.raise({ type: 'serverStopped', severity: 'info', message: 'site stopping' });
    // Outputs in a pulse go back now (their return is an event the rules and logs still get).
    await this.outputs.close();
    await this.eventsAndRules.close();
    this.changes.dispose();
    await this.mediaServices.close();
    await this.maintenance.dispose();
    await this.recording.close();
    this.events.dispose();
    this.media.close();
    this.config.close();
  }
}
