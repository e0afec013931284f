// The site's ONVIF events with its own output switching, on the manual clock: a device that
// reports every relay change (as real ones do) and the site's OutputSwitch on one event bus.
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../../base/common/clock';
import type { OnvifNotification } from '../../devices/common/onvifNotification';
import type { PullPoint, PullPointOperations } from '../../devices/node/onvif/eventsService';
import type { PulledMessages } from '../../devices/node/onvif/notificationMessage';
import { OutputSwitch } from '../../devices/node/outputSwitch';
import type { OutputTarget } from '../../devices/node/outputControl';
import type { Hardware } from '../../management/common/camera';
import type { Device } from '../../management/common/device';
import type { ConfigStore } from '../../management/node/configStore';
import { EventServer } from './eventServer';
import { OnvifEventService } from './onvifEventService';
import { RELAY_GRACE_MS } from './onvifEventWatcher';

const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A relay unit: its pull point hands out what it queued; switching a relay queues the device's Relay notification. */
class RelayDevice implements PullPointOperations {
  private queue: OnvifNotification[] = [];
  private wake: (() => void) | undefined;
  constructor(private readonly clock: ManualClock) {}
  async createPullPoint() {
    return { url: 'pp', reference: { address: 'pp', headerBlocks: [] }, remainingMs: 60_000 };
  }
  async pullMessages(_pp: PullPoint, o: { timeoutSeconds: number; signal?: AbortSignal }): Promise<PulledMessages> {
    if (this.queue.length === 0) await Promise.race([new Promise<void>((r) => (this.wake = r)), this.clock.sleep(o.timeoutSeconds * 1000, o.signal)]);
    const messages = this.queue;
    this.queue = [];
    return { messages };
  }
  async renew() {
    return { remainingMs: 60_000 };
  }
  async unsubscribe() {}
  /** SetRelayOutputState, and the notification of the change the device sends for it. */
  switch(token: string, active: boolean): void {
    this.queue.push({ topic: 'tns1:Device/Trigger/Relay', operation: 'Changed', source: { RelayToken: token }, key: {}, data: { LogicalState: active ? 'active' : 'inactive' } });
    this.wake?.();
  }
}

function site(clock: ManualClock) {
  const hardware: Hardware = { id: 'hw1', driver: 'onvif', address: 'http://10.0.0.9/onvif/device_service', name: 'Gate unit' };
  const siren: Device = {
    id: 'out-siren', hardwareId: 'hw1', kind: 'output', deviceKey: 'R1', name: 'Siren', enabled: true, group: '', settings: {}, reportedName: 'Output 1', createdAt: 0,
  };
  const config = {
    hardwareStore: { list: () => [hardware] },
    getHardware: () => hardware,
    hardwareCredentials: () => ({}),
    listCameras: () => [],
    devices: { listDevices: (f: { kind?: string }) => (f.kind === 'output' ? [siren] : []), getDevice: () => siren },
  } as unknown as ConfigStore;
  const device = new RelayDevice(clock);
  const events = new EventServer({ clock });
  const outputs = new OutputSwitch({ clock, config, control: { setRelayState: async (t: OutputTarget, active: boolean) => device.switch(t.relayToken, active) } });
  // As the event server does (rules/node/eventsAndRules.ts): the site's own switch is an event.
  outputs.onDidSwitch((s) => events.raise({
    type: s.state === 'on' ? 'outputActivated' : 'outputDeactivated', source: { kind: 'output', id: s.device.id, name: s.device.name },
    severity: 'information', message: `${s.device.name} switched ${s.state}`, data: { by: s.by },
  }));
  const service = new OnvifEventService({
    clock, config, events, outputs, systemLog: { write: () => undefined },
    connect: async () => ({ events: device, videoSourceOfConfiguration: new Map() }),
  });
  const bus: string[] = [];
  events.onDidRaise((e) => bus.push(`${e.type} ${e.data?.by ?? 'device'}`));
  return { device, outputs, service, bus };
}

async function advance(clock: ManualClock, ms: number, step = 250): Promise<void> {
  for (let t = 0; t < ms; t += step) {
    clock.advance(step);
    await settle();
  }
}

describe('ONVIF event service', () => {
  it('raises a pulse the site made shorter than the relay grace once, not again from the device', async () => {
    const clock = new ManualClock();
    const { outputs, service, bus } = site(clock);
    await service.start();
    await settle();
    await outputs.set('out-siren', 'on', { by: 'admin', pulseSeconds: 1 });
    await advance(clock, 1000 + 3 * RELAY_GRACE_MS);
    expect(bus).toEqual(['outputActivated admin', 'outputDeactivated pulse end']);
    await service.close();
    outputs.dispose();
  });

  it('raises a switch nobody on the site made, a moment late, after the site\'s own were matched', async () => {
    const clock = new ManualClock();
    const { device, outputs, service, bus } = site(clock);
    await service.start();
    await settle();
    await outputs.set('out-siren', 'on', { by: 'admin' });
    await advance(clock, 500);
    // Someone at the device switches it off, then on again.
    device.switch('R1', false);
    await advance(clock, 500);
    device.switch('R1', true);
    await advance(clock, 3 * RELAY_GRACE_MS);
    expect(bus).toEqual(['outputActivated admin', 'outputDeactivated device', 'outputActivated device']);
    await service.close();
    outputs.dispose();
  });
});
