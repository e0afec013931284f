import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../../base/common/clock';
import { VmsError } from '../../../base/common/errors';
import type { OnvifNotification } from '../../common/onvifNotification';
import type { Lifetime, OnvifEventsEndpoint, PullPoint, PullPointOperations } from './eventsService';
import type { PulledMessages } from './notificationMessage';
import { PullPointSubscription } from './pullPointSubscription';
import type { SubscriptionStatus } from './pullPointSubscription';

/** Lets the loop's awaits run after the clock moved or the fake device changed. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

async function advance(clock: ManualClock, ms: number, step = 1000): Promise<void> {
  for (let t = 0; t < ms; t += step) {
    clock.advance(step);
    await settle();
  }
}

const message = (token: string): OnvifNotification => ({ topic: 'tns1:Device/Trigger/DigitalInput', source: { InputToken: token }, key: {}, data: { LogicalState: 'true' } });

/**
 * A device's pull points on the manual clock: a subscription lives until its termination time
 * (moved by Renew, and by pulls when `pullsKeepAlive`), pulls wait for a notification or their
 * timeout, and restarting the device forgets every subscription.
 */
class FakeDevice implements PullPointOperations {
  readonly calls: string[] = [];
  reachable = true;
  renews = true;
  pullsKeepAlive = false;
  private readonly alive = new Map<string, number>();
  private queue: OnvifNotification[] = [];
  private wake: (() => void) | undefined;
  private next = 1;

  constructor(private readonly clock: ManualClock) {}

  private check(pp: PullPoint): void {
    if (!this.reachable) throw new VmsError('VMS_ERR_DEVICE_UNREACHABLE', 'ECONNREFUSED');
    const until = this.alive.get(pp.url);
    if (until === undefined || until < this.clock.monotonic()) throw new VmsError('VMS_ERR_DEVICE_PROTOCOL', 'SOAP fault ResourceUnknown');
  }

  async createPullPoint(terminationSeconds: number): Promise<PullPoint & Lifetime> {
    if (!this.reachable) throw new VmsError('VMS_ERR_DEVICE_UNREACHABLE', 'ECONNREFUSED');
    const url = `sub${this.next++}`;
    this.calls.push(`create ${url}`);
    this.alive.set(url, this.clock.monotonic() + terminationSeconds * 1000);
    return { url, reference: { address: url, headerBlocks: [] }, remainingMs: terminationSeconds * 1000 };
  }

  async pullMessages(pp: PullPoint, o: { timeoutSeconds: number; signal?: AbortSignal }): Promise<PulledMessages & Lifetime> {
    this.check(pp);
    if (this.queue.length === 0) {
      const waited = new Promise<void>((resolve) => (this.wake = resolve));
      await Promise.race([waited, this.clock.sleep(o.timeoutSeconds * 1000, o.signal)]);
      this.check(pp);
    }
    if (this.pullsKeepAlive) this.alive.set(pp.url, Math.max(this.alive.get(pp.url)!, this.clock.monotonic() + o.timeoutSeconds * 1000));
    const messages = this.queue;
    this.queue = [];
    return { messages };
  }

  async renew(pp: PullPoint, terminationSeconds: number): Promise<Lifetime> {
    this.check(pp);
    this.calls.push(`renew ${pp.url}`);
    if (!this.renews) throw new VmsError('VMS_ERR_DEVICE_PROTOCOL', 'SOAP fault ActionNotSupported');
    this.alive.set(pp.url, this.clock.monotonic() + terminationSeconds * 1000);
    return { remainingMs: terminationSeconds * 1000 };
  }

  async unsubscribe(pp: PullPoint): Promise<void> {
    this.calls.push(`unsubscribe ${pp.url}`);
    this.alive.delete(pp.url);
  }

  send(m: OnvifNotification): void {
    this.queue.push(m);
    this.wake?.();
  }

  restart(): void {
    this.alive.clear();
  }
}

