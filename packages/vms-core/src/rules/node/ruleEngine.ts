import type { Clock } from '../../base/common/clock';
import { errorMessage, isVmsError } from '../../base/common/errors';
import type { Disposable } from '../../base/common/event';
import { DisposableStore } from '../../base/common/event';
import type { VmsEvent } from '../../events/common/vmsEvent';
import { pairingKey } from '../../events/common/vmsEvent';
import type { EventServer } from '../../events/node/eventServer';
import type { SystemLog } from '../../events/node/systemLog';
import type { RecordingModeOf, Rule, RuleAction } from '../common/rule';
import { eventMatchesTrigger } from '../common/rule';
import type { LoopVerdict } from '../common/loopGuard';
import { FiringLimiter, chainVerdict } from '../common/loopGuard';
import { TriggerIndex } from '../common/triggerIndex';
import type { RuleActionPerformer } from './ruleActions';
import type { RuleLog } from './ruleLog';
import type { RuleStore } from './ruleStore';
import type { TimeProfileScheduler } from './timeProfileScheduler';

export interface RuleEngineDeps {
  clock: Clock;
  rules: Pick<RuleStore, 'list' | 'onDidChange'>;
  events: EventServer;
  scheduler: TimeProfileScheduler;
  actions: RuleActionPerformer;
  ruleLog: Pick<RuleLog, 'write'>;
  systemLog: Pick<SystemLog, 'write'>;
  limiter?: FiringLimiter;
  /** Cameras' recording modes, for triggers that name some (the default "Record on motion" rule). */
  recordingModeOf?: RecordingModeOf;
}

/** One firing of a rule waiting for its stop: per source of the event (or the one of a time rule). */
interface Activation {
  key: string;
  event: VmsEvent | undefined;
  chain: string[];
  timer: { cancel(): void } | undefined;
}

interface Running {
  rule: Rule;
  /** The rule as last loaded, to tell a change from a reload. */
  json: string;
  activations: Map<string, Activation>;
  watch: Disposable | undefined;
}

/** A loop is written to the system log at most this often per rule. */
const LOOP_LOG_INTERVAL_MS = 60_000;

const TIME_KEY = 'time';

const comparable = (r: Rule) => JSON.stringify({ ...r, updatedAt: 0 });

/**
 * Runs the enabled rules: event rules on the event server's events (their time profile read
 * at each event), time rules on the scheduler's on/off. A rule with stop actions keeps an
 * activation per event source until its end event, its delay, or its time profile's end; one
 * that is changed, disabled or deleted while active runs its stop actions first, so nothing it
 * started (recording) is left running. Every step goes to the rule log; loops and floods also
 * to the system log.
 */
export class RuleEngine implements Disposable {
  private readonly running = new Map<string, Running>();
  /** The running event rules, by the events that fire and end them. */
  private readonly index = new TriggerIndex<Running>();
  private readonly store = new DisposableStore();
  private readonly limiter: FiringLimiter;
  private readonly loopLoggedAt = new Map<string, number>();
  private disposed = false;

  constructor(private readonly deps: RuleEngineDeps) {
    this.limiter = deps.limiter ?? new FiringLimiter();
  }

  start(): void {
    this.store.add(this.deps.events.onDidRaise((e) => this.onEvent(e)));
    this.store.add(this.deps.rules.onDidChange(() => this.reload()));
    this.reload();
  }

  /** Rules running now, with the sources they are active for (for status pages and tests). */
  activeRules(): { ruleId: string; keys: string[] }[] {
    return [...this.running.values()].filter((r) => r.activations.size > 0).map((r) => ({ ruleId: r.rule.id, keys: [...r.activations.keys()] }));
  }

  private reload(): void {
    if (this.disposed) return;
    const next = new Map(this.deps.rules.list().filter((r) => r.enabled).map((r) => [r.id, r]));
    for (const [id, run] of [...this.running]) {
      const rule = next.get(id);
      if (!rule || comparable(rule) !== run.json) this.retire(run, rule ? 'the rule changed' : 'the rule was disabled or deleted');
    }
    for (const rule of next.values()) if (!this.running.has(rule.id)) this.adopt(rule);
  }

  private adopt(rule: Rule): void {
    const run: Running = { rule, json: comparable(rule), activations: new Map(), watch: undefined };
    this.running.set(rule.id, run);
    this.limiter.forget(rule.id);
    if (rule.kind === 'event') this.index.add(run, rule);
    if (rule.kind !== 'time') return;
    if (rule.timeProfileId === undefined) {
      this.fire(run, undefined);
      return;
    }
    const watch = this.deps.scheduler.watch(rule.timeProfileId, (active) => {
      if (active) this.fire(run, undefined);
      else this.stopActivation(run, run.activations.get(TIME_KEY), 'its time profile ended');
    });
    run.watch = watch;
    if (watch.active) this.fire(run, undefined);
  }

  private retire(run: Running, why: string): void {
    this.running.delete(run.rule.id);
    if (run.rule.kind === 'event') this.index.remove(run, run.rule);
    run.watch?.dispose();
    for (const a of [...run.activations.values()]) this.stopActivation(run, a, why);
  }

