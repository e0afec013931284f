import { AlarmDefinitionStore } from '../../alarms/node/alarmDefinitionStore';
import { AlarmRetention } from '../../alarms/node/alarmRetention';
import { AlarmService } from '../../alarms/node/alarmService';
import { AlarmStore } from '../../alarms/node/alarmStore';
import type { AlarmContext } from '../../alarms/common/alarmDefinitionValidation';
import type { Clock } from '../../base/common/clock';
import { VmsError, errorMessage, isVmsError } from '../../base/common/errors';
import { DisposableStore } from '../../base/common/event';
import type { PtzControl } from '../../devices/node/ptzControl';
import type { OutputSwitch } from '../../devices/node/outputSwitch';
import type { SystemEvent } from '../../events/common/systemEvent';
import type { LogLevel } from '../../events/common/logs';
import type { VmsEvent } from '../../events/common/vmsEvent';
import type { EventLog } from '../../events/node/eventLog';
import { EventServer } from '../../events/node/eventServer';
import { GenericEventService } from '../../events/node/genericEventService';
import { AnalyticsEventService } from '../../events/node/analyticsEventService';
import { AnalyticsSourceStore } from '../../events/node/analyticsSourceStore';
import { GenericEventStore } from '../../events/node/genericEventStore';
import { SystemLog } from '../../events/node/systemLog';
import { UserDefinedEventStore } from '../../events/node/userDefinedEventStore';
import type { Bookmark } from '../../management/common/evidence';
import { profileRules } from '../../management/common/timeProfile';
import type { ConfigStore } from '../../management/node/configStore';
import type { RoleStore } from '../../management/node/roleStore';
import type { NotificationOptions } from '../../notifications/node/notificationService';
import { NotificationService } from '../../notifications/node/notificationService';
import { NotificationStore } from '../../notifications/node/notificationStore';
import type { MailSender } from '../../notifications/node/smtpMailer';
import { SmtpMailer } from '../../notifications/node/smtpMailer';
import type { RecordingServer } from '../../recording/node/recordingServer';
import type { SiteKeys } from '../../security/node/siteKeys';
import type { RuleContext } from '../common/ruleValidation';
import { SiteRuleActions } from './ruleActions';
import type { RuleActionPerformer } from './ruleActions';
import { RuleEngine } from './ruleEngine';
import { RuleLog } from './ruleLog';
import { RuleStore } from './ruleStore';
import { TimeProfileScheduler } from './timeProfileScheduler';

const RETENTION_PASS_MS = 3600_000;

export interface EventsAndRulesDeps {
  config: ConfigStore;
  clock: Clock;
  /** The recording server's device and system events, fed into the event server. */
  eventLog: EventLog;
  /** The alarm database (DATA/alarms.db; alarms/node/alarmMigrations.ts). */
  alarmsDbPath: string;
  /** Roles, which alarm definitions show their alarms to. */
  roles: Pick<RoleStore, 'list'>;
  recording: Pick<RecordingServer, 'holdRecording' | 'releaseRecording' | 'holdFeed' | 'releaseFeed'>;
  ptz?: PtzControl;
  /** Switches outputs (the rules' setOutput); what it switches is raised as outputActivated / outputDeactivated. */
  outputs?: OutputSwitch;
  onBookmarkCreated?: (b: Bookmark) => void;
  /** Wraps the SMTP password in the configuration database. */
  keys: SiteKeys;
  /** A JPEG of what a camera shows now, attached to notifications; absent: mails say there is no picture. */
  snapshot?: (cameraId: string) => Promise<Uint8Array>;
  /** Replaces the SMTP client (tests). */
  mailer?: MailSender;
  notificationOptions?: NotificationOptions;
  /** Replaces the site's actions (tests that watch what rules do). */
  actions?: RuleActionPerformer;
}

