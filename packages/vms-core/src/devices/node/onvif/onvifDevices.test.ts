import { afterEach, describe, expect, it } from 'vitest';
import { isVmsError } from '../../../base/common/errors';
import { startOnvifSimulator } from '../../../../test/harness/onvif/onvifSimulator';
import type { OnvifSimulator, OnvifSimulatorOptions } from '../../../../test/harness/onvif/onvifSimulator';
import { OutputControl } from '../outputControl';
import type { OutputTarget } from '../outputControl';
import { parseIoTokens } from './deviceIo';
import { parseXml } from './xml';
import { probeOnvif } from './probeOnvif';

const admin = { username: 'admin', password: 'secret' };
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function simulator(opts: OnvifSimulatorOptions = {}): Promise<OnvifSimulator> {
  const sim = await startOnvifSimulator({ ...admin, ...opts });
  // Stopping twice is fine here: a test may stop the device to see it unreachable.
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= sim.stop());
  cleanups.push(stop);
  return { ...sim, stop };
}

const io: OnvifSimulatorOptions = {
  audioSources: [{ token: 'AudioSource_1' }], audioOutputs: [{ token: 'AudioOut_1' }],
  metadataConfigurations: [{ token: 'meta1', name: 'Scene metadata' }],
  digitalInputs: [{ token: 'DI_1', idleState: 'open' }, { token: 'DI_2' }], relayOutputs: [{ token: 'RO_1' }],
};

const target = (sim: OnvifSimulator, credentials = admin): OutputTarget => ({
  hardwareId: 'hw', driver: 'onvif', address: `127.0.0.1:${sim.port}`, credentials, relayToken: 'RO_1',
});