  private onEvent(e: VmsEvent): void {
    // Ends first: an event that ends one rule's activation and starts another's does both in that order.
    for (const run of this.index.endedBy(e)) {
      if (this.running.get(run.rule.id) !== run) continue;
      this.stopActivation(run, run.activations.get(pairingKey(e)), `${e.type} from ${sourceName(e)}`, e);
    }
    for (const run of this.index.triggeredBy(e)) {
      const rule = run.rule;
      if (rule.kind !== 'event' || this.running.get(rule.id) !== run || !eventMatchesTrigger(rule.trigger, e, this.deps.recordingModeOf)) continue;
      if (rule.timeProfileId !== undefined && !this.deps.scheduler.isActive(rule.timeProfileId)) continue;
      this.fire(run, e);
    }
  }

  /** Starts an activation (or fires again on one already open): the actions, and the stop to come. */
  private fire(run: Running, e: VmsEvent | undefined): void {
    const rule = run.rule;
    const verdict = this.guard(rule, e);
    if (!verdict.ok) return this.refuse(rule, e, verdict);
    const key = e ? pairingKey(e) : TIME_KEY;
    const chain = [...(e?.cause?.ruleIds ?? []), rule.id];
    this.log(rule, e, 'start', 'ok', e ? `${e.type} from ${sourceName(e)}` : rule.timeProfileId ? 'its time profile began' : 'the rule is on');
    let activation = run.activations.get(key);
    if (rule.stopActions.length > 0) {
      if (!activation) run.activations.set(key, (activation = { key, event: e, chain, timer: undefined }));
      activation.timer?.cancel();
      if (rule.kind === 'event' && rule.stop?.kind === 'after') {
        const a = activation;
        const seconds = rule.stop.seconds;
        a.timer = this.deps.clock.setTimeout(() => this.stopActivation(run, a, `${seconds} s passed`), seconds * 1000);
      }
    }
    this.perform(rule, e, rule.actions, key, chain);
  }

  /** Ends an activation: `end` is the end event when that is what ended it (logged as the cause). */
  private stopActivation(run: Running, a: Activation | undefined, why: string, end?: VmsEvent): void {
    if (!a || run.activations.get(a.key) !== a) return;
    run.activations.delete(a.key);
    a.timer?.cancel();
    this.log(run.rule, end ?? a.event, 'stop', 'ok', why);
    this.perform(run.rule, a.event, run.rule.stopActions, a.key, a.chain);
  }

  private perform(rule: Rule, e: VmsEvent | undefined, actions: RuleAction[], key: string, chain: string[]): void {
    const ctx = { rule, ...(e ? { event: e } : {}), holdKey: `rule:${rule.id}:${key}`, chain };
    for (const action of actions) {
      const failed = (error: unknown) => this.log(rule, e, action.type, 'failed', errorMessage(error));
      try {
        const result = this.deps.actions.perform(action, ctx);
        if (typeof result === 'string') this.log(rule, e, action.type, 'ok', result);
        else result.then((message) => this.log(rule, e, action.type, 'ok', message), failed);
      } catch (error) {
        failed(error);
        if (!isVmsError(error)) this.deps.systemLog.write('error', 'rules', `rule ${rule.name}: ${action.type} failed unexpectedly: ${errorMessage(error)}`, 'VMS_ERR_INTERNAL');
      }
    }
  }

  private guard(rule: Rule, e: VmsEvent | undefined): LoopVerdict {
    const chain = chainVerdict(rule.id, e);
    return chain.ok ? this.limiter.check(rule.id, this.deps.clock.now()) : chain;
  }

  private refuse(rule: Rule, e: VmsEvent | undefined, v: Exclude<LoopVerdict, { ok: true }>): void {
    const now = this.deps.clock.now();
    if (v.reason === 'rateLimited') {
      this.log(rule, e, 'start', 'skipped', `fired too often; resting until ${new Date(v.resumesAt).toISOString()}`);
      if (v.firstTime) this.deps.systemLog.write('warning', 'rules', `rule ${rule.name} fired too often and rests until ${new Date(v.resumesAt).toISOString()}; a loop through an outside system or an event flood?`);
      return;
    }
    const names = v.chain.map((id) => this.running.get(id)?.rule.name ?? id).join(' → ');
    const what = v.reason === 'loop' ? `rule loop stopped: ${names}` : `rule chain too long, stopped: ${names}`;
    this.log(rule, e, 'start', 'skipped', what);
    const last = this.loopLoggedAt.get(rule.id);
    if (last === undefined || now - last >= LOOP_LOG_INTERVAL_MS) {
      this.loopLoggedAt.set(rule.id, now);
      this.deps.systemLog.write('error', 'rules', `${what} (rule ${rule.name} would trigger itself again)`, 'VMS_ERR_CONFLICT');
    }
  }

  private log(rule: Rule, e: VmsEvent | undefined, action: string, outcome: 'ok' | 'failed' | 'skipped', message: string): void {
    this.deps.ruleLog.write({
      ruleId: rule.id, ruleName: rule.name, action, outcome, message,
      ...(e ? { eventId: e.id, eventType: e.definitionId !== undefined ? `${e.type}:${e.definitionId}` : e.type, sourceId: e.source.id } : {}),
    });
  }

  /** Stops listening and cancels timers; stop actions are not run (the site is shutting down). */
  dispose(): void {
    this.disposed = true;
    this.store.dispose();
    for (const run of this.running.values()) {
      run.watch?.dispose();
      for (const a of run.activations.values()) a.timer?.cancel();
    }
    this.running.clear();
  }
}

function sourceName(e: VmsEvent): string {
  return e.source.name ?? `${e.source.kind} ${e.source.id}`;
}
