// ONVIF device events end to end: the site subscribes to the simulated device's pull point,
// its inputs drive rules and alarms and reach the live event stream, and the subscription
// survives the device dropping it or restarting, and ends when the hardware is removed.
import { describe, expect, it } from 'vitest';
import type { AlarmListBody } from '../../src/api/common/alarmSchemas';
import type { SystemLogEntryBody } from '../../src/api/common/eventSchemas';
import type { CameraBody } from '../../src/api/common/schemas';
import type { Device } from '../../src/management/common/device';
import { OPERATORS_ROLE_ID } from '../../src/management/common/permissions';
import { startOnvifSimulator } from '../harness/onvif/onvifSimulator';
import type { OnvifSimulator, OnvifSimulatorOptions } from '../harness/onvif/onvifSimulator';
import { EventStreamTestClient } from './eventStreamClient';
import { TestSite, cleanup, testCamera, until } from './siteFixture';

const credentials = { username: 'onvif', password: 'onvif-pw' };

async function simulator(opts: OnvifSimulatorOptions): Promise<OnvifSimulator> {
  const sim = await startOnvifSimulator({ ...credentials, digitalInputs: [{ token: 'DI_0' }, { token: 'DI_1' }], relayOutputs: [{ token: 'R1' }], ...opts });
  // Stopped once, by the test (a device restarting) or after it.
  const stop = sim.stop.bind(sim);
  let stopped: Promise<void> | undefined;
  sim.stop = () => (stopped ??= stop());
  cleanup(() => sim.stop());
  return sim;
}

async function addOnvifHardware(ts: TestSite, sim: OnvifSimulator): Promise<{ hardwareId: string; camera: CameraBody; inputs: Device[] }> {
  const res = await ts.request<{ hardware: { id: string }; cameras: CameraBody[] }>('POST', '/api/hardware', { driver: 'onvif', address: `127.0.0.1:${sim.port}`, ...credentials, name: 'Gate' });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const hardwareId = res.body.hardware.id;
  const inputs = ts.site.config.devices.listDevices({ hardwareId, kind: 'input' });
  expect(inputs.map((d) => d.deviceKey)).toEqual(['DI_0', 'DI_1']);
  // The site subscribes on its own once the hardware is added.
  await until(() => sim.events.live().length === 1, () => `a subscription, operations: ${sim.events.operations.join(', ')}`);
  return { hardwareId, camera: res.body.cameras[0]!, inputs };
}

const systemLog = async (ts: TestSite) =>
  (await ts.request<SystemLogEntryBody[]>('GET', '/api/system-log?source=devices&limit=500')).body.map((e) => `${e.level}: ${e.message}`).reverse();

