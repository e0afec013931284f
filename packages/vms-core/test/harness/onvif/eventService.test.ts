// The simulated pull points keep time as a device does: what the client tests rely on.
import { describe, expect, it } from 'vitest';
import { SimulatedEvents, parseTermination } from './eventService';

const ADDRESS = 'http://127.0.0.1:1/onvif/event_service/subscription';

function events(o: { renew?: boolean } = {}) {
  let now = Date.UTC(2026, 0, 1);
  const sim = new SimulatedEvents({ inputs: [{ token: 'DI_0' }], renew: o.renew ?? true, subscriptionXAddr: ADDRESS, deviceNow: () => now });
  const created = sim.handleService('CreatePullPointSubscription', { InitialTerminationTime: 'PT5S' });
  expect(created && 'body' in created && created.body).toMatch(/<sim:SubscriptionId[^>]*>1</);
  const header = { To: ADDRESS, SubscriptionId: '1' };
  return { sim, header, advance: (ms: number) => (now += ms) };
}

describe('simulated Events service', () => {
  it('reads durations and times as devices do', () => {
    expect(parseTermination('PT60S', 0)).toBe(60_000);
    expect(parseTermination('PT1M30.5S', 0)).toBe(90_500);
    expect(parseTermination('P1DT2H', 0)).toBe(26 * 3600_000);
    expect(parseTermination('2026-01-01T00:01:00Z', Date.UTC(2026, 0, 1))).toBe(60_000);
    expect(parseTermination('soon', 0)).toBeUndefined();
  });

  it('ends a subscription at its termination time unless renewed or pulled', async () => {
    const { sim, header, advance } = events();
    advance(4000);
    const renewed = await sim.handleSubscription('Renew', { TerminationTime: 'PT10S' }, header);
    expect(renewed && 'body' in renewed).toBe(true);
    advance(9000);
    // The first pull gets the input's Initialized value at once and keeps the pull point for its timeout.
    const pulled = await sim.handleSubscription('PullMessages', { Timeout: 'PT20S', MessageLimit: '5' }, header);
    expect(pulled && 'body' in pulled && pulled.body).toMatch(/PropertyOperation="Initialized"/);
    advance(19_000);
    expect(sim.live()).toEqual(['1']);
    advance(2000);
    expect(sim.live()).toEqual([]);
    expect(sim.operations).toEqual(['CreatePullPointSubscription 1', 'Renew 1', 'expired 1']);
    expect(await sim.handleSubscription('PullMessages', {}, header)).toMatchObject({ status: 400, subcodes: ['ter:InvalidArgVal', 'ter:ResourceUnknown'] });
  });

  it('refuses requests that do not name the pull point, and Renew when told to', async () => {
    const { sim, header } = events({ renew: false });
    expect(await sim.handleSubscription('Renew', { TerminationTime: 'PT10S' }, { ...header, To: undefined })).toMatchObject({ status: 400, reason: expect.stringMatching(/wsa:To/) });
    expect(await sim.handleSubscription('Renew', { TerminationTime: 'PT10S' }, { To: ADDRESS })).toMatchObject({ reason: 'No such subscription' });
    expect(await sim.handleSubscription('Renew', { TerminationTime: 'PT10S' }, header)).toMatchObject({ code: 'env:Receiver', subcodes: ['ter:ActionNotSupported'] });
  });
});
