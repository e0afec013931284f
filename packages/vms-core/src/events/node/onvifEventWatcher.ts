/**
 * One ONVIF hardware unit's events on the site's bus: its pull-point subscription
 * (devices/node/onvif/pullPointSubscription.ts), the mapping of its notifications
 * (events/common/onvifEventMapping.ts), a rate limit so one chattering device cannot flood the
 * bus, and the system log told of problems once per episode, not at every retry.
 */
import type { Clock } from '../../base/common/clock';
import { errorMessage, isVmsError } from '../../base/common/errors';
import type { OnvifNotification } from '../../devices/common/onvifNotification';
import { ONVIF_TOPICS } from '../../devices/common/onvifNotification';
import type { OnvifEventsEndpoint } from '../../devices/node/onvif/eventsService';
import { PullPointSubscription } from '../../devices/node/onvif/pullPointSubscription';
import type { PullPointTiming, SubscriptionStatus } from '../../devices/node/onvif/pullPointSubscription';
import type { HardwareEventTargets, MappedDevice } from '../common/onvifEventMapping';
import { OnvifEventMapper } from '../common/onvifEventMapping';
import type { VmsEventInput } from '../common/vmsEvent';
import type { LogLevel } from '../common/logs';

/** What a watcher knows of its hardware; replaced (not mutated) when the configuration changes. */
export interface WatchedHardware {
  id: string;
  name: string;
  address: string;
  /** Input and output devices by kind and ONVIF token. */
  devices: ReadonlyMap<string, MappedDevice>;
  /** Camera ids by video source token (the camera's device key). */
  cameras: ReadonlyMap<string, string>;
}

/**
 * How far apart the site's own switch of a relay and the device's notification of it may be,
 * in either order: a relay notification waits this long before it is handled.
 */
export const RELAY_GRACE_MS = 1500;
/** Beyond this many waiting relay notifications (a device gone mad), the rest are handled at once. */
const MAX_HELD = 100;
/** Switches of one output the device has yet to report; a rule pulsing faster than the device reports keeps only the latest. */
const MAX_EXPECTED = 16;

export const deviceTargetKey = (kind: 'input' | 'output', token: string): string => `${kind}:${token}`;

export interface OnvifEventWatcherDeps {
  clock: Clock;
  connect: (signal: AbortSignal) => Promise<OnvifEventsEndpoint | undefined>;
  raise: (e: VmsEventInput) => void;
  log: (level: LogLevel, message: string, code?: string) => void;
  maxEventsPerSecond: number;
  timing?: Partial<PullPointTiming>;
}

/** Also the mapper's view of the unit (HardwareEventTargets), always as configured now. */
export class OnvifEventWatcher implements HardwareEventTargets {
  readonly mapper: OnvifEventMapper;
  private readonly subscription: PullPointSubscription;
  private configurations: ReadonlyMap<string, string> = new Map();
  /** A failure was logged and no success since. */
  private failing = false;
  private window = { start: Number.NEGATIVE_INFINITY, count: 0 };
  private dropped = 0;
  /** Relay notifications waiting out RELAY_GRACE_MS. */
  private readonly held = new Set<{ cancel(): void }>();
  /** Output device id → the states the site set on it (monotonic time), oldest first, until the device reports them. */
  private readonly expected = new Map<string, { active: boolean; at: number }[]>();

  constructor(private hardware: WatchedHardware, private readonly deps: OnvifEventWatcherDeps) {
    this.mapper = new OnvifEventMapper(this);
    this.subscription = new PullPointSubscription({
      clock: deps.clock, connect: deps.connect, onMessages: (m, endpoint) => this.onMessages(m, endpoint), onStatus: (s) => this.onStatus(s),
      ...(deps.timing ? { timing: deps.timing } : {}),
    });
  }

  get hardwareId(): string {
    return this.hardware.id;
  }

  get hardwareName(): string {
    return this.hardware.name;
  }

  get videoSourceOfConfiguration(): ReadonlyMap<string, string> {
    return this.configurations;
  }

  device(kind: 'input' | 'output', token: string): MappedDevice | undefined {
    return this.hardware.devices.get(deviceTargetKey(kind, token));
  }

  cameraOfVideoSource(token: string): string | undefined {
    return this.hardware.cameras.get(token);
  }

  /** New names, devices or cameras of the same unit: the subscription carries on. */
  update(hardware: WatchedHardware): void {
    this.hardware = hardware;
  }

