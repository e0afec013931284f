/**
 * Devices other than cameras through the API, against the ONVIF simulator on 127.0.0.1 (and a
 * GStreamer camera with an audio track): added with their hardware, kept in step by "update
 * hardware", edited, switched (outputs), and switched by rules.
 */
import { describe, expect, it } from 'vitest';
import type { DeviceBody, SetOutputStateResult } from '../../src/api/common/deviceSchemas';
import type { UpdateHardwareResult } from '../../src/api/common/hardwareSchemas';
import type { CameraBody } from '../../src/api/common/schemas';
import type { SiteUpdate } from '../../src/api/common/updateSchemas';
import type { VmsEvent } from '../../src/events/common/vmsEvent';
import type { OnvifSimulatorOptions, SimulatedProfile } from '../harness/onvif/onvifSimulator';
import { startOnvifSimulator } from '../harness/onvif/onvifSimulator';
import { TestSite, cleanup, testCamera, until } from './siteFixture';
import type { ErrorReply } from './siteFixture';
import { UpdatesClient } from './updatesClient';

/** Streams point at a closed port: these tests need the device, not its video. */
const profile: SimulatedProfile = { token: 'main', name: 'Main', encoding: 'H264', width: 1280, height: 720, fps: 25, rtspUrl: 'rtsp://127.0.0.1:9/main' };

const withIo: OnvifSimulatorOptions = {
  audioSources: [{ token: 'AudioSource_1' }], audioOutputs: [{ token: 'AudioOut_1' }],
  metadataConfigurations: [{ token: 'meta1', name: 'Scene metadata' }],
  digitalInputs: [{ token: 'DI_1' }, { token: 'DI_2' }], relayOutputs: [{ token: 'RO_1' }],
};

async function simulator(o: OnvifSimulatorOptions = withIo) {
  const sim = await startOnvifSimulator({ username: 'admin', password: 'sim-password', model: 'Gate 2', profiles: [profile], ...o });
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= sim.stop());
  cleanup(stop);
  return { ...sim, stop };
}

interface Added { hardware: { id: string }; cameras: CameraBody[]; devices: DeviceBody[] }