/** The event server's events that also belong in the system log, by level. */
const SYSTEM_LOGGED: Partial<Record<SystemEvent['type'], { source: string; level?: LogLevel }>> = {
  connectionLost: { source: 'recording', level: 'warning' },
  connectionRestored: { source: 'recording' },
  recordingFailed: { source: 'recording' },
  storageFull: { source: 'storage' },
  storageRecovered: { source: 'storage' },
  storageUnavailable: { source: 'storage' },
  archivingFailed: { source: 'storage' },
  serverStarted: { source: 'server' },
  serverStopped: { source: 'server' },
  databaseRepaired: { source: 'server', level: 'warning' },
};
const LEVEL_OF: Record<SystemEvent['severity'], LogLevel> = { info: 'information', warning: 'warning', error: 'error' };

/**
 * The event server role of a site: the event bus, user-defined and generic events, rules with
 * their scheduler and engine, alarms, and the rule and system logs, over the configuration
 * database (alarms themselves in their own, `alarmsDbPath`).
 * One object so the site opens and closes it as a unit.
 */
export class EventsAndRules {
  readonly events: EventServer;
  readonly userDefinedEvents: UserDefinedEventStore;
  readonly genericEvents: GenericEventStore;
  readonly rules: RuleStore;
  readonly ruleLog: RuleLog;
  readonly systemLog: SystemLog;
  readonly scheduler: TimeProfileScheduler;
  readonly engine: RuleEngine;
  readonly generic: GenericEventService;
  /** Outside analytics systems allowed to post events (POST /api/analytics-events). */
  readonly analyticsSources: AnalyticsSourceStore;
  /** Checks posted analytics events and raises them on the bus. */
  readonly analytics: AnalyticsEventService;
  readonly alarmDefinitions: AlarmDefinitionStore;
  readonly alarmStore: AlarmStore;
  /** Alarms raised from the bus by the alarm definitions. */
  readonly alarms: AlarmService;
  /** Deletes closed alarms past their retention (the log settings' closedAlarmRetentionDays), hourly. */
  readonly alarmRetention: AlarmRetention;
  /** The SMTP server and notification profiles. */
  readonly notificationProfiles: NotificationStore;
  /** Sends notification mails in the background (the rules' sendNotification, and tests of a profile). */
  readonly notifications: NotificationService;
  private readonly store = new DisposableStore();
  private retentionTimer: { cancel(): void } | undefined;