  /**
   * The site switched an output of this unit (its own event is on the bus): that is now the
   * output's known state, and the device's notification of this switch, due within
   * RELAY_GRACE_MS either side, is expected and will be dropped rather than raised again.
   */
  expectOutput(deviceId: string, active: boolean): void {
    this.mapper.commit(OnvifEventMapper.outputKey(deviceId), String(active));
    const now = this.deps.clock.monotonic();
    const queue = (this.expected.get(deviceId) ?? []).filter((e) => now - e.at <= 2 * RELAY_GRACE_MS);
    queue.push({ active, at: now });
    this.expected.set(deviceId, queue.slice(-MAX_EXPECTED));
  }

  /** Stops and unsubscribes. */
  stop(): Promise<void> {
    for (const h of this.held) h.cancel();
    this.held.clear();
    return this.subscription.stop();
  }

  private onMessages(messages: OnvifNotification[], endpoint: OnvifEventsEndpoint): void {
    this.configurations = endpoint.videoSourceOfConfiguration;
    for (const m of messages) {
      if (m.topic !== ONVIF_TOPICS.relay || m.operation === 'Initialized') {
        this.handle(m);
        continue;
      }
      // When the site itself switched the relay, its own event (OutputSwitch) comes on the
      // bus about when the device's notification arrives, in either order. Held a moment, the
      // notification then finds the switch it reports expected and raises nothing twice; a
      // relay switched by anyone else is raised a moment late. Held ones keep their order.
      const receivedAt = this.deps.clock.monotonic();
      if (this.held.size >= MAX_HELD) {
        this.handleRelay(m, receivedAt);
        continue;
      }
      const timer = this.deps.clock.setTimeout(() => {
        this.held.delete(timer);
        this.handleRelay(m, receivedAt);
      }, RELAY_GRACE_MS);
      this.held.add(timer);
    }
  }

  /**
   * A device's Relay notification after its wait. It is the report of the site's own switch
   * when it matches the oldest switch of that output still expected (set no more than
   * RELAY_GRACE_MS before it arrived): that expectation is used up and nothing is raised.
   * Matching the oldest, not the latest, state matters for pulses shorter than the wait: the
   * report of "on" comes when the site already set "off" again. Anything else is mapped as usual.
   */
  private handleRelay(m: OnvifNotification, receivedAt: number): void {
    const relay = this.mapper.relayState(m);
    const queue = relay && this.expected.get(relay.deviceId);
    if (relay && queue) {
      // Switches the device never reported (it may send no Relay events at all) go stale.
      while (queue.length > 0 && queue[0]!.at < receivedAt - RELAY_GRACE_MS) queue.shift();
      const matched = queue[0]?.active === relay.active;
      if (matched) queue.shift();
      if (queue.length === 0) this.expected.delete(relay.deviceId);
      if (matched) return;
    }
    this.handle(m);
  }

  private handle(m: OnvifNotification): void {
    const mapped = this.mapper.map(m);
    if (mapped.kind === 'state') this.mapper.commit(mapped.key, mapped.value);
    if (mapped.kind !== 'event' || (!mapped.ends && !this.admit())) return;
    // Remembered only once raised: a dropped activation leaves the input idle as far as the
    // site knows, so its deactivation is not raised either and rules see pairs.
    if (mapped.key !== undefined) this.mapper.commit(mapped.key, mapped.value);
    this.deps.raise(mapped.event);
  }

  /** At most `maxEventsPerSecond` per one-second window; logs when dropping starts and when it ends. */
  private admit(): boolean {
    const now = this.deps.clock.monotonic();
    if (now - this.window.start >= 1000) {
      if (this.dropped > 0 && this.window.count <= this.deps.maxEventsPerSecond) {
        this.deps.log('information', `${this.hardware.name} sends events at a normal rate again; ${this.dropped} were dropped`);
        this.dropped = 0;
      }
      this.window = { start: now, count: 0 };
    }
    if (++this.window.count <= this.deps.maxEventsPerSecond) return true;
    if (this.dropped++ === 0) {
      this.deps.log('warning', `${this.hardware.name} sends more than ${this.deps.maxEventsPerSecond} events a second: the rest are dropped until it calms down`, 'VMS_ERR_RATE_LIMITED');
    }
    return false;
  }

  private onStatus(s: SubscriptionStatus): void {
    const name = `${this.hardware.name} (${this.hardware.address})`;
    switch (s.kind) {
      case 'subscribed':
        if (this.failing) this.deps.log('information', `ONVIF events of ${name} are received again`);
        this.failing = false;
        return;
      case 'failed':
        if (!this.failing) {
          const code = isVmsError(s.error) ? s.error.code : 'VMS_ERR_DEVICE_PROTOCOL';
          this.deps.log('warning', `ONVIF events of ${name} are not received: ${errorMessage(s.error)}; retrying until the device answers`, code);
        }
        this.failing = true;
        return;
      case 'noEventsService':
        this.deps.log('information', `${name} has no ONVIF Events service: its inputs and device events are not received`);
    }
  }
}