describe('ONVIF events', () => {
  it('turn an input into a recording, an alarm and a live stream event, for those who may see them', async () => {
    const ts = await TestSite.open();
    const base = await ts.site.listen(0);
    const cam = await testCamera();
    const sim = await simulator({ profiles: [{ token: 'main', name: 'Main', encoding: 'H264', width: 320, height: 180, fps: 25, rtspUrl: cam.url }] });
    const { camera, inputs } = await addOnvifHardware(ts, sim);
    const [door, spare] = inputs as [Device, Device];
    await ts.waitForEvent('recordingStarted', { cameraId: camera.id });
    // Mode "event": nothing records this camera unless asked; the rule asks.
    let mark = ts.eventMark();
    await ts.patchCamera(camera.id, { policy: { mode: 'event', preBufferSeconds: 1, postBufferSeconds: 0 } });
    await ts.waitForEvent('recordingStopped', { cameraId: camera.id, after: mark });

    const rule = await ts.request('POST', '/api/rules', {
      kind: 'event', name: 'Record the door', trigger: { type: 'inputActivated', sourceIds: [door.id] },
      actions: [{ type: 'startRecording', cameras: { kind: 'cameras', cameraIds: [camera.id] }, preSeconds: 1 }],
      stop: { kind: 'endEvent' }, stopActions: [{ type: 'stopRecording', cameras: { kind: 'cameras', cameraIds: [camera.id] }, postSeconds: 0 }],
    });
    expect(rule.status, JSON.stringify(rule.body)).toBe(201);
    const definition = await ts.request<{ id: string }>('POST', '/api/alarm-definitions', {
      name: 'Door opened', trigger: { type: 'inputActivated', sourceIds: [door.id] }, close: { type: 'inputDeactivated', sameSource: true },
      priority: 2, category: 'Access', relatedCameraIds: [camera.id], instructions: 'Look at the gate', roleIds: [OPERATORS_ROLE_ID],
    });
    expect(definition.status, JSON.stringify(definition.body)).toBe(201);
    expect((await ts.request('PATCH', `/api/devices/${spare.id}`, { enabled: false })).status).toBe(200);

    // Who sees the input's events: a user with a right on the unit's camera, not one who may only manage users.
    const role = await ts.request<{ id: string }>('POST', '/api/roles', { name: 'Gate watch', grants: [{ cameraId: camera.id, rights: ['live'] }] });
    const other = await ts.request<{ id: string }>('POST', '/api/roles', { name: 'User desk', manageUsers: true });
    for (const [name, roleId] of [['watcher', role.body.id], ['outsider', other.body.id]] as const) {
      expect((await ts.request('POST', '/api/users', { username: name, password: `${name}-password`, roleIds: [roleId] })).status).toBe(201);
    }
    const login = async (name: string) => (await ts.request<{ token: string }>('POST', '/api/login', { username: name, password: `${name}-password` }, null)).body.token;
    const filter = { types: ['inputActivated', 'inputDeactivated', 'deviceEvent'] as const };
    const stream = await EventStreamTestClient.signedIn(base, ts.token, { filter: { types: [...filter.types] } });
    const watcher = await EventStreamTestClient.signedIn(base, await login('watcher'), { filter: { types: [...filter.types] } });
    const outsider = await EventStreamTestClient.signedIn(base, await login('outsider'), { filter: { types: [...filter.types] } });

    mark = ts.eventMark();
    sim.setInput('DI_1', true);
    sim.setInput('DI_0', true);
    await ts.waitForEvent('recordingStarted', { cameraId: camera.id, after: mark });
    await stream.next((m) => m.type === 'event' && m.event.type === 'inputActivated', 'inputActivated');
    const alarms = (await ts.request<AlarmListBody>('GET', '/api/alarms')).body;
    expect(alarms.alarms).toHaveLength(1);
    expect(alarms.alarms[0]).toMatchObject({ state: 'new', source: { kind: 'input', id: door.id }, event: { type: 'inputActivated' } });

    sim.setInput('DI_0', false);
    await ts.waitForEvent('recordingStopped', { cameraId: camera.id, after: mark });
    await stream.next((m) => m.type === 'event' && m.event.type === 'inputDeactivated', 'inputDeactivated');
    await until(async () => (await ts.request<AlarmListBody>('GET', '/api/alarms')).body.alarms[0]?.state === 'closed', () => 'the alarm closed by the deactivation');

    // Motion of the camera's video source, as the device's cell motion detector reports it.
    sim.raiseEvent('tns1:RuleEngine/CellMotionDetector/Motion', { VideoSourceConfigurationToken: 'vsc_VideoSource_1', Rule: 'MyMotionDetectorRule' }, { IsMotion: 'true' }, 'Changed');
    await stream.next((m) => m.type === 'event' && m.event.type === 'deviceEvent', 'deviceEvent');
    for (const c of [stream, watcher, outsider]) await c.settle();
    const seen = (c: EventStreamTestClient) => c.events.map((e) => `${e.type} ${e.source.kind}:${e.source.id}`);
    const expected = [`inputActivated input:${door.id}`, `inputDeactivated input:${door.id}`, `deviceEvent hardware:${camera.hardwareId}`];
    expect(seen(stream), 'the disabled input raised nothing').toEqual(expected);
    expect(seen(watcher)).toEqual(expected);
    expect(seen(outsider)).toEqual([]);
    expect(stream.events.at(-1)).toMatchObject({
      message: 'Gate: tns1:RuleEngine/CellMotionDetector/Motion (IsMotion=true)',
      data: { topic: 'tns1:RuleEngine/CellMotionDetector/Motion', cameraId: camera.id, IsMotion: 'true', Rule: 'MyMotionDetectorRule' },
    });
  }, 60_000);

  it('subscribes again after the device drops its subscriptions or restarts, and unsubscribes when the hardware goes', async () => {
    const ts = await TestSite.open();
    let sim = await simulator({ profiles: [{ token: 'main', name: 'Main', encoding: 'H264', width: 320, height: 180, fps: 25, rtspUrl: 'rtsp://127.0.0.1:9/none' }] });
    const { hardwareId, camera, inputs } = await addOnvifHardware(ts, sim);
    // The camera is switched off: its inputs alone keep the unit subscribed.
    await ts.patchCamera(camera.id, { enabled: false });
    const door = inputs[0]!;
    const bus = ts.site.eventsAndRules.events;
    const inputEvents = () => bus.list({ limit: 1000 }).filter((e) => e.source.id === door.id).map((e) => e.type);

    sim.dropSubscriptions();
    await until(() => sim.events.live().length === 1, () => sim.events.operations.join(', '));
    sim.setInput('DI_0', true);
    await until(() => inputEvents().length === 1, () => `the activation through the new subscription: ${inputEvents().join(', ')}`);

    // A restart on the same port: the input is idle again, which the new subscription's
    // Initialized value tells, and the site raises the deactivation it missed.
    const port = sim.port;
    await sim.stop();
    let log: string[] = [];
    await until(async () => (log = await systemLog(ts)).some((l) => l.startsWith('warning: ONVIF events of Gate')), () => log.join('\n'));
    sim = await simulator({ port, profiles: [{ token: 'main', name: 'Main', encoding: 'H264', width: 320, height: 180, fps: 25, rtspUrl: 'rtsp://127.0.0.1:9/none' }] });
    await until(() => sim.events.live().length === 1, () => sim.events.operations.join(', '), 20_000);
    await until(() => inputEvents().length === 2, () => inputEvents().join(', '));
    expect(inputEvents()).toEqual(['inputActivated', 'inputDeactivated']);
    sim.setInput('DI_0', true);
    await until(() => inputEvents().length === 3, () => inputEvents().join(', '));

    // Each outage is logged once when it starts and once when it ends, however many retries it took.
    log = await systemLog(ts);
    expect(log.filter((l) => l.startsWith('warning: ONVIF events of Gate'))).toHaveLength(2);
    expect(log.filter((l) => l.startsWith('information: ONVIF events of Gate') && l.endsWith('are received again'))).toHaveLength(2);

    // The site switches the relay: its own event, and not a second one when the device's
    // notification of the same switch arrives. Someone else switching it back is raised.
    const siren = ts.site.config.devices.listDevices({ hardwareId, kind: 'output' })[0]!;
    const outputEvents = () => bus.list({ limit: 1000 }).filter((e) => e.source.id === siren.id).map((e) => e.type);
    expect((await ts.request('POST', `/api/devices/${siren.id}/state`, { state: 'on' })).status).toBe(200);
    expect(sim.outputs.states.R1).toBe('active');
    sim.raiseEvent('tns1:Device/Trigger/Relay', { RelayToken: 'R1' }, { LogicalState: 'inactive' }, 'Changed');
    await until(() => outputEvents().includes('outputDeactivated'), () => outputEvents().join(', '));
    expect(outputEvents()).toEqual(['outputActivated', 'outputDeactivated']);

    expect((await ts.request('DELETE', `/api/hardware/${hardwareId}`)).status).toBe(200);
    await until(() => sim.events.live().length === 0, () => sim.events.operations.join(', '));
    expect(sim.events.operations.at(-1)).toBe('Unsubscribe 1');
    expect(ts.site.onvifEvents.watchedHardwareIds()).toEqual([]);
  }, 60_000);
});
