import type { AlarmNotice } from '../../alarms/node/alarmService';
import { DisposableStore, toDisposable } from '../../base/common/event';
import type { Disposable } from '../../base/common/event';
import type { SystemEventType } from '../../events/common/systemEvent';
import type { RoleDefinition } from '../../management/common/permissions';
import { allowedOnEveryCamera, hasAdminFlag, hasAnyCameraRight, isAdministrators } from '../../management/common/permissions';
import type { OutputSwitched } from '../../devices/node/outputSwitch';
import { canSeeDevice } from '../../management/common/device';
import { canSeeView } from '../../management/common/viewGroup';
import type { ExportJob } from '../../streaming/node/export/exportJobs';
import type { ConfigurationResource } from '../common/configurationResources';
import type { SiteUpdate } from '../common/updateSchemas';
import type { ApiDeps } from './apiDeps';
import { cameraStatusBody } from './routes/cameraRoutes';
import { viewBody } from './routes/viewRoutes';
import type { SiteChange } from './siteChanges';

/** One signed-in updates socket, as the hub sees it. */
export interface UpdateSubscriber {
  readonly userId: string;
  send(update: SiteUpdate): void;
}

interface Recipient {
  userId: string;
  roles: readonly RoleDefinition[];
  now: number;
}

/** System events after which a camera's status (connection, recording, motion) is sent again. */
const STATUS_EVENTS = new Set<SystemEventType>([
  'connectionLost', 'connectionRestored', 'recordingStarted', 'recordingStopped', 'recordingFailed', 'motionStarted', 'motionStopped',
]);

/**
 * A lost connection ends the recording a moment later: one status after both, not two. Short
 * enough that an operator sees motion and connection changes at once.
 */
export const STATUS_COALESCE_MS = 100;

/**
 * Configuration every signed-in user's client follows (the views panel, the client profile, the
 * outputs a live tile offers), not only administrators'. The push names the resource only; each
 * client refetches what its rights let it read.
 */
const EVERYONE_RESOURCES = new Set<ConfigurationResource>(['viewGroups', 'clientProfiles', 'devices']);

/** Export progress is sent in steps of this much (and on every change of state). */
const EXPORT_PROGRESS_STEP = 0.02;

/**
 * Fans site changes out to the updates sockets, each message only to users entitled to it,
 * decided with their roles as they are at that moment (read once per message and user):
 * - camera status: some right on the camera, as for getCameraStatus;
 * - views: whoever may see the view; one who saw it before an edit and not after hears "deleted";
 * - bookmarks and evidence locks: bookmarkView / evidenceLockView on every one of their cameras,
 *   as their REST routes decide; an edit moving a bookmark out of sight reads "deleted";
 * - export jobs: their owner and administrators, as the export routes decide;
 * - alarms: administrators and members of a role their definition is shown to, as listAlarms decides;
 * - output switches: those who see the output's device, as listDevices decides;
 * - "camerasChanged" carries nothing and goes to everyone; so do "configurationChanged" for view
 *   groups, client profiles and devices, while other configuration goes to administrators only.
 */
export class SiteUpdatesHub implements Disposable {
  private readonly subscribers = new Set<UpdateSubscriber>();
  private readonly store = new DisposableStore();
  private readonly pendingStatus = new Set<string>();
  private statusTimer: { cancel(): void } | undefined;
  private readonly exportSent = new Map<string, { state: string; progress: number }>();

  constructor(private readonly deps: Pick<ApiDeps, 'changes' | 'events' | 'config' | 'recording' | 'roles' | 'clock' | 'mediaServices' | 'eventsAndRules' | 'outputs'>) {
    this.store.add(deps.changes.event((c) => this.onChange(c)));
    this.store.add(deps.events.onDidRaise((e) => {
      if (e.cameraId !== undefined && STATUS_EVENTS.has(e.type)) this.queueStatus([e.cameraId]);
    }));
    this.store.add(deps.mediaServices.exports.onDidChange((job) => this.onExportJob(job)));
    this.store.add(deps.eventsAndRules.alarms.onDidChange((n) => this.onAlarm(n)));
    this.store.add(deps.outputs.onDidSwitch((s) => this.onOutputSwitched(s)));
  }

  add(subscriber: UpdateSubscriber): Disposable {
    this.subscribers.add(subscriber);
    return toDisposable(() => this.subscribers.delete(subscriber));
  }

  get size(): number {
    return this.subscribers.size;
  }

  dispose(): void {
    this.store.dispose();
    this.statusTimer?.cancel();
    this.subscribers.clear();
  }