describe('ONVIF devices other than cameras', () => {
  it('finds microphones, speakers, metadata, inputs and relays, named by kind and order where ONVIF names none (inputs and outputs always numbered)', async () => {
    const sim = await simulator(io);
    const info = await probeOnvif(`127.0.0.1:${sim.port}`, admin);
    expect(info.devices).toEqual([
      { kind: 'microphone', key: 'AudioSource_1', name: 'Microphone' },
      { kind: 'speaker', key: 'AudioOut_1', name: 'Speaker' },
      { kind: 'metadata', key: 'meta1', name: 'Scene metadata' },
      { kind: 'input', key: 'DI_1', name: 'Input 1' },
      { kind: 'input', key: 'DI_2', name: 'Input 2' },
      { kind: 'output', key: 'RO_1', name: 'Output 1' },
    ]);
  });

  it('reports none for a device without audio, metadata or I/O', async () => {
    const sim = await simulator();
    expect((await probeOnvif(`127.0.0.1:${sim.port}`, admin)).devices).toEqual([]);
  });

  it('lists a token the device repeats once', async () => {
    const sim = await simulator({ digitalInputs: [{ token: 'DI_1' }, { token: 'DI_1' }], relayOutputs: [{ token: 'RO_1' }, { token: 'RO_2' }, { token: 'RO_1' }] });
    expect((await probeOnvif(`127.0.0.1:${sim.port}`, admin)).devices).toEqual([
      { kind: 'input', key: 'DI_1', name: 'Input 1' }, { kind: 'output', key: 'RO_1', name: 'Output 1' }, { kind: 'output', key: 'RO_2', name: 'Output 2' },
    ]);
  });

  it('tells a list the device failed to give from one it does not offer', async () => {
    const fault = (subcode: string) =>
      '<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope" xmlns:ter="http://www.onvif.org/ver10/error"><env:Body><env:Fault>' +
      `<env:Code><env:Value>env:Receiver</env:Value><env:Subcode><env:Value>ter:${subcode}</env:Value></env:Subcode></env:Code>` +
      '<env:Reason><env:Text xml:lang="en">Busy</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>';
    const failing = await simulator({ ...io, rawResponses: { GetRelayOutputs: fault('HardwareFailure'), GetAudioSources: '<html>busy</html>' } });
    const info = await probeOnvif(`127.0.0.1:${failing.port}`, admin);
    expect(info.devices?.map((d) => d.key)).toEqual(['AudioOut_1', 'meta1', 'DI_1', 'DI_2']);
    expect(info.devicesNotRead).toEqual(['microphone', 'output']);
    // "Not supported" is an answer: the device has none.
    const without = await simulator({ ...io, rawResponses: { GetRelayOutputs: fault('ActionNotSupported'), GetAudioSources: fault('AudioNotSupported') } });
    const none = await probeOnvif(`127.0.0.1:${without.port}`, admin);
    expect(none.devices?.map((d) => d.key)).toEqual(['AudioOut_1', 'meta1', 'DI_1', 'DI_2']);
    expect(none.devicesNotRead).toBeUndefined();
  });

  it('lists relays through the Device service when there is no DeviceIO, and switches them there', async () => {
    const sim = await simulator({ relayOutputs: [{ token: 'RO_1' }, { token: 'RO_2' }], deviceIo: false });
    const info = await probeOnvif(`127.0.0.1:${sim.port}`, admin);
    expect(info.devices?.map((d) => d.key)).toEqual(['RO_1', 'RO_2']);
    await new OutputControl({ clock: { now: () => Date.now() } }).setRelayState(target(sim), true);
    expect(sim.outputs.commands).toEqual([{ token: 'RO_1', state: 'active', service: 'device' }]);
  });

  it('switches a relay through DeviceIO, reusing its session, and maps failures to VMS errors', async () => {
    const sim = await simulator(io);
    const control = new OutputControl({ clock: { now: () => Date.now() } });
    await control.setRelayState(target(sim), true);
    await control.setRelayState(target(sim), false);
    expect(sim.outputs.commands).toEqual([
      { token: 'RO_1', state: 'active', service: 'deviceIO' }, { token: 'RO_1', state: 'inactive', service: 'deviceIO' },
    ]);
    expect(sim.outputs.states).toEqual({ RO_1: 'inactive' });
    const refused = await control.setRelayState(target(sim, { username: 'admin', password: 'wrong' }), true).catch((e: unknown) => e);
    expect(isVmsError(refused, 'VMS_ERR_DEVICE_AUTH'), String(refused)).toBe(true);
    const unknown = await control.setRelayState({ ...target(sim), relayToken: 'RO_9' }, true).catch((e: unknown) => e);
    expect(isVmsError(unknown, 'VMS_ERR_DEVICE_PROTOCOL'), String(unknown)).toBe(true);
    await sim.stop();
    const gone = await control.setRelayState(target(sim), true).catch((e: unknown) => e);
    expect(isVmsError(gone, 'VMS_ERR_DEVICE_UNREACHABLE'), String(gone)).toBe(true);
  });

  it('keeps one relay session per hardware unit, replaced when its credentials change and dropped with the unit', async () => {
    const sim = await simulator(io);
    const control = new OutputControl({ clock: { now: () => Date.now() } });
    await control.setRelayState(target(sim), true);
    expect(control.sessionHardwareIds()).toEqual(['hw']);
    // New credentials: the session signed with the old ones is not used (the device refuses these).
    const refused = await control.setRelayState(target(sim, { username: 'admin', password: 'changed' }), false).catch((e: unknown) => e);
    expect(isVmsError(refused, 'VMS_ERR_DEVICE_AUTH'), String(refused)).toBe(true);
    await control.setRelayState(target(sim), false);
    await control.setRelayState({ ...target(sim), hardwareId: 'hw2' }, true);
    expect(control.sessionHardwareIds().sort()).toEqual(['hw', 'hw2']);
    control.retainOnly(new Set(['hw2']));
    expect(control.sessionHardwareIds()).toEqual(['hw2']);
    expect(sim.outputs.commands.map((c) => c.state)).toEqual(['active', 'inactive', 'active']);
  });

  it('reads tokens whatever the prefix, leaving out elements without one', () => {
    const reply = parseXml('<r xmlns:x="urn:x"><x:RelayOutputs token="a"/><x:RelayOutputs/><x:RelayOutputs token="b"><x:Properties/></x:RelayOutputs></r>');
    expect(parseIoTokens(reply?.['r'], 'RelayOutputs')).toEqual([{ token: 'a' }, { token: 'b' }]);
  });
});
