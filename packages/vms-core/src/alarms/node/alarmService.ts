import type { Clock } from '../../base/common/clock';
import type { Disposable } from '../../base/common/event';
import { DisposableStore, Emitter } from '../../base/common/event';
import type { VmsEvent } from '../../events/common/vmsEvent';
import { eventCameraId } from '../../events/common/vmsEvent';
import type { EventServer } from '../../events/node/eventServer';
import type { SystemLog } from '../../events/node/systemLog';
import { eventMatchesTrigger } from '../../rules/common/rule';
import type { RecordingModeOf } from '../../rules/common/rule';
import type { TimeProfileScheduler } from '../../rules/node/timeProfileScheduler';
import type { Alarm, AlarmDefinition } from '../common/alarm';
import { ALARM_LIMITS, definitionShownTo } from '../common/alarm';
import type { AlarmChange, BulkAlarmAction } from '../common/alarmChanges';
import { bulkChange } from '../common/alarmChanges';
import type { AlarmContext } from '../common/alarmDefinitionValidation';
import { danglingReferences } from '../common/alarmDefinitionValidation';
import { AlarmFloodLimiter } from '../common/alarmFlood';
import type { AlarmDefinitionStore } from './alarmDefinitionStore';
import type { AlarmActor, AlarmStore } from './alarmStore';

export interface AlarmServiceDeps {
  clock: Clock;
  events: Pick<EventServer, 'onDidRaise'>;
  scheduler: Pick<TimeProfileScheduler, 'isActive'>;
  definitions: AlarmDefinitionStore;
  store: AlarmStore;
  systemLog: Pick<SystemLog, 'write'>;
  /** What exists on the site now, to find what definitions name after it was deleted. */
  context: () => AlarmContext;
  /** New alarms per definition per second (default ALARM_LIMITS.maxNewPerSecond). */
  maxNewPerSecond?: number;
  /** Cameras' recording modes, for triggers that name some. */
  recordingModeOf?: RecordingModeOf;
}

/** A new or changed alarm, for the updates socket. */
export interface AlarmNotice {
  action: 'created' | 'updated';
  alarm: Alarm;
}

/** Repeats are written (and announced) at most this often per alarm. */
const REPEAT_FLUSH_MS = 1000;
/** A flooding definition is written to the system log at most this often. */
const FLOOD_LOG_INTERVAL_MS = 60_000;

const sourceName = (e: VmsEvent) => e.source.name ?? `${e.source.kind} ${e.source.id}`;

/**
 * Raises alarms from the event bus the rules engine hears: each event matching an enabled
 * definition's trigger (within its time profile, read at the event on the injected clock)
 * becomes a New alarm; each event matching a definition's close event closes its open alarms.
 * A definition raising more than `maxNewPerSecond` alarms counts the rest as repeats of its last
 * alarm (written once a second) and says so in the system log once a minute, so a flood cannot
 * fill the database. Every new or changed alarm is announced on onDidChange.
 */
export class AlarmService implements Disposable {
  private readonly onDidChangeEmitter = new Emitter<AlarmNotice>();
  readonly onDidChange = this.onDidChangeEmitter.event;
  private readonly store = new DisposableStore();
  private definitions = new Map<string, AlarmDefinition>();
  private readonly limiter: AlarmFloodLimiter;
  private readonly lastAlarm = new Map<string, number>();
  private readonly pendingRepeats = new Map<number, number>();
  private readonly floodLoggedAt = new Map<string, number>();
  private flushTimer: { cancel(): void } | undefined;
  private loggedReferences = new Set<string>();
  private disposed = false;

  constructor(private readonly deps: AlarmServiceDeps) {
    this.limiter = new AlarmFloodLimiter(deps.maxNewPerSecond ?? ALARM_LIMITS.maxNewPerSecond);
  }

  start(): void {
    this.store.add(this.deps.events.onDidRaise((e) => this.onEvent(e)));
    this.store.add(this.deps.definitions.onDidChange(() => this.reload()));
    this.reload();
  }

  /** The definition as it is now (undefined once deleted). */
  definition(id: string): AlarmDefinition | undefined {
    return this.definitions.get(id);
  }

  /** Whether a user with these roles is shown the alarm: administrators always; others through its definition's roles. */
  shownTo(alarm: Pick<Alarm, 'definitionId'>, roleIds: readonly string[], administrator: boolean): boolean {
    const def = this.definitions.get(alarm.definitionId);
    return administrator || (def !== undefined && definitionShownTo(def, roleIds, false));
  }

  /** The definitions whose alarms a user is shown; undefined: all (administrators). */
  shownDefinitionIds(roleIds: readonly string[], administrator: boolean): string[] | undefined {
    if (administrator) return undefined;
    return [...this.definitions.values()].filter((d) => definitionShownTo(d, roleIds, false)).map((d) => d.id);
  }

  update(id: number, change: AlarmChange, by: AlarmActor): Alarm {
    const before = this.deps.store.get(id);
    const after = this.deps.store.change(id, change, by, this.deps.clock.now());
    if (after.updatedAt !== before.updatedAt) this.onDidChangeEmitter.fire({ action: 'updated', alarm: after });
    return after;
  }

