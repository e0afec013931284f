import type { Clock } from '../../base/common/clock';
import { VmsError } from '../../base/common/errors';
import type { AnalyticsSource } from '../common/analyticsEvent';
import { analyticsMessage, parseAnalyticsEvent } from '../common/analyticsEvent';
import { addressAllowed } from '../common/definedEvents';
import type { VmsEvent } from '../common/vmsEvent';
import { AnalyticsSourceStore } from './analyticsSourceStore';
import type { EventServer } from './eventServer';
import type { SystemLog } from './systemLog';

export interface AnalyticsEventServiceDeps {
  clock: Clock;
  store: Pick<AnalyticsSourceStore, 'find'>;
  events: Pick<EventServer, 'raise'>;
  systemLog: Pick<SystemLog, 'write'>;
}

/** One received event: its body as parsed (JSON, or XML in the same shape), the sender's address and token header. */
export interface AnalyticsDelivery {
  body: unknown;
  from: string;
  token?: string;
}

/** Refusals and floods are written to the system log at most this often per sender (refusals) or source (floods). */
export const ANALYTICS_LOG_INTERVAL_MS = 60_000;
const RATE_WINDOW_MS = 1000;
const SYSTEM_LOG_SOURCE = 'analyticsEvents';

interface Throttle { at: number; suppressed: number }

/**
 * Accepts analytics events from the configured sources and raises them on the event bus as
 * `analytics` events (definition: the source), where rules and alarm definitions pick them up.
 * Order of checks: the body (400, naming the field), the source named in it, the sender's
 * address and the source's token (403 VMS_ERR_SOURCE_NOT_ALLOWED), the source's rate (429).
 * A refused sender or a flooding source is logged once, then at most once a minute with the
 * count since, so a misconfigured or hostile sender cannot fill the system log.
 */
export class AnalyticsEventService {
  private readonly refusalsLogged = new Map<string, Throttle>();
  private readonly floodsLogged = new Map<string, Throttle>();
  private readonly rates = new Map<string, { start: number; count: number }>();

  constructor(private readonly deps: AnalyticsEventServiceDeps) {}

  accept(d: AnalyticsDelivery): VmsEvent {
    const parsed = parseAnalyticsEvent(d.body);
    if (!parsed.ok) throw new VmsError('VMS_ERR_BAD_INPUT', `${parsed.field || 'body'}: ${parsed.message}`, parsed.field ? { field: parsed.field } : undefined);
    const r = parsed.value;
    const found = this.deps.store.find(r.source);
    if (!found || !found.source.enabled) {
      throw this.refuse(d.from, `unknown:${r.source}`,
        `analytics source "${r.source}" is ${found ? 'disabled' : 'not configured'} on this site; configure it under analytics sources`);
    }
    const { source, tokenHash } = found;
    if (!addressAllowed(d.from, source.allowedAddresses)) {
      throw this.refuse(d.from, `address:${source.id}`, `analytics source ${source.name} does not accept events from ${d.from}`);
    }
    if (tokenHash !== null && !AnalyticsSourceStore.tokenMatches(tokenHash, d.token)) {
      throw this.refuse(d.from, `token:${source.id}`, `analytics source ${source.name} needs its token in X-Analytics-Token; ${d.token === undefined ? 'none was sent' : 'the one sent is wrong'}`);
    }
    this.checkRate(source);
    return this.deps.events.raise({
      type: 'analytics', definitionId: source.id, source: { kind: 'analyticsSource', id: source.id, name: source.name }, severity: 'information',
      message: analyticsMessage(source.name, r),
      data: { ruleName: r.ruleName, from: d.from, ...(source.cameraId !== undefined ? { cameraId: source.cameraId } : {}) },
      analytics: {
        ruleName: r.ruleName, objects: r.objects, locations: r.locations,
        ...(r.description !== undefined ? { description: r.description } : {}), ...(r.time !== undefined ? { reportedAt: r.time } : {}),
      },
    });
  }

  private refuse(from: string, why: string, message: string): VmsError {
    this.logThrottled(this.refusalsLogged, `${why}|${from}`, (more) => `refused an analytics event from ${from}: ${message}${more}`);
    return new VmsError('VMS_ERR_SOURCE_NOT_ALLOWED', message);
  }

  /** Counts the source's events in one-second windows; past its limit they are refused and the flood logged. */
  private checkRate(source: AnalyticsSource): void {
    const now = this.deps.clock.now();
    let r = this.rates.get(source.id);
    if (!r || now - r.start >= RATE_WINDOW_MS) this.rates.set(source.id, (r = { start: now, count: 0 }));
    if (++r.count <= source.maxEventsPerSecond) return;
    this.logThrottled(this.floodsLogged, source.id,
      (more) => `analytics source ${source.name} sent more than ${source.maxEventsPerSecond} events a second; the rest are refused (429)${more}`);
    throw new VmsError('VMS_ERR_RATE_LIMITED', `analytics source ${source.name} may send ${source.maxEventsPerSecond} events a second; try again shortly`,
      { retryAfterMs: r.start + RATE_WINDOW_MS - now });
  }

  private logThrottled(table: Map<string, Throttle>, key: string, message: (more: string) => string): void {
    const now = this.deps.clock.now();
    const last = table.get(key);
    if (last && now - last.at < ANALYTICS_LOG_INTERVAL_MS) {
      last.suppressed++;
      return;
    }
    const more = last && last.suppressed > 0 ? ` (${last.suppressed} more since the last entry)` : '';
    // Bounded: a scan of many addresses must not grow the table without end.
    if (table.size > 10_000) table.clear();
    table.set(key, { at: now, suppressed: 0 });
    this.deps.systemLog.write('warning', SYSTEM_LOG_SOURCE, message(more));
  }
}
