import type { Clock } from '../../base/common/clock';
import { errorMessage } from '../../base/common/errors';
import type { GenericEvent, GenericEventSource } from '../common/definedEvents';
import type { Matcher } from '../common/matchExpression';
import { compileMatcher } from '../common/matchExpression';
import type { EventServer } from './eventServer';
import { GenericEventListener } from './genericEventListener';
import type { GenericEventStore } from './genericEventStore';
import type { SystemLog } from './systemLog';

export interface GenericEventServiceDeps {
  clock: Clock;
  store: GenericEventStore;
  events: EventServer;
  systemLog: Pick<SystemLog, 'write'>;
}

export interface GenericSourceStatus {
  sourceId: string;
  listening: boolean;
  /** The port actually bound (differs from the configured one when that is 0). */
  port?: number;
  error?: string;
}

/** A sender's problems (floods, bad packets) reach the system log at most this often. */
const PROBLEM_LOG_INTERVAL_MS = 10_000;
const RATE_WINDOW_MS = 1000;

interface Open {
  source: GenericEventSource;
  listener?: GenericEventListener;
  error?: string;
}

/**
 * Generic events from outside systems: a listener per enabled source, each message decoded
 * (malformed text is dropped), rate limited per sender, and matched against the generic events
 * of its source; those matching with the best (lowest) priority are raised on the event server.
 * Nothing a sender does can throw out of here: every problem is dropped and logged, throttled.
 */
export class GenericEventService {
  private readonly open = new Map<string, Open>();
  private matchers: { event: GenericEvent; match: Matcher }[] = [];
  private readonly rates = new Map<string, { start: number; count: number; dropped: number }>();
  private readonly problemLoggedAt = new Map<string, { at: number; suppressed: number }>();
  private pending: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(private readonly deps: GenericEventServiceDeps) {}

  start(): Promise<void> {
    return this.reload();
  }

  /** Re-reads sources and events: opens, reopens (changed) and closes listeners. Serialised. */
  reload(): Promise<void> {
    this.pending = this.pending.then(() => this.apply());
    return this.pending;
  }

  status(): GenericSourceStatus[] {
    return [...this.open.values()].map((o) => ({
      sourceId: o.source.id, listening: o.listener !== undefined,
      ...(o.listener ? { port: o.listener.port } : {}), ...(o.error ? { error: o.error } : {}),
    }));
  }

  private async apply(): Promise<void> {
    if (this.closed) return;
    this.matchers = this.deps.store.listEvents().filter((e) => e.enabled).flatMap((event) => {
      const match = compileMatcher(event.expressionType, event.expression, event.caseSensitive);
      return typeof match === 'string' ? [] : [{ event, match }];
    });
    const wanted = new Map(this.deps.store.listSources().filter((s) => s.enabled).map((s) => [s.id, s]));
    for (const [id, o] of [...this.open]) {
      const next = wanted.get(id);
      if (next && next.updatedAt === o.source.updatedAt && o.listener) continue;
      this.open.delete(id);
      await o.listener?.close();
    }
    for (const source of wanted.values()) {
      if (this.open.has(source.id)) continue;
      const entry: Open = { source };
      this.open.set(source.id, entry);
      try {
        entry.listener = await GenericEventListener.open(source, {
          message: (bytes, from) => this.onMessage(source, bytes, from),
          problem: (from, what) => this.problem(source, from, what),
        });
      } catch (e) {
        entry.error = errorMessage(e);
        this.deps.systemLog.write('error', 'genericEvents', `generic event source ${source.name} cannot listen: ${entry.error}`, 'VMS_ERR_UNAVAILABLE');
      }
    }
  }

  private onMessage(source: GenericEventSource, bytes: Buffer, from: string): void {
    try {
      if (!this.withinRate(source, from)) return;
      let text: string;
      try {
        text = new TextDecoder(source.encoding, { fatal: true }).decode(bytes);
      } catch {
        return this.problem(source, from, `message is not valid ${source.encoding}; dropped`);
      }
      const candidates = this.matchers.filter((m) => m.event.sourceIds.length === 0 || m.event.sourceIds.includes(source.id));
      const hits = candidates.filter((m) => m.match(text));
      if (hits.length === 0) return;
      const best = Math.min(...hits.map((h) => h.event.priority));
      for (const { event } of hits.filter((h) => h.event.priority === best)) {
        this.deps.events.raise({
          type: 'generic', definitionId: event.id, source: { kind: 'genericEvent', id: event.id, name: event.name }, severity: 'information',
          message: `${event.name}: ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`,
          // Bounded: the event server keeps thousands of recent events in memory.
          data: { message: text.length > 1024 ? text.slice(0, 1024) : text, sourceId: source.id, from },
        });
      }
    } catch (e) {
      this.problem(source, from, `message not handled: ${errorMessage(e)}`);
    }
  }

  /** Counts a sender's messages per second; past the source's limit they are dropped and the flood logged. */
  private withinRate(source: GenericEventSource, from: string): boolean {
    const key = `${source.id}|${from}`;
    const now = this.deps.clock.now();
    let r = this.rates.get(key);
    if (!r || now - r.start >= RATE_WINDOW_MS) {
      if (r && r.dropped > 0) this.problem(source, from, `flood: ${r.dropped} message(s) dropped beyond ${source.maxMessagesPerSecond}/s`);
      this.rates.set(key, (r = { start: now, count: 0, dropped: 0 }));
      // Forget quiet senders, so the table does not grow with every address ever seen.
      if (this.rates.size > 10_000) for (const [k, v] of this.rates) if (now - v.start > 60_000) this.rates.delete(k);
    }
    r.count++;
    if (r.count <= source.maxMessagesPerSecond) return true;
    if (r.dropped++ === 0) this.problem(source, from, `flood: more than ${source.maxMessagesPerSecond} messages per second; dropping`);
    return false;
  }

  private problem(source: GenericEventSource, from: string, what: string): void {
    const key = `${source.id}|${from}`;
    const now = this.deps.clock.now();
    const last = this.problemLoggedAt.get(key);
    if (last && now - last.at < PROBLEM_LOG_INTERVAL_MS) {
      last.suppressed++;
      return;
    }
    const more = last && last.suppressed > 0 ? ` (and ${last.suppressed} earlier problem(s) not logged)` : '';
    this.problemLoggedAt.set(key, { at: now, suppressed: 0 });
    if (this.problemLoggedAt.size > 10_000) this.problemLoggedAt.clear();
    this.deps.systemLog.write('warning', 'genericEvents', `generic event source ${source.name}, from ${from}: ${what}${more}`);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.pending;
    const all = [...this.open.values()];
    this.open.clear();
    await Promise.all(all.map((o) => o.listener?.close()));
  }
}
