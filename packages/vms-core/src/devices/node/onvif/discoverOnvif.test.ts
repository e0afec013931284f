import { afterEach, describe, expect, it } from 'vitest';
import { isVmsError } from '../../../base/common/errors';
import { startOnvifSimulator } from '../../../../test/harness/onvif/onvifSimulator';
import type { OnvifSimulator } from '../../../../test/harness/onvif/onvifSimulator';
import { discoverOnvif } from './discoverOnvif';

// Probe and responder both use the loopback interface as their multicast interface, so the
// multicast never leaves this machine (see docs/design/onvif-client.md).
const LOOPBACK = 'lo';

const simulators: OnvifSimulator[] = [];
afterEach(async () => {
  await Promise.all(simulators.splice(0).map((s) => s.stop()));
});

describe('discoverOnvif', () => {
  it('finds simulated devices on loopback with their XAddrs and scopes', async () => {
    const first = await startOnvifSimulator({ discovery: true, model: 'Disco 1' });
    simulators.push(first);
    const second = await startOnvifSimulator({ discovery: { multicastInterface: '127.0.0.1' }, model: 'Disco 2' });
    simulators.push(second);

    const found = await discoverOnvif({ timeoutMs: 300, interface: LOOPBACK });

    // Simulators of other test files may answer too; ours must be among them.
    const byEndpoint = new Map(found.map((d) => [d.endpoint, d]));
    expect(byEndpoint.get(first.endpoint)?.xaddrs).toEqual([first.xaddr]);
    expect(byEndpoint.get(second.endpoint)?.xaddrs).toEqual([second.xaddr]);
    expect(byEndpoint.get(first.endpoint)?.scopes).toContain('onvif://www.onvif.org/hardware/Disco%201');
    expect(byEndpoint.get(first.endpoint)?.scopes).toContain('onvif://www.onvif.org/type/video_encoder');
  });

  it('accepts the interface as an address too', async () => {
    const sim = await startOnvifSimulator({ discovery: true });
    simulators.push(sim);
    const found = await discoverOnvif({ timeoutMs: 300, interface: '127.0.0.1' });
    expect(found.map((d) => d.endpoint)).toContain(sim.endpoint);
  });

  it('returns nothing of a device that has stopped', async () => {
    const sim = await startOnvifSimulator({ discovery: true });
    await sim.stop();
    const found = await discoverOnvif({ timeoutMs: 200, interface: LOOPBACK });
    expect(found.map((d) => d.endpoint)).not.toContain(sim.endpoint);
  });

  it('rejects an unknown interface name', async () => {
    const error = await discoverOnvif({ timeoutMs: 100, interface: 'no-such-if0' }).catch((e: unknown) => e);
    expect(isVmsError(error, 'VMS_ERR_BAD_INPUT')).toBe(true);
  });
});