  constructor(private readonly deps: EventsAndRulesDeps) {
    const { config, clock } = deps;
    this.systemLog = new SystemLog(config.db, clock);
    this.events = new EventServer({ clock, onListenerError: (e, what) => this.systemLog.write('error', 'events', `${what} failed: ${errorMessage(e)}`, 'VMS_ERR_INTERNAL') });
    this.userDefinedEvents = new UserDefinedEventStore(config.db);
    this.genericEvents = new GenericEventStore(config.db);
    this.analyticsSources = new AnalyticsSourceStore(config.db, () => new Set(config.listCameras().map((c) => c.id)));
    this.rules = new RuleStore(config.db, () => this.ruleContext());
    this.ruleLog = new RuleLog(config.db, clock);
    this.scheduler = new TimeProfileScheduler(clock, (id) => {
      try {
        return profileRules(config.timeProfiles.get(id));
      } catch {
        return undefined;
      }
    });
    this.notificationProfiles = new NotificationStore(config.db, deps.keys, () => ({ cameraIds: new Set(config.listCameras().map((c) => c.id)) }));
    this.notifications = new NotificationService({
      clock, store: this.notificationProfiles, sender: deps.mailer ?? new SmtpMailer(), systemLog: this.systemLog, ruleLog: this.ruleLog,
      siteName: () => config.site.getSite().name, ...(deps.snapshot ? { snapshot: deps.snapshot } : {}),
      cameraName: (id) => config.listCameras().find((c) => c.id === id)?.name ?? `camera ${id}`,
      ...(deps.notificationOptions ? { options: deps.notificationOptions } : {}),
    });
    const actions = deps.actions ?? new SiteRuleActions({
      clock, config, recording: deps.recording, events: this.events, userDefinedEvents: this.userDefinedEvents, notifications: this.notifications,
      ...(deps.ptz ? { ptz: deps.ptz } : {}), ...(deps.onBookmarkCreated ? { onBookmarkCreated: deps.onBookmarkCreated } : {}),
      ...(deps.outputs ? { outputs: deps.outputs } : {}),
    });
    if (deps.outputs) this.connectOutputs(deps.outputs);
    const recordingModeOf = (cameraId: string) => {
      try {
        return config.getCamera(cameraId).policy.mode;
      } catch {
        return undefined;
      }
    };
    this.engine = new RuleEngine({
      clock, rules: this.rules, events: this.events, scheduler: this.scheduler, actions, ruleLog: this.ruleLog, systemLog: this.systemLog, recordingModeOf,
    });
    this.generic = new GenericEventService({ clock, store: this.genericEvents, events: this.events, systemLog: this.systemLog });
    this.analytics = new AnalyticsEventService({ clock, store: this.analyticsSources, events: this.events, systemLog: this.systemLog });
    this.alarmDefinitions = new AlarmDefinitionStore(config.db, () => this.alarmContext());
    this.alarmStore = new AlarmStore(deps.alarmsDbPath);
    this.alarms = new AlarmService({
      clock, events: this.events, scheduler: this.scheduler, definitions: this.alarmDefinitions, store: this.alarmStore,
      systemLog: this.systemLog, context: () => this.alarmContext(), recordingModeOf,
    });
    this.alarmRetention = new AlarmRetention({
      clock, store: this.alarmStore, systemLog: this.systemLog, retentionDays: () => this.systemLog.settings().closedAlarmRetentionDays,
    });
  }

  /** What exists on the site now, for checking alarm definitions. */
  alarmContext(): AlarmContext {
    return { ...this.ruleContext(), roleIds: new Set(this.deps.roles.list().map((r) => r.id)) };
  }

  /** What exists on the site now, for checking rules. */
  ruleContext(): RuleContext {
    const { config } = this.deps;
    const cameras = config.listCameras();
    return {
      cameraIds: new Set(cameras.map((c) => c.id)),
      ptzCameraIds: new Set(cameras.filter((c) => c.ptz.supported && c.ptz.profileToken !== undefined).map((c) => c.id)),
      storageIds: new Set(config.listStorages().map((s) => s.id)),
      serverIds: new Set(config.site.listRecordingServers().map((s) => s.id)),
      timeProfileIds: new Set(config.timeProfiles.list().map((p) => p.id)),
      userDefinedEventIds: new Set(this.userDefinedEvents.list().map((e) => e.id)),
      genericEventIds: new Set(this.genericEvents.listEvents().map((e) => e.id)),
      notificationProfileIds: new Set(this.notificationProfiles.list().map((p) => p.id)),
      analyticsSourceIds: new Set(this.analyticsSources.list().map((s) => s.id)),
      inputIds: new Set(config.devices.listDevices({ kind: 'input' }).map((d) => d.id)),
      outputIds: new Set(config.devices.listDevices({ kind: 'output' }).map((d) => d.id)),
      disabledDeviceIds: new Set(config.devices.listDevices().filter((d) => !d.enabled).map((d) => d.id)),
      hardwareIds: new Set(config.hardwareStore.list().map((h) => h.id)),
    };
  }