function start(
  clock: ManualClock,
  device: FakeDevice,
  connect: () => Promise<OnvifEventsEndpoint | undefined> = async () => ({ events: device, videoSourceOfConfiguration: new Map() }),
) {
  const received: OnvifNotification[] = [];
  const statuses: SubscriptionStatus[] = [];
  const sub = new PullPointSubscription({ clock, connect, onMessages: (m) => received.push(...m), onStatus: (s) => statuses.push(s) });
  return { sub, received, statuses };
}

describe('pull-point subscription', () => {
  it('pulls notifications as they come and renews before the device would drop it', async () => {
    const clock = new ManualClock();
    const device = new FakeDevice(clock);
    const { sub, received, statuses } = start(clock, device);
    await settle();
    device.send(message('DI_0'));
    await settle();
    expect(received).toEqual([message('DI_0')]);
    await advance(clock, 180_000);
    device.send(message('DI_1'));
    await settle();
    expect(received.map((m) => m.source.InputToken)).toEqual(['DI_0', 'DI_1']);
    // One subscription that never lapsed (the fake fails pulls after the termination time):
    // renewed whenever less than a pull and a margin was left of its 60 s, every 50 s here.
    expect(device.calls.filter((c) => c.startsWith('create'))).toEqual(['create sub1']);
    expect(device.calls.filter((c) => c.startsWith('renew'))).toEqual(['renew sub1', 'renew sub1', 'renew sub1']);
    expect(statuses).toEqual([{ kind: 'subscribed', after: 0 }]);
    await sub.stop();
    expect(device.calls.at(-1)).toBe('unsubscribe sub1');
  });

  it('relies on its pulls when the device does not renew pull points', async () => {
    const clock = new ManualClock();
    const device = new FakeDevice(clock);
    device.renews = false;
    device.pullsKeepAlive = true;
    const { sub, statuses } = start(clock, device);
    await advance(clock, 300_000);
    expect(device.calls.filter((c) => c.startsWith('renew')), 'asked once, then never again').toHaveLength(1);
    expect(statuses).toEqual([{ kind: 'subscribed', after: 0 }]);
    await sub.stop();
  });

  it('subscribes again, with growing pauses, after the device restarts or goes away', async () => {
    const clock = new ManualClock();
    const device = new FakeDevice(clock);
    const { sub, received, statuses } = start(clock, device);
    await settle();
    device.restart();
    // The waiting pull fails when it returns (10 s), the next attempt comes 1 s later.
    await advance(clock, 12_000);
    expect(statuses[1]).toMatchObject({ kind: 'failed', attempt: 1, retryInMs: 1000 });
    // The device answered (a fault): it is asked to free the old subscription before the next.
    expect(device.calls.filter((c) => !c.startsWith('renew'))).toEqual(['create sub1', 'unsubscribe sub1', 'create sub2']);
    expect(statuses[2]).toEqual({ kind: 'subscribed', after: 1 });
    device.send(message('DI_2'));
    await settle();
    expect(received.map((m) => m.source.InputToken)).toEqual(['DI_2']);

    device.reachable = false;
    await advance(clock, 40_000);
    const failed = statuses.slice(3).map((s) => (s.kind === 'failed' ? s.retryInMs : s.kind));
    expect(failed.slice(0, 5)).toEqual([1000, 2000, 4000, 8000, 16_000]);
    // An unreachable device is not asked anything more.
    expect(device.calls.filter((c) => c.startsWith('unsubscribe'))).toEqual(['unsubscribe sub1']);
    device.reachable = true;
    await advance(clock, 40_000);
    expect(statuses.at(-1)).toMatchObject({ kind: 'subscribed' });
    await sub.stop();
  });

  it('stops at once while a device is slow to answer the connection', async () => {
    const clock = new ManualClock();
    const device = new FakeDevice(clock);
    const { sub, statuses } = start(clock, device, () => new Promise(() => undefined));
    await settle();
    await sub.stop();
    expect(statuses).toEqual([]);
    expect(device.calls).toEqual([]);
  });

  it('ends without subscribing when the device has no Events service', async () => {
    const clock = new ManualClock();
    const device = new FakeDevice(clock);
    const { sub, statuses } = start(clock, device, async () => undefined);
    await settle();
    await sub.stop();
    expect(statuses).toEqual([{ kind: 'noEventsService' }]);
    expect(device.calls).toEqual([]);
  });
});