async function addOnvif(ts: TestSite, port: number, name = 'Gate'): Promise<Added> {
  const res = await ts.request<Added>('POST', '/api/hardware', { driver: 'onvif', address: `127.0.0.1:${port}`, username: 'admin', password: 'sim-password', name });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const devices = async (ts: TestSite, query = '', token?: string) => {
  const res = await ts.request<DeviceBody[]>('GET', `/api/devices${query}`, undefined, token);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const byKey = (list: DeviceBody[], key: string) => list.find((d) => d.deviceKey === key)!;

/** A user in a new role with these rights on the camera; returns their token. */
async function operator(ts: TestSite, name: string, cameraId: string, rights: string[]): Promise<string> {
  const role = await ts.request<{ id: string }>('POST', '/api/roles', { name, grants: [{ cameraId, rights }] });
  expect(role.status, JSON.stringify(role.body)).toBe(201);
  expect((await ts.request('POST', '/api/users', { username: name, password: `${name}-password-1`, roleIds: [role.body.id] })).status).toBe(201);
  return (await ts.request<{ token: string }>('POST', '/api/login', { username: name, password: `${name}-password-1` }, null)).body.token;
}

/**
 * Output events the site raised for its own switching (they say who asked). The device's own
 * Relay notifications, when its events are subscribed, are the ONVIF event service's business.
 */
const outputEvents = (ts: TestSite, deviceId: string): VmsEvent[] => ts.site.eventsAndRules.events.list({ sourceId: deviceId })
  .filter((e) => (e.type === 'outputActivated' || e.type === 'outputDeactivated') && e.data?.by !== undefined);

describe('devices of hardware', () => {
  it('come with ONVIF hardware, enabled and named after it, and follow the device when it is updated', async () => {
    const ts = await TestSite.open();
    const before = await simulator();
    const added = await addOnvif(ts, before.port);
    expect(added.devices.map((d) => [d.kind, d.deviceKey, d.name, d.enabled])).toEqual([
      ['microphone', 'AudioSource_1', 'Gate Microphone', true], ['speaker', 'AudioOut_1', 'Gate Speaker', true],
      ['metadata', 'meta1', 'Gate Scene metadata', true], ['input', 'DI_1', 'Gate Input 1', true], ['input', 'DI_2', 'Gate Input 2', true],
      ['output', 'RO_1', 'Gate Output 1', true],
    ]);
    const hardwareId = added.hardware.id;
    expect(await devices(ts)).toEqual(added.devices);
    expect((await devices(ts, '?kind=input')).map((d) => d.deviceKey)).toEqual(['DI_1', 'DI_2']);
    expect(await devices(ts, `?hardwareId=${hardwareId}&kind=output`)).toEqual([byKey(added.devices, 'RO_1')]);
    expect(await devices(ts, '?hardwareId=nope')).toEqual([]);
    expect((await ts.request<ErrorReply>('GET', '/api/devices?kind=camera')).status).toBe(400);
    const input = byKey(added.devices, 'DI_1');
    expect((await ts.request<DeviceBody>('GET', `/api/devices/${input.id}`)).body).toEqual(input);
    expect((await ts.request<ErrorReply>('GET', '/api/devices/nope')).status).toBe(404);
    expect((await ts.request('PATCH', `/api/devices/${input.id}`, { name: 'Front door' })).status).toBe(200);

    // The device after a change: the metadata renamed, the second input gone, a second relay.
    await before.stop();
    const after = await simulator({ ...withIo, metadataConfigurations: [{ token: 'meta1', name: 'Analytics' }], digitalInputs: [{ token: 'DI_1' }], relayOutputs: [{ token: 'RO_1' }, { token: 'RO_2' }] });
    const res = await ts.request<UpdateHardwareResult>('PATCH', `/api/hardware/${hardwareId}`, { address: `127.0.0.1:${after.port}`, refresh: true });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const missing = byKey(added.devices, 'DI_2');
    const metadata = byKey(added.devices, 'meta1');
    expect(res.body.changes!.devices).toEqual({
      added: [{ kind: 'output', deviceKey: 'RO_2', name: 'Output 2' }],
      missing: [{ deviceId: missing.id, kind: 'input', deviceKey: 'DI_2', name: 'Gate Input 2' }],
      renamed: [{ deviceId: metadata.id, kind: 'metadata', deviceKey: 'meta1', from: 'Scene metadata', to: 'Analytics' }],
    });
    const now = await devices(ts, `?hardwareId=${hardwareId}`);
    expect(now).toHaveLength(7);
    // Missing: disabled and kept; renamed by the device: the site's name follows, an administrator's stays.
    expect(byKey(now, 'DI_2')).toMatchObject({ id: missing.id, enabled: false });
    expect(byKey(now, 'meta1')).toMatchObject({ id: metadata.id, name: 'Gate Analytics', reportedName: 'Analytics' });
    expect(byKey(now, 'DI_1')).toMatchObject({ id: input.id, name: 'Front door', enabled: true });
    expect(byKey(now, 'RO_2')).toMatchObject({ name: 'Gate Output 2', enabled: true });

    // Removing the hardware removes its devices, and the audit names them.
    expect((await ts.request('DELETE', `/api/hardware/${hardwareId}`)).status).toBe(200);
    expect(await devices(ts)).toEqual([]);
    const audit = (await ts.request<{ details: { devices: { id: string }[] } }[]>('GET', `/api/audit-log?action=deleteHardware&target=${hardwareId}`)).body;
    expect(audit[0]!.details.devices.map((d) => d.id).sort()).toEqual(now.map((d) => d.id).sort());
  });

  it('stay as they were when the device fails to list their kind at an update, which says so', async () => {
    const ts = await TestSite.open();
    const before = await simulator();
    const added = await addOnvif(ts, before.port);
    await before.stop();
    const fault = '<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><env:Fault><env:Code><env:Value>env:Receiver</env:Value></env:Code>' +
      '<env:Reason><env:Text xml:lang="en">Internal error</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>';
    const failing = await simulator({ ...withIo, rawResponses: { GetRelayOutputs: fault } });
    const res = await ts.request<UpdateHardwareResult>('PATCH', `/api/hardware/${added.hardware.id}`, { address: `127.0.0.1:${failing.port}`, refresh: true });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.changes!.devices).toEqual({ added: [], missing: [], renamed: [], notRead: ['output'] });
    expect(byKey(await devices(ts, `?hardwareId=${added.hardware.id}`), 'RO_1')).toMatchObject({ id: byKey(added.devices, 'RO_1').id, enabled: true });
  });

  it('come with an RTSP camera whose stream has an audio track: one microphone', async () => {
    const ts = await TestSite.open();
    const cam = await testCamera({ audioMounts: ['/with-audio'] });
    const res = await ts.request<Added>('POST', '/api/hardware', { driver: 'rtsp', address: `rtsp://127.0.0.1:${cam.port}/with-audio`, name: 'Door cam' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.devices).toEqual([expect.objectContaining({ kind: 'microphone', deviceKey: 'audio', name: 'Door cam Microphone', enabled: true })]);
    // The same server's mount without audio brings none.
    const silent = await ts.request<Added>('POST', '/api/hardware', { driver: 'rtsp', address: cam.url, name: 'Quiet cam' });
    expect(silent.body.devices).toEqual([]);
  });
});

describe('updateDevice', () => {
  it('changes name, group, enabled and settings, refusing bad values by field; audited; announced; administrators only', async () => {
    const ts = await TestSite.open();
    const sim = await simulator();
    const added = await addOnvif(ts, sim.port);
    const output = byKey(added.devices, 'RO_1');
    const microphone = byKey(added.devices, 'AudioSource_1');
    const socket = await UpdatesClient.signedIn(await ts.site.listen(0), ts.token);

    const res = await ts.request<DeviceBody>('PATCH', `/api/devices/${output.id}`, { name: ' Barrier ', group: 'Yard / North', settings: { pulseSeconds: 2 } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toEqual({ ...output, name: 'Barrier', group: 'Yard/North', settings: { pulseSeconds: 2 } });
    const pushed = await socket.next((m: SiteUpdate) => m.type === 'configurationChanged' && m.resources.includes('devices'), 'devices changed');
    expect(pushed).toEqual({ type: 'configurationChanged', resources: ['devices'] });
    const audit = (await ts.request<{ details: { changes: object } }[]>('GET', `/api/audit-log?action=updateDevice&target=${output.id}`)).body;
    expect(audit.map((a) => a.details.changes)).toEqual([{
      name: { from: 'Gate Output 1', to: 'Barrier' }, group: { from: '', to: 'Yard/North' }, 'settings.pulseSeconds': { from: null, to: 2 },
    }]);

    const bad: [string, object, string, RegExp][] = [
      [microphone.id, { settings: { pulseSeconds: 2 } }, 'settings.pulseSeconds', /a microphone has no settings/],
      [output.id, { name: '   ' }, 'name', /1 to 200/],
      [output.id, { group: 'A//B' }, 'group', /may not be empty/],
      [output.id, { settings: { pulseSeconds: 0 } }, 'settings.pulseSeconds', /.+/],
      [output.id, { kind: 'input' }, 'kind', /.+/],
    ];
    for (const [id, body, field, message] of bad) {
      const r = await ts.request<ErrorReply & { field?: string }>('PATCH', `/api/devices/${id}`, body);
      expect(r, JSON.stringify(body)).toMatchObject({ status: 400, body: { code: 'VMS_ERR_BAD_INPUT', field, message: expect.stringMatching(message) } });
    }
    expect((await ts.request<ErrorReply>('PATCH', '/api/devices/nope', { name: 'x' })).status).toBe(404);

    // An operator with every right on the camera sees the devices but may not change them.
    const token = await operator(ts, 'guard', added.cameras[0]!.id, ['live', 'ptz']);
    expect((await devices(ts, '', token)).map((d) => d.id)).toEqual(added.devices.map((d) => d.id));
    const refused = await ts.request<ErrorReply>('PATCH', `/api/devices/${output.id}`, { name: 'Mine' }, token);
    expect(refused).toMatchObject({ status: 403, body: { code: 'VMS_ERR_PERMISSION_DENIED' } });
    expect(ts.site.config.devices.getDevice(output.id).name).toBe('Barrier');
  });

  it('shows operators only the devices of hardware they see a camera of', async () => {
    const ts = await TestSite.open();
    const gate = await addOnvif(ts, (await simulator()).port, 'Gate');
    const yard = await addOnvif(ts, (await simulator({ relayOutputs: [{ token: 'RO_1' }] })).port, 'Yard');
    const token = await operator(ts, 'yardwatch', yard.cameras[0]!.id, ['live']);
    expect(await devices(ts, '', token)).toEqual(yard.devices);
    const other = await ts.request<ErrorReply>('GET', `/api/devices/${gate.devices[0]!.id}`, undefined, token);
    expect(other).toMatchObject({ status: 403, body: { code: 'VMS_ERR_PERMISSION_DENIED' } });
    expect((await ts.request('GET', `/api/devices/${yard.devices[0]!.id}`, undefined, token)).status).toBe(200);
  });
});

describe('setOutputState', () => {
  it('switches the relay on the device, pulses back, raises output events, and is audited', async () => {
    const ts = await TestSite.open();
    const sim = await simulator();
    const added = await addOnvif(ts, sim.port);
    const output = byKey(added.devices, 'RO_1');
    const set = (body: object, token?: string) => ts.request<SetOutputStateResult & ErrorReply>('POST', `/api/devices/${output.id}/state`, body, token);

    const on = await set({ state: 'on' });
    expect(on.status, JSON.stringify(on.body)).toBe(200);
    expect(on.body).toEqual({ device: { ...output, state: 'on' } });
    expect(sim.outputs.commands).toEqual([{ token: 'RO_1', state: 'active', service: 'deviceIO' }]);
    expect(outputEvents(ts, output.id).map((e) => [e.type, e.data?.by])).toEqual([['outputActivated', 'admin']]);

    // A pulse: off now, on again 0.3 s later, without anyone asking.
    const pulse = await set({ state: 'off', pulseSeconds: 0.3 });
    expect(pulse.body).toMatchObject({ device: { state: 'off' }, pulseSeconds: 0.3 });
    // The event comes once the device has answered the pulse's return.
    await until(() => outputEvents(ts, output.id).length === 3, () => `the pulse's return; commands ${JSON.stringify(sim.outputs.commands)}`);
    expect(sim.outputs.commands.map((c) => c.state)).toEqual(['active', 'inactive', 'active']);
    expect((await ts.request<DeviceBody>('GET', `/api/devices/${output.id}`)).body.state).toBe('on');
    expect(outputEvents(ts, output.id).map((e) => [e.type, e.data?.by])).toEqual([
      ['outputActivated', 'admin'], ['outputDeactivated', 'admin'], ['outputActivated', 'pulse end'],
    ]);
    const audit = (await ts.request<{ outcome: string; details: object }[]>('GET', `/api/audit-log?action=setOutputState&target=${output.id}`)).body;
    expect(audit.map((a) => [a.outcome, a.details])).toEqual([['ok', { state: 'on' }], ['ok', { state: 'off', pulseSeconds: 0.3 }]]);

    // An operator may with ptz on the hardware's camera, not with live only.
    const steerer = await operator(ts, 'steerer', added.cameras[0]!.id, ['live', 'ptz']);
    const watcher = await operator(ts, 'watcher', added.cameras[0]!.id, ['live']);
    expect((await set({ state: 'off' }, watcher))).toMatchObject({ status: 403, body: { code: 'VMS_ERR_PERMISSION_DENIED' } });
    expect((await set({ state: 'off' }, steerer)).status).toBe(200);
    expect(sim.outputs.states).toEqual({ RO_1: 'inactive' });
  });

  it('pushes every switch, a pulse\'s return included, to those who see the output and no one else', async () => {
    const ts = await TestSite.open();
    const gate = await addOnvif(ts, (await simulator()).port, 'Gate');
    const yard = await addOnvif(ts, (await simulator({ relayOutputs: [{ token: 'RO_1' }] })).port, 'Yard');
    const base = await ts.site.listen(0);
    const gateWatch = await UpdatesClient.signedIn(base, await operator(ts, 'gatewatch', gate.cameras[0]!.id, ['live']));
    const yardWatch = await UpdatesClient.signedIn(base, await operator(ts, 'yardwatch', yard.cameras[0]!.id, ['live']));
    const gateOutput = byKey(gate.devices, 'RO_1');
    const yardOutput = byKey(yard.devices, 'RO_1');
    const switched = (deviceId: string) => (m: SiteUpdate) => m.type === 'outputState' && m.deviceId === deviceId;

    expect((await ts.request('POST', `/api/devices/${gateOutput.id}/state`, { state: 'on', pulseSeconds: 0.2 })).status).toBe(200);
    // The pulse's return comes from the site's timer, with no request: the push is how clients learn it.
    await until(() => gateWatch.received.filter(switched(gateOutput.id)).length === 2, () => `two gate switches; got ${JSON.stringify(gateWatch.received)}`);
    expect(gateWatch.received.filter(switched(gateOutput.id))).toEqual([
      { type: 'outputState', deviceId: gateOutput.id, hardwareId: gate.hardware.id, state: 'on' },
      { type: 'outputState', deviceId: gateOutput.id, hardwareId: gate.hardware.id, state: 'off' },
    ]);
    // Then the yard: its watcher hears it, and had heard nothing of the gate before it.
    expect((await ts.request('POST', `/api/devices/${yardOutput.id}/state`, { state: 'on' })).status).toBe(200);
    await yardWatch.next(switched(yardOutput.id), 'the yard switch');
    expect(yardWatch.before(switched(yardOutput.id)).filter((m) => m.type === 'outputState')).toEqual([]);
    // A later marker for the gate watcher: a second gate switch, after which no yard switch may have arrived.
    expect((await ts.request('POST', `/api/devices/${gateOutput.id}/state`, { state: 'off' })).status).toBe(200);
    await until(() => gateWatch.received.filter(switched(gateOutput.id)).length === 3, () => 'the third gate switch');
    expect(gateWatch.received.filter(switched(yardOutput.id))).toEqual([]);
  });

  it('returns an output in a pulse when the site stops, before its time', async () => {
    const ts = await TestSite.open();
    const sim = await simulator();
    const added = await addOnvif(ts, sim.port);
    const output = byKey(added.devices, 'RO_1');
    const on = await ts.request<SetOutputStateResult>('POST', `/api/devices/${output.id}/state`, { state: 'on', pulseSeconds: 600 });
    expect(on.status, JSON.stringify(on.body)).toBe(200);
    expect(sim.outputs.states).toEqual({ RO_1: 'active' });
    await ts.closeAndCheck();
    // The site is down, the siren is not left on for ten minutes.
    expect(sim.outputs.commands.map((c) => c.state)).toEqual(['active', 'inactive']);
    expect(sim.outputs.states).toEqual({ RO_1: 'inactive' });
  });

  it('refuses what is not an enabled output, and reports a device that cannot be reached', async () => {
    const ts = await TestSite.open();
    const sim = await simulator();
    const added = await addOnvif(ts, sim.port);
    const output = byKey(added.devices, 'RO_1');
    const set = (id: string, body: object = { state: 'on' }) => ts.request<ErrorReply & { field?: string }>('POST', `/api/devices/${id}/state`, body);

    expect(await set(byKey(added.devices, 'DI_1').id)).toMatchObject({ status: 400, body: { code: 'VMS_ERR_BAD_INPUT', message: expect.stringMatching(/is an input, not an output/) } });
    expect(await set(output.id, { state: 'open' })).toMatchObject({ status: 400, body: { field: 'state' } });
    expect(await set(output.id, { state: 'on', pulseSeconds: 0 })).toMatchObject({ status: 400, body: { field: 'pulseSeconds' } });
    expect((await set('nope')).status).toBe(404);
    expect((await ts.request('PATCH', `/api/devices/${output.id}`, { enabled: false })).status).toBe(200);
    expect(await set(output.id)).toMatchObject({ status: 409, body: { code: 'VMS_ERR_CONFLICT', message: expect.stringMatching(/disabled/) } });
    expect(sim.outputs.commands).toEqual([]);

    expect((await ts.request('PATCH', `/api/devices/${output.id}`, { enabled: true })).status).toBe(200);
    await sim.stop();
    expect(await set(output.id)).toMatchObject({ status: 503, body: { code: 'VMS_ERR_DEVICE_UNREACHABLE' } });
    const audit = (await ts.request<{ outcome: string; details: { code?: string } }[]>('GET', `/api/audit-log?action=setOutputState&target=${output.id}`)).body;
    expect(audit.map((a) => [a.outcome, a.details.code])).toEqual([['failed', 'VMS_ERR_CONFLICT'], ['failed', 'VMS_ERR_DEVICE_UNREACHABLE']]);
    expect(outputEvents(ts, output.id)).toEqual([]);
  });
});

describe('the setOutput rule action', () => {
  it('switches an output on a user-defined event, and its stop action switches it back', async () => {
    const ts = await TestSite.open();
    const sim = await simulator();
    const added = await addOnvif(ts, sim.port);
    const output = byKey(added.devices, 'RO_1');
    const event = (await ts.request<{ id: string }>('POST', '/api/user-defined-events', { name: 'Open gate' })).body;
    const rule = (o: object = {}) => ({
      kind: 'event', name: 'Gate opens', trigger: { type: 'userDefined', definitionId: event.id }, stop: { kind: 'after', seconds: 1 },
      actions: [{ type: 'setOutput', outputId: output.id, state: 'on' }], stopActions: [{ type: 'setOutput', outputId: output.id, state: 'off' }], ...o,
    });
    const refused = await ts.request<ErrorReply & { field: string }>('POST', '/api/rules', rule({ stopActions: [{ type: 'setOutput', outputId: output.id, state: 'on' }] }));
    expect(refused).toMatchObject({ status: 400, body: { field: 'stopActions[0].state' } });
    const created = await ts.request<{ id: string }>('POST', '/api/rules', rule());
    expect(created.status, JSON.stringify(created.body)).toBe(201);

    expect((await ts.request('POST', `/api/user-defined-events/${event.id}/trigger`)).status).toBe(200);
    await until(() => outputEvents(ts, output.id).length === 2, () => `on, then off after a second; commands ${JSON.stringify(sim.outputs.commands)}`);
    expect(sim.outputs.commands.map((c) => c.state)).toEqual(['active', 'inactive']);
    const events = outputEvents(ts, output.id);
    expect(events.map((e) => [e.type, e.data?.by, e.cause?.ruleIds])).toEqual([
      ['outputActivated', `rule:${created.body.id}`, [created.body.id]], ['outputDeactivated', `rule:${created.body.id}`, [created.body.id]],
    ]);

    // A disabled output can no longer be named in a rule.
    expect((await ts.request('PATCH', `/api/devices/${output.id}`, { enabled: false })).status).toBe(200);
    const disabled = await ts.request<ErrorReply & { field: string }>('POST', '/api/rules', rule({ name: 'Another' }));
    expect(disabled).toMatchObject({ status: 400, body: { field: 'actions[0].outputId', message: expect.stringMatching(/disabled/) } });
  });
});

describe('configuration backup', () => {
  it('carries the devices: a restore brings back their names, groups, settings and ids', async () => {
    const ts = await TestSite.open();
    const sim = await simulator();
    const added = await addOnvif(ts, sim.port);
    const output = byKey(added.devices, 'RO_1');
    expect((await ts.request('PATCH', `/api/devices/${output.id}`, { name: 'Barrier', group: 'Yard', settings: { pulseSeconds: 3 } })).status).toBe(200);
    const exported = await ts.request<{ devices: DeviceBody[] }>('POST', '/api/configuration/export', { password: 'backup-password' });
    expect(exported.status).toBe(200);
    expect(exported.body.devices).toHaveLength(added.devices.length);

    expect((await ts.request('PATCH', `/api/devices/${output.id}`, { name: 'Changed', enabled: false, settings: {} })).status).toBe(200);
    const restored = await ts.request<{ devices: object }>('POST', '/api/configuration/import', { password: 'backup-password', document: exported.body });
    expect(restored.status, JSON.stringify(restored.body)).toBe(200);
    expect(restored.body.devices).toEqual({ added: 0, changed: added.devices.length, removed: 0 });
    expect((await devices(ts)).find((d) => d.id === output.id)).toMatchObject({ name: 'Barrier', group: 'Yard', enabled: true, settings: { pulseSeconds: 3 } });

  });
});
