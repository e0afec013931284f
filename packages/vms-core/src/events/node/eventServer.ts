import type { Clock } from '../../base/common/clock';
import type { Disposable, Event } from '../../base/common/event';
import { fromSystemEvent } from '../common/fromSystemEvent';
import type { SystemEventContext } from '../common/fromSystemEvent';
import type { EventType, VmsEvent, VmsEventInput } from '../common/vmsEvent';
import type { EventLog } from './eventLog';

export interface EventServerOptions {
  clock: Clock;
  /** Events kept in memory for listing (the newest). */
  capacity?: number;
  /** A listener threw: the others still hear the event; the site writes this to the system log. */
  onListenerError?: (error: unknown, what: string) => void;
}

export interface EventFilter {
  type?: EventType;
  sourceId?: string;
  definitionId?: string;
  afterId?: number;
  limit?: number;
}

/**
 * The event server: one bus for device, system, user-defined, generic and analytics events.
 * Delivery is in order and breadth-first: an event raised by a listener (a rule triggering a
 * user-defined event) waits until every listener has heard the current one, so a chain of
 * rules never recurses on the stack, and the loop guard sees each step.
 */
export class EventServer implements Disposable {
  private readonly listeners = new Set<(e: VmsEvent) => void>();
  private readonly ring: VmsEvent[] = [];
  private readonly queue: VmsEvent[] = [];
  private dispatching = false;
  private disposed = false;
  private nextId = 1;

  constructor(private readonly options: EventServerOptions) {}

  private get capacity(): number {
    return this.options.capacity ?? 10_000;
  }

  readonly onDidRaise: Event<VmsEvent> = (listener) => {
    if (this.disposed) return { dispose() {} };
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  /** Records the event and delivers it (after the one being delivered, if any); returns it with its id. */
  raise(input: VmsEventInput): VmsEvent {
    const event: VmsEvent = { ...input, id: this.nextId++, at: input.at ?? this.options.clock.now() };
    if (this.disposed) return event;
    this.ring.push(event);
    // Trimmed an eighth at a time, not one event at a time: dropping the head of the array moves
    // all of it, which at thousands of events a second is measurable. list() reads only the newest `capacity`.
    const capacity = this.capacity;
    if (this.ring.length > capacity + Math.max(1, capacity >> 3)) this.ring.splice(0, this.ring.length - capacity);
    this.queue.push(event);
    if (!this.dispatching) this.drain();
    return event;
  }

  private drain(): void {
    this.dispatching = true;
    try {
      for (let e = this.queue.shift(); e; e = this.queue.shift()) {
        for (const l of [...this.listeners]) {
          try {
            l(e);
          } catch (error) {
            this.options.onListenerError?.(error, `a listener of event ${e.id} (${e.type})`);
          }
        }
      }
    } finally {
      this.dispatching = false;
    }
  }

  /** Newest events last; `limit` keeps the newest. */
  list(filter: EventFilter = {}): VmsEvent[] {
    const newest = this.ring.length > this.capacity ? this.ring.slice(-this.capacity) : this.ring;
    const out = newest.filter((e) =>
      e.id > (filter.afterId ?? 0) && (filter.type === undefined || e.type === filter.type) &&
      (filter.sourceId === undefined || e.source.id === filter.sourceId) &&
      (filter.definitionId === undefined || e.definitionId === filter.definitionId));
    return out.slice(-(filter.limit ?? 500));
  }

  /** Feeds the recording server's device and system events in, for as long as the result lives. */
  connectEventLog(log: EventLog, ctx: SystemEventContext): Disposable {
    return log.onDidRaise((e) => {
      try {
        const input = fromSystemEvent(e, ctx);
        if (input) this.raise(input);
      } catch (error) {
        this.options.onListenerError?.(error, `mapping system event ${e.id} (${e.type})`);
      }
    });
  }

  dispose(): void {
    this.disposed = true;
    this.listeners.clear();
    this.queue.length = 0;
  }
}