  /** Acknowledges (In progress) or closes every alarm listed, or none when one cannot be (400 naming `alarmIds[i]`). */
  bulk(ids: readonly number[], action: BulkAlarmAction, by: AlarmActor): Alarm[] {
    const changes = ids.flatMap((id, i) => {
      const change = bulkChange(this.deps.store.get(id), action);
      return change ? [{ id, change, field: `alarmIds[${i}]` }] : [];
    });
    const changed = this.deps.store.changeMany(changes, by, this.deps.clock.now());
    for (const alarm of changed) this.onDidChangeEmitter.fire({ action: 'updated', alarm });
    return ids.map((id) => this.deps.store.get(id));
  }

  /** Deletes a definition with no open alarms (409 otherwise). */
  deleteDefinition(id: string): AlarmDefinition {
    return this.deps.definitions.delete(id, this.deps.store.openCount(id));
  }

  /**
   * Writes a warning to the system log for each thing a definition names that is gone (a
   * camera, role, time profile, user-defined or generic event), once until it is fixed. The
   * definition keeps working on what remains; its next edit names the missing field.
   */
  checkReferences(): void {
    if (this.disposed) return;
    // Every configuration change lands here; a site without alarm definitions has nothing to check.
    if (this.definitions.size === 0) {
      this.loggedReferences = new Set();
      return;
    }
    const ctx = this.deps.context();
    const now = new Set<string>();
    for (const def of this.definitions.values()) {
      for (const ref of danglingReferences(def, ctx)) {
        const key = `${def.id} ${ref.field} ${ref.what}`;
        now.add(key);
        if (this.loggedReferences.has(key)) continue;
        this.deps.systemLog.write('warning', 'alarms',
          `alarm definition ${def.name}: ${ref.field} names ${ref.what}, which no longer exists; edit the definition`, 'VMS_ERR_NOT_FOUND');
      }
    }
    this.loggedReferences = now;
  }

  private reload(): void {
    if (this.disposed) return;
    const next = new Map(this.deps.definitions.list().map((d) => [d.id, d]));
    for (const id of this.definitions.keys()) {
      if (!next.has(id)) {
        this.limiter.forget(id);
        this.lastAlarm.delete(id);
      }
    }
    this.definitions = next;
    this.checkReferences();
  }

  private onEvent(e: VmsEvent): void {
    for (const def of this.definitions.values()) {
      // A disabled definition raises nothing but still closes what it raised before.
      if (def.close && eventMatchesTrigger(def.close, e, this.deps.recordingModeOf)) this.autoClose(def, e);
      if (!def.enabled || !eventMatchesTrigger(def.trigger, e, this.deps.recordingModeOf)) continue;
      if (def.timeProfileId !== undefined && !this.deps.scheduler.isActive(def.timeProfileId)) continue;
      this.raise(def, e);
    }
  }

  private raise(def: AlarmDefinition, e: VmsEvent): void {
    const now = this.deps.clock.now();
    if (!this.limiter.admit(def.id, now)) {
      this.repeat(def, now);
      return;
    }
    const camera = eventCameraId(e);
    const cameras = [...new Set([...(camera !== undefined ? [camera] : []), ...def.relatedCameraIds])];
    const alarm = this.deps.store.insert({
      definitionId: def.id, definitionName: def.name, raisedAt: e.at, priority: def.priority, category: def.category,
      source: e.source, relatedCameraIds: cameras, instructions: def.instructions, sound: def.sound,
      event: {
        id: e.id, type: e.type, at: e.at, message: e.message,
        ...(e.definitionId !== undefined ? { definitionId: e.definitionId } : {}), ...(e.data ? { data: e.data } : {}),
      },
    }, now);
    this.lastAlarm.set(def.id, alarm.id);
    this.onDidChangeEmitter.fire({ action: 'created', alarm });
  }

  private repeat(def: AlarmDefinition, now: number): void {
    const id = this.lastAlarm.get(def.id);
    if (id === undefined) return;
    this.pendingRepeats.set(id, (this.pendingRepeats.get(id) ?? 0) + 1);
    this.flushTimer ??= this.deps.clock.setTimeout(() => this.flushRepeats(), REPEAT_FLUSH_MS);
    const logged = this.floodLoggedAt.get(def.id);
    if (logged === undefined || now - logged >= FLOOD_LOG_INTERVAL_MS) {
      this.floodLoggedAt.set(def.id, now);
      this.deps.systemLog.write('warning', 'alarms',
        `alarm definition ${def.name} is flooding (more than ${this.deps.maxNewPerSecond ?? ALARM_LIMITS.maxNewPerSecond} alarms a second): ` +
        `further events are counted as repeats of alarm ${id}`);
    }
  }

  private flushRepeats(): void {
    this.flushTimer = undefined;
    const now = this.deps.clock.now();
    const pending = [...this.pendingRepeats];
    this.pendingRepeats.clear();
    for (const [id, count] of pending) {
      const alarm = this.deps.store.addRepeats(id, count, now);
      if (alarm) this.onDidChangeEmitter.fire({ action: 'updated', alarm });
    }
  }

  private autoClose(def: AlarmDefinition, e: VmsEvent): void {
    const closed = this.deps.store.closeOpen(def.id, def.close?.sameSource ? e.source : undefined, `${e.type} from ${sourceName(e)}`, this.deps.clock.now());
    for (const alarm of closed) this.onDidChangeEmitter.fire({ action: 'updated', alarm });
  }

  /** Writes the repeats counted so far and stops listening. */
  dispose(): void {
    if (this.disposed) return;
    this.flushTimer?.cancel();
    if (this.pendingRepeats.size > 0) this.flushRepeats();
    this.disposed = true;
    this.store.dispose();
    this.onDidChangeEmitter.dispose();
  }
}
