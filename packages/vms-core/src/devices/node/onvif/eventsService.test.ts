// The Events client against the simulated device, at the SOAP level: the simulator refuses
// pull-point requests that do not carry the subscription reference as WS-Addressing headers.
import { createServer } from 'node:net';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isVmsError } from '../../../base/common/errors';
import { systemClock } from '../../../base/node/systemClock';
import { startOnvifSimulator } from '../../../../test/harness/onvif/onvifSimulator';
import type { OnvifSimulator, OnvifSimulatorOptions } from '../../../../test/harness/onvif/onvifSimulator';
import { until } from '../../../../test/harness/until';
import type { OnvifNotification } from '../../common/onvifNotification';
import { EVENTS_NS, connectOnvifEvents } from './eventsService';
import { openOnvifClient } from './probeOnvif';
import { PullPointSubscription } from './pullPointSubscription';
import type { SubscriptionStatus } from './pullPointSubscription';

const admin = { username: 'admin', password: 'events-pw' };
const running: { stop(): Promise<void> }[] = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.stop();
});

async function simulator(opts: OnvifSimulatorOptions = {}): Promise<OnvifSimulator> {
  const sim = await startOnvifSimulator({ ...admin, digitalInputs: [{ token: 'DI_0' }, { token: 'DI_1' }], ...opts });
  running.push(sim);
  return sim;
}

describe('ONVIF events client', () => {
  it('finds the Events service, subscribes, pulls, renews and unsubscribes', async () => {
    const sim = await simulator();
    const endpoint = await connectOnvifEvents(sim.xaddr, admin, { clock: systemClock });
    expect(endpoint).toBeDefined();
    expect(endpoint!.videoSourceOfConfiguration.get('vsc_VideoSource_1')).toBe('VideoSource_1');
    const pp = await endpoint!.events.createPullPoint(30);
    expect(pp.remainingMs).toBe(30_000);
    // Every property's value comes first (Initialized), then changes.
    const first = await endpoint!.events.pullMessages(pp, { timeoutSeconds: 1, messageLimit: 10 });
    expect(first.messages.map((m) => [m.topic, m.operation, m.source.InputToken, m.data.LogicalState])).toEqual([
      ['tns1:Device/Trigger/DigitalInput', 'Initialized', 'DI_0', 'false'],
      ['tns1:Device/Trigger/DigitalInput', 'Initialized', 'DI_1', 'false'],
    ]);
    // Without the reference as WS-Addressing headers the pull point is not found.
    const { client } = await openOnvifClient(sim.xaddr, admin, { clock: systemClock });
    const bare = client.call(pp.url, { namespace: EVENTS_NS, name: 'PullMessages', body: '<Timeout>PT1S</Timeout><MessageLimit>1</MessageLimit>' });
    await expect(bare).rejects.toThrow(/ResourceUnknown/);
    const waiting = endpoint!.events.pullMessages(pp, { timeoutSeconds: 5, messageLimit: 10 });
    sim.setInput('DI_1', true);
    expect((await waiting).messages).toMatchObject([{ operation: 'Changed', source: { InputToken: 'DI_1' }, data: { LogicalState: 'true' } }]);
    expect((await endpoint!.events.renew(pp, 120)).remainingMs).toBe(120_000);
    await endpoint!.events.unsubscribe(pp, 2000);
    expect(sim.events.live()).toEqual([]);
    expect(sim.events.operations).toEqual(['CreatePullPointSubscription 1', 'Renew 1', 'Unsubscribe 1']);
    await expect(endpoint!.events.pullMessages(pp, { timeoutSeconds: 1, messageLimit: 1 })).rejects.toMatchObject({ code: 'VMS_ERR_DEVICE_PROTOCOL' });
  });

  it('says so when a device has no Events service', async () => {
    const sim = await simulator({ events: false });
    expect(await connectOnvifEvents(sim.xaddr, admin, { clock: systemClock })).toBeUndefined();
  });

  it('gives up connecting as soon as it is told to, closing the request it waits on', async () => {
    // A device that reads the request and never answers.
    const sockets: Socket[] = [];
    const server = createServer((socket) => {
      sockets.push(socket);
      socket.resume();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    running.push({
      stop: () => {
        for (const socket of sockets) socket.destroy();
        return new Promise<void>((resolve) => server.close(() => resolve()));
      },
    });
    const stop = new AbortController();
    const started = Date.now();
    const attempt = connectOnvifEvents(`127.0.0.1:${(server.address() as AddressInfo).port}`, admin, { clock: systemClock, timeoutMs: 30_000, signal: stop.signal })
      .then(() => undefined, (e: unknown) => e);
    await until(() => sockets.length === 1, () => 'a connection');
    stop.abort();
    const error = await attempt;
    expect(isVmsError(error, 'VMS_ERR_DEVICE_UNREACHABLE') && error.message).toMatch(/GetSystemDateAndTime .*: cancelled$/);
    expect(Date.now() - started).toBeLessThan(5000);
    // The request's connection is closed, not left waiting for the device.
    await until(() => sockets[0]!.destroyed, () => 'the connection closed');
  });

  it('subscribes again when the device restarts on the same port, and unsubscribes on stop', async () => {
    let sim = await simulator();
    const port = sim.port;
    const received: OnvifNotification[] = [];
    const statuses: SubscriptionStatus[] = [];
    const sub = new PullPointSubscription({
      clock: systemClock,
      connect: () => connectOnvifEvents(`127.0.0.1:${port}`, admin, { clock: systemClock }),
      onMessages: (m) => received.push(...m),
      onStatus: (s) => statuses.push(s),
      timing: { pullTimeoutSeconds: 2, retryMs: { first: 100, max: 400 } },
    });
    await until(() => received.length === 2, () => `initial values: ${JSON.stringify(received)}`);
    await sim.stop();
    running.splice(running.indexOf(sim), 1);
    await until(() => statuses.some((s) => s.kind === 'failed'), () => JSON.stringify(statuses));
    sim = await simulator({ port });
    sim.setInput('DI_0', true);
    await until(() => statuses.at(-1)?.kind === 'subscribed', () => JSON.stringify(statuses));
    sim.setInput('DI_0', false);
    await until(() => received.some((m) => m.operation === 'Changed'), () => JSON.stringify(received));
    // The new device's initial values (DI_0 already active), then the change.
    expect(received.slice(2).map((m) => `${m.operation} ${m.source.InputToken}=${m.data.LogicalState}`)).toEqual([
      'Initialized DI_0=true', 'Initialized DI_1=false', 'Changed DI_0=false',
    ]);
    await sub.stop();
    expect(sim.events.operations.at(-1)).toBe('Unsubscribe 1');
    expect(sim.events.live()).toEqual([]);
  });
});
