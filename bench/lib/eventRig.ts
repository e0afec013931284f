/**
 * The event server of a site, in this process, for the event throughput benchmark: the real
 * EventsAndRules (event bus, rule engine, rule log and system log in a real config.db, alarm
 * service, scheduler) over a temp folder, with N user-defined events and N rules, rule i firing
 * on event i. Only the rules' action is replaced: a counter that records how long after its
 * event was due the action ran. Recording is not involved (no rule records).
 */
import path from 'node:path';
import type { ActionContext, RuleActionPerformer } from '../../packages/vms-core/src/rules/node/ruleActions';
import { EventsAndRules } from '../../packages/vms-core/src/rules/node/eventsAndRules';
import { ConfigStore } from '../../packages/vms-core/src/management/node/configStore';
import { RoleStore } from '../../packages/vms-core/src/management/node/roleStore';
import { EventLog } from '../../packages/vms-core/src/events/node/eventLog';
import { SiteKeys } from '../../packages/vms-core/src/security/node/siteKeys';
import { systemClock } from '../../packages/vms-core/src/base/node/systemClock';
import { VmsError } from '../../packages/vms-core/src/base/common/errors';
import type { VmsEventInput } from '../../packages/vms-core/src/events/common/vmsEvent';

/** Latencies in 10 µs buckets up to 2 s: memory stays flat however long the run (a list of samples would not). */
export class LatencyHistogram {
  private static readonly STEP_MS = 0.01;
  private readonly buckets = new Uint32Array(200_000);
  count = 0;
  max = 0;
  private over = 0;

  add(ms: number): void {
    this.count++;
    if (ms > this.max) this.max = ms;
    const i = Math.max(0, Math.floor(ms / LatencyHistogram.STEP_MS));
    if (i >= this.buckets.length) this.over++;
    else this.buckets[i]!++;
  }

  reset(): void {
    this.buckets.fill(0);
    this.count = 0;
    this.max = 0;
    this.over = 0;
  }

  /** The latency at or below which `p` percent fall (upper edge of its bucket). */
  percentile(p: number): number {
    if (this.count === 0) return Number.NaN;
    const rank = Math.ceil((p / 100) * this.count);
    let seen = 0;
    for (let i = 0; i < this.buckets.length; i++) {
      seen += this.buckets[i]!;
      if (seen >= rank) return (i + 1) * LatencyHistogram.STEP_MS;
    }
    return this.max;
  }
}

/** The counting action: the latency from the event's due time (carried in its data) to now. */
class CountingActions implements RuleActionPerformer {
  readonly latency = new LatencyHistogram();
  /** The same, since the benchmark last reset it (one sampling window). */
  readonly window = new LatencyHistogram();
  perform(_action: unknown, ctx: ActionContext): string {
    const due = Number(ctx.event?.data?.due);
    if (Number.isFinite(due)) {
      const ms = performance.now() - due;
      this.latency.add(ms);
      this.window.add(ms);
    }
    return 'counted';
  }
}

const noRecording = {
  holdRecording(): void {
    throw new VmsError('VMS_ERR_CONFLICT', 'the benchmark records nothing');
  },
  releaseRecording: () => false,
  holdFeed: () => undefined,
  releaseFeed: () => false,
};

export interface EventRig {
  /** Raises the k-th event of the run (on definition k mod definitions), due at `due` (performance.now() ms). */
  raise(k: number, due: number): void;
  readonly latency: LatencyHistogram;
  /** Latencies since its last reset (the benchmark resets it at each sample). */
  readonly window: LatencyHistogram;
  ruleLogRows(): number;
  close(): Promise<void>;
}

export async function openEventRig(dir: string, o: { definitions: number; rules: number }): Promise<EventRig> {
  const keys = SiteKeys.loadOrCreate(path.join(dir, 'site-key.json'));
  const config = new ConfigStore(path.join(dir, 'config.db'), keys);
  const actions = new CountingActions();
  const er = new EventsAndRules({
    config, clock: systemClock, eventLog: new EventLog(systemClock), recording: noRecording, alarmsDbPath: path.join(dir, 'alarms.db'),
    roles: new RoleStore(config.db, systemClock), keys, actions,
  });
  await er.start();
  const inputs: VmsEventInput[] = [];
  for (let i = 0; i < o.definitions; i++) {
    const def = er.userDefinedEvents.create({ name: `Bench event ${i}`, description: '' }, Date.now());
    inputs.push({ type: 'userDefined', definitionId: def.id, source: { kind: 'userDefinedEvent', id: def.id, name: def.name }, severity: 'information', message: def.name });
    if (i < o.rules) {
      er.rules.create({
        kind: 'event', name: `Bench rule ${i}`, description: '', enabled: true, trigger: { type: 'userDefined', definitionId: def.id },
        actions: [{ type: 'writeRuleLog', message: 'counted' }], stopActions: [],
      }, Date.now());
    }
  }
  return {
    latency: actions.latency,
    window: actions.window,
    raise: (k, due) => {
      er.events.raise({ ...inputs[k % inputs.length]!, data: { due: String(due) } });
    },
    ruleLogRows: () => {
      er.ruleLog.flush();
      return (config.db.prepare('SELECT count(*) AS n FROM rule_log').get() as { n: number }).n;
    },
    async close() {
      await er.close();
      config.close();
    },
  };
}