  private onChange(c: SiteChange): void {
    switch (c.type) {
      case 'cameras':
        this.each(() => ({ type: 'camerasChanged' }));
        this.queueStatus(c.cameraIds);
        return;
      case 'view':
        if (c.action === 'deleted') {
          this.each((r) => (canSeeView(c.group, r.userId, r.roles) ? { type: 'view', action: 'deleted', viewId: c.view.id } : undefined));
          return;
        }
        this.each((r) => {
          if (canSeeView(c.group, r.userId, r.roles)) return { type: 'view', action: 'upserted', view: viewBody(c.view, c.group, r.userId, r.roles) };
          return c.before && canSeeView(c.before.group, r.userId, r.roles) ? { type: 'view', action: 'deleted', viewId: c.view.id } : undefined;
        });
        return;
      case 'bookmark':
        this.each((r) => {
          if (allowedOnEveryCamera(r.roles, c.cameraIds, 'bookmarkView', r.now)) {
            return { type: 'bookmark', action: c.action, bookmarkId: c.bookmarkId, cameraIds: c.cameraIds };
          }
          return c.cameraIdsBefore && allowedOnEveryCamera(r.roles, c.cameraIdsBefore, 'bookmarkView', r.now)
            ? { type: 'bookmark', action: 'deleted', bookmarkId: c.bookmarkId, cameraIds: c.cameraIdsBefore }
            : undefined;
        });
        return;
      case 'evidenceLock':
        this.each((r) => (allowedOnEveryCamera(r.roles, c.cameraIds, 'evidenceLockView', r.now)
          ? { type: 'evidenceLock', action: c.action, lockId: c.lockId, cameraIds: c.cameraIds }
          : undefined));
        return;
      case 'configuration':
        this.each((r) => {
          // View groups, client profiles and devices shape every Smart Client: everyone hears those.
          const resources = hasAdminFlag(r.roles, 'manageConfiguration') || hasAdminFlag(r.roles, 'manageUsers')
            ? c.resources : c.resources.filter((x) => EVERYONE_RESOURCES.has(x));
          return resources.length > 0 ? { type: 'configurationChanged', resources: [...resources] } : undefined;
        });
        return;
    }
  }

  private queueStatus(cameraIds: readonly string[]): void {
    for (const id of cameraIds) this.pendingStatus.add(id);
    this.statusTimer ??= this.deps.clock.setTimeout(() => this.flushStatus(), STATUS_COALESCE_MS);
  }

  private flushStatus(): void {
    this.statusTimer = undefined;
    const ids = [...this.pendingStatus];
    this.pendingStatus.clear();
    if (this.subscribers.size === 0) return;
    const cameras = new Map(this.deps.config.listCameras().map((c) => [c.id, c]));
    for (const id of ids) {
      const camera = cameras.get(id);
      if (!camera) continue;
      const status = cameraStatusBody(this.deps, camera);
      this.each((r) => (hasAnyCameraRight(r.roles, id) ? { type: 'cameraStatus', status } : undefined));
    }
  }

  private onExportJob(job: ExportJob): void {
    const last = this.exportSent.get(job.id);
    const finished = job.state !== 'queued' && job.state !== 'running';
    if (last && last.state === job.state && job.progress - last.progress < EXPORT_PROGRESS_STEP) return;
    if (finished) this.exportSent.delete(job.id);
    else this.exportSent.set(job.id, { state: job.state, progress: job.progress });
    this.each((r) => (r.userId === job.userId || r.roles.some(isAdministrators)
      ? { type: 'exportJob', jobId: job.id, state: job.state, progress: job.progress }
      : undefined));
  }

  private onAlarm({ action, alarm }: AlarmNotice): void {
    const alarms = this.deps.eventsAndRules.alarms;
    this.each((r) => (alarms.shownTo(alarm, r.roles.map((role) => role.id), r.roles.some(isAdministrators))
      ? { type: 'alarm', action, alarmId: alarm.id, state: alarm.state, priority: alarm.priority }
      : undefined));
  }

  private onOutputSwitched({ device, state }: OutputSwitched): void {
    const cameraIds = this.deps.config.listCameras().filter((c) => c.hardwareId === device.hardwareId).map((c) => c.id);
    this.each((r) => (canSeeDevice(r.roles, cameraIds)
      ? { type: 'outputState', deviceId: device.id, hardwareId: device.hardwareId, state }
      : undefined));
  }

  /** Sends each subscriber what `message` decides for its user now (undefined: nothing). */
  private each(message: (r: Recipient) => SiteUpdate | undefined): void {
    if (this.subscribers.size === 0) return;
    const now = this.deps.clock.now();
    const rolesByUser = new Map<string, RoleDefinition[]>();
    for (const s of [...this.subscribers]) {
      let roles = rolesByUser.get(s.userId);
      if (!roles) rolesByUser.set(s.userId, (roles = this.deps.roles.rolesOfUser(s.userId)));
      const update = message({ userId: s.userId, roles, now });
      if (update) s.send(update);
    }
  }
}