  /**
   * An output switched (by the API, a rule or a pulse ending) is an event on the bus; one
   * switched by a rule carries the rule chain, so a rule answering its own output is refused by
   * the loop guard. A pulse that could not end is for the system log: nobody waits for it.
   */
  private connectOutputs(outputs: OutputSwitch): void {
    this.store.add(outputs.onDidSwitch((s) => {
      this.events.raise({
        type: s.state === 'on' ? 'outputActivated' : 'outputDeactivated', source: { kind: 'output', id: s.device.id, name: s.device.name },
        severity: 'information', message: `${s.device.name} switched ${s.state} (by ${s.by})`, data: { by: s.by }, ...(s.cause ? { cause: s.cause } : {}),
      });
    }));
    this.store.add(outputs.onDidFailPulse(({ device, error }) => {
      this.systemLog.write('error', 'devices', `${device.name} could not be switched back after its pulse: ${errorMessage(error)}`, isVmsError(error) ? error.code : 'VMS_ERR_INTERNAL');
    }));
  }

  /** Connects the recording server's events, starts the engine and the generic event listeners. */
  async start(): Promise<void> {
    const { config, eventLog } = this.deps;
    const serverId = config.site.listRecordingServers().find((s) => s.local)?.id ?? 'local';
    this.store.add(this.events.connectEventLog(eventLog, {
      serverId,
      storageOfCamera: (id) => config.listCameras().find((c) => c.id === id)?.storageId,
    }));
    this.store.add(eventLog.onDidRaise((e) => {
      const logged = SYSTEM_LOGGED[e.type];
      if (logged) this.systemLog.write(logged.level ?? LEVEL_OF[e.severity], logged.source, e.message, e.code);
    }));
    this.engine.start();
    this.alarms.start();
    this.alarmRetention.start();
    await this.generic.start();
    this.purge();
  }

  /**
   * Picks up what a configuration restore wrote straight into the database: the engine and the
   * alarm service reload their rules and definitions, the analytics sources and the generic
   * event listeners are read again, time rules look at their (perhaps changed) profiles, and
   * the log settings are read again. Notifications read the SMTP server and profiles at each
   * send and need nothing.
   */
  async reloadConfiguration(): Promise<void> {
    this.systemLog.reloadSettings();
    this.rules.announceChange();
    this.alarmDefinitions.announceChange();
    this.analyticsSources.reload();
    this.scheduler.refresh();
    await this.generic.reload();
  }

  /** An operator, the API or an integration raises a user-defined event. */
  triggerUserDefinedEvent(id: string, by: { username: string }): VmsEvent {
    const def = this.userDefinedEvents.get(id);
    return this.events.raise({
      type: 'userDefined', definitionId: def.id, source: { kind: 'userDefinedEvent', id: def.id, name: def.name },
      severity: 'information', message: `${def.name} (triggered by ${by.username})`, data: { triggeredBy: by.username },
    });
  }

  /** Refuses (409, naming them) while rules or alarm definitions run within the time profile: deleteTimeProfile asks first. */
  timeProfileInUse(profileId: string): void {
    const rules = this.rules.usingTimeProfile(profileId);
    const alarms = this.alarmDefinitions.usingTimeProfile(profileId);
    const users = [...(rules.length ? [`the rule(s) ${rules.join(', ')}`] : []), ...(alarms.length ? [`the alarm definition(s) ${alarms.join(', ')}`] : [])];
    if (users.length > 0) throw new VmsError('VMS_ERR_CONFLICT', `the time profile is used by ${users.join(' and ')}`);
  }

  private purge(): void {
    try {
      this.systemLog.purge();
    } catch (e) {
      this.systemLog.write('warning', 'server', `log retention pass failed: ${errorMessage(e)}`);
    }
    this.retentionTimer = this.deps.clock.setTimeout(() => this.purge(), RETENTION_PASS_MS);
  }

  async close(): Promise<void> {
    this.retentionTimer?.cancel();
    this.store.dispose();
    this.notifications.close();
    await this.generic.close();
    this.engine.dispose();
    // Last: the engine and notifications above may still have queued entries.
    this.ruleLog.flush();
    this.alarms.dispose();
    this.alarmRetention.dispose();
    this.alarmDefinitions.dispose();
    this.alarmStore.close();
    this.scheduler.dispose();
    this.rules.dispose();
    this.events.dispose();
  }
}
