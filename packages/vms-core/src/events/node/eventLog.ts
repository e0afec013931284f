import type { Clock } from '../../base/common/clock';
import { Emitter } from '../../base/common/event';
import type { SystemEvent } from '../common/systemEvent';

/**
 * Keeps the most recent system events in memory and announces each one. The log server and
 * the event server (rules, alarms) will subscribe here; until then the API lists this ring.
 */
export class EventLog {
  private readonly onDidRaiseEmitter = new Emitter<SystemEvent>();
  readonly onDidRaise = this.onDidRaiseEmitter.event;
  private readonly ring: SystemEvent[] = [];
  private nextId = 1;

  constructor(private readonly clock: Clock, private readonly capacity = 10_000) {}

  raise(e: Omit<SystemEvent, 'id' | 'at'>): SystemEvent {
    const event: SystemEvent = { ...e, id: this.nextId++, at: this.clock.now() };
    this.ring.push(event);
    if (this.ring.length > this.capacity) this.ring.splice(0, this.ring.length - this.capacity);
    this.onDidRaiseEmitter.fire(event);
    return event;
  }

  list(filter: { cameraId?: string; afterId?: number; limit?: number } = {}): SystemEvent[] {
    const out = this.ring.filter((e) => (!filter.cameraId || e.cameraId === filter.cameraId) && e.id > (filter.afterId ?? 0));
    return out.slice(-(filter.limit ?? 500));
  }

  dispose(): void {
    this.onDidRaiseEmitter.dispose();
  }
}
