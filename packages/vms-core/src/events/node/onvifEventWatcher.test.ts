import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../base/common/clock';
import { VmsError } from '../../base/common/errors';
import type { OnvifNotification } from '../../devices/common/onvifNotification';
import type { OnvifEventsEndpoint, PullPoint, PullPointOperations } from '../../devices/node/onvif/eventsService';
import type { PulledMessages } from '../../devices/node/onvif/notificationMessage';
import type { VmsEventInput } from '../common/vmsEvent';
import { OnvifEventWatcher, RELAY_GRACE_MS } from './onvifEventWatcher';
import type { WatchedHardware } from './onvifEventWatcher';

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A device whose pulls hand out what the test queued, or fail while it is "down". */
class ScriptedDevice implements PullPointOperations {
  down = false;
  private batches: OnvifNotification[][] = [];
  private wake: (() => void) | undefined;
  constructor(private readonly clock: ManualClock) {}
  async createPullPoint() {
    if (this.down) throw new VmsError('VMS_ERR_DEVICE_UNREACHABLE', 'ONVIF CreatePullPointSubscription at 10.0.0.9: ECONNREFUSED');
    return { url: 'pp', reference: { address: 'pp', headerBlocks: [] }, remainingMs: 60_000 };
  }
  async pullMessages(_pp: PullPoint, o: { timeoutSeconds: number; signal?: AbortSignal }): Promise<PulledMessages> {
    if (this.batches.length === 0) await Promise.race([new Promise<void>((r) => (this.wake = r)), this.clock.sleep(o.timeoutSeconds * 1000, o.signal)]);
    if (this.down) throw new VmsError('VMS_ERR_DEVICE_UNREACHABLE', 'ONVIF PullMessages at 10.0.0.9: ECONNRESET');
    return { messages: this.batches.shift() ?? [] };
  }
  async renew() {
    return { remainingMs: 60_000 };
  }
  async unsubscribe() {}
  send(batch: OnvifNotification[]): void {
    this.batches.push(batch);
    this.wake?.();
  }
  fail(): void {
    this.down = true;
    this.wake?.();
  }
}

const hardware: WatchedHardware = {
  id: 'hw1', name: 'Gate unit', address: 'http://10.0.0.9/onvif/device_service',
  devices: new Map([['input:DI_0', { id: 'in-door', name: 'Door', enabled: true }], ['output:R1', { id: 'out-siren', name: 'Siren', enabled: true }]]),
  cameras: new Map(),
};
const input = (state: boolean): OnvifNotification => ({ topic: 'tns1:Device/Trigger/DigitalInput', operation: 'Changed', source: { InputToken: 'DI_0' }, key: {}, data: { LogicalState: String(state) } });
const tamper = (i: number): OnvifNotification => ({ topic: 'tns1:VideoSource/GlobalSceneChange/ImagingService', source: { Source: 'VS_1' }, key: {}, data: { n: String(i) } });

function watch(clock: ManualClock, device: ScriptedDevice) {
  const raised: VmsEventInput[] = [];
  const logs: string[] = [];
  const endpoint: OnvifEventsEndpoint = { events: device, videoSourceOfConfiguration: new Map() };
  const watcher = new OnvifEventWatcher(hardware, {
    clock, connect: async () => endpoint, raise: (e) => raised.push(e), log: (level, message) => logs.push(`${level}: ${message}`),
    maxEventsPerSecond: 5, timing: { retryMs: { first: 1000, max: 4000 } },
  });
  return { watcher, raised, logs };
}

describe('ONVIF event watcher', () => {
  it('drops what a chattering device sends beyond the limit, logging once, but never an input\'s end', async () => {
    const clock = new ManualClock();
    const device = new ScriptedDevice(clock);
    const { watcher, raised, logs } = watch(clock, device);
    await settle();
    device.send([input(true), ...Array.from({ length: 20 }, (_, i) => tamper(i)), input(false)]);
    await settle();
    expect(raised.map((e) => e.type)).toEqual(['inputActivated', 'deviceEvent', 'deviceEvent', 'deviceEvent', 'deviceEvent', 'inputDeactivated']);
    expect(logs).toEqual(['warning: Gate unit sends more than 5 events a second: the rest are dropped until it calms down']);
    // A quiet second, then the next event tells that it calmed down.
    for (const n of [98, 99]) {
      clock.advance(1500);
      device.send([tamper(n)]);
      await settle();
    }
    expect(raised.slice(-2).map((e) => e.data?.n)).toEqual(['98', '99']);
    expect(logs).toHaveLength(2);
    expect(logs.at(-1)).toBe('information: Gate unit sends events at a normal rate again; 16 were dropped');
    // A dropped activation leaves the input idle for the site: its end is not raised alone.
    clock.advance(1500);
    device.send([...Array.from({ length: 5 }, (_, i) => tamper(i)), input(true), input(false)]);
    await settle();
    expect(raised.slice(-5).map((e) => e.type)).toEqual(Array(5).fill('deviceEvent'));
    await watcher.stop();
  });

  it('raises a relay switched by someone else, a moment late, and not one the site switched itself', async () => {
    const clock = new ManualClock();
    const device = new ScriptedDevice(clock);
    const { watcher, raised } = watch(clock, device);
    await settle();
    const relay = (state: string): OnvifNotification => ({ topic: 'tns1:Device/Trigger/Relay', operation: 'Changed', source: { RelayToken: 'R1' }, key: {}, data: { LogicalState: state } });
    // The device's notification comes before the site's own event of the switch.
    device.send([relay('active')]);
    await settle();
    watcher.expectOutput('out-siren', true);
    clock.advance(RELAY_GRACE_MS);
    await settle();
    expect(raised).toEqual([]);
    // Nobody on the site switched it off.
    device.send([relay('inactive')]);
    await settle();
    expect(raised).toEqual([]);
    clock.advance(RELAY_GRACE_MS);
    expect(raised.map((e) => `${e.type} ${e.source.id}`)).toEqual(['outputDeactivated out-siren']);
    await watcher.stop();
  });

  it('logs a lost device once, however often it retries, and once when it is back', async () => {
    const clock = new ManualClock();
    const device = new ScriptedDevice(clock);
    const { watcher, logs } = watch(clock, device);
    await settle();
    device.fail();
    for (let i = 0; i < 30; i++) {
      clock.advance(1000);
      await settle();
    }
    expect(logs).toEqual([
      'warning: ONVIF events of Gate unit (http://10.0.0.9/onvif/device_service) are not received: ONVIF PullMessages at 10.0.0.9: ECONNRESET; retrying until the device answers',
    ]);
    device.down = false;
    clock.advance(4000);
    await settle();
    expect(logs.at(-1)).toBe('information: ONVIF events of Gate unit (http://10.0.0.9/onvif/device_service) are received again');
    expect(logs).toHaveLength(2);
    await watcher.stop();
  });
});
