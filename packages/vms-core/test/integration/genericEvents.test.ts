import { createSocket } from 'node:dgram';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { GenericEventSourceBody, RuleLogEntryBody, SystemLogEntryBody } from '../../src/api/common/eventSchemas';
import { TestSite, testCamera, until } from './siteFixture';

/** Sends text over a real TCP connection to 127.0.0.1 and closes it once written. */
async function sendTcp(port: number, data: string | Buffer): Promise<void> {
  const socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.end(data, () => resolve());
  });
  await new Promise((resolve) => socket.once('close', resolve));
}

/** Sends each message as one UDP datagram to 127.0.0.1. */
async function sendUdp(port: number, messages: (string | Buffer)[]): Promise<void> {
  const socket = createSocket('udp4');
  try {
    for (const m of messages) await new Promise<void>((resolve, reject) => socket.send(m, port, '127.0.0.1', (e) => (e ? reject(e) : resolve())));
  } finally {
    socket.close();
  }
}

async function createSource(ts: TestSite, body: object): Promise<GenericEventSourceBody> {
  const res = await ts.request<GenericEventSourceBody>('POST', '/api/generic-event-sources', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect(res.body).toMatchObject({ listening: true, boundPort: expect.any(Number) });
  return res.body;
}

async function create<T = { id: string }>(ts: TestSite, url: string, body: object): Promise<T> {
  const res = await ts.request<T>('POST', url, body);
  expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(201);
  return res.body;
}

const systemLog = async (ts: TestSite) => (await ts.request<SystemLogEntryBody[]>('GET', '/api/system-log?source=genericEvents&limit=1000')).body;

describe('generic events', () => {
  it('start recording on a camera through a rule, from a TCP and from a UDP message', async () => {
    const ts = await TestSite.open();
    const cam = await testCamera();
    const camera = await ts.addRtspCamera(cam.url);
    await ts.waitForEvent('recordingStarted', { cameraId: camera.id });
    let mark = ts.eventMark();
    // Mode "event": nothing records this camera unless asked; the rule asks.
    await ts.patchCamera(camera.id, { policy: { mode: 'event', preBufferSeconds: 1, postBufferSeconds: 0 } });
    await ts.waitForEvent('recordingStopped', { cameraId: camera.id, after: mark });

    const tcp = await createSource(ts, { name: 'Gate controller', protocol: 'tcp', port: 0 });
    const udp = await createSource(ts, { name: 'Door panel', protocol: 'udp', port: 0, allowedAddresses: ['127.0.0.0/8'] });
    const gate = await create(ts, '/api/generic-events', { name: 'Gate open', expressionType: 'search', expression: 'gate AND "is open"', sourceIds: [tcp.id] });
    const door = await create(ts, '/api/generic-events', { name: 'Door forced', expressionType: 'regex', expression: '^door \\d+ forced$', sourceIds: [udp.id] });
    const rule = (name: string, definitionId: string) => create(ts, '/api/rules', {
      kind: 'event', name, trigger: { type: 'generic', definitionId },
      actions: [{ type: 'startRecording', cameras: { kind: 'cameras', cameraIds: [camera.id] }, preSeconds: 1 }],
      stop: { kind: 'after', seconds: 2 }, stopActions: [{ type: 'stopRecording', cameras: { kind: 'cameras', cameraIds: [camera.id] }, postSeconds: 0 }],
    });
    const gateRule = await rule('Record the gate', gate.id);
    const doorRule = await rule('Record the door', door.id);
    await ts.waitForFrames(camera.id, 10);
    expect((await ts.status(camera.id)).recording).toBe(false);

    mark = ts.eventMark();
    await sendTcp(tcp.boundPort!, 'gate closed\r\nthe GATE is open now\r\n');
    await ts.waitForEvent('recordingStarted', { cameraId: camera.id, after: mark });
    await ts.waitForEvent('recordingStopped', { cameraId: camera.id, after: mark });
    const gateLog = (await ts.request<RuleLogEntryBody[]>('GET', `/api/rule-log?ruleId=${gateRule.id}`)).body;
    expect(gateLog.map((e) => `${e.action} ${e.outcome}`).reverse()).toEqual(['start ok', 'startRecording ok', 'stop ok', 'stopRecording ok']);
    expect(gateLog.at(-1)).toMatchObject({ eventType: `generic:${gate.id}` });

    mark = ts.eventMark();
    await sendUdp(udp.boundPort!, ['door 7 opened', 'door 7 forced']);
    await ts.waitForEvent('recordingStarted', { cameraId: camera.id, after: mark });
    await ts.waitForEvent('recordingStopped', { cameraId: camera.id, after: mark });
    const doorStarts = (await ts.request<RuleLogEntryBody[]>('GET', `/api/rule-log?ruleId=${doorRule.id}`)).body.filter((e) => e.action === 'start');
    expect(doorStarts).toHaveLength(1);
    await ts.waitForSealed();
    // The first recording (mode "always" at the start), then one run per rule firing.
    expect(new Set(ts.site.media.allRecordings().map((r) => r.runId)).size).toBe(3);
  }, 60_000);

  it('drops malformed, oversized, unallowed and flooding messages with a system log entry, and keeps serving', async () => {
    const ts = await TestSite.open();
    const tcp = await createSource(ts, { name: 'Strict', protocol: 'tcp', port: 0, maxMessageBytes: 64 });
    const flood = await createSource(ts, { name: 'Flooded', protocol: 'udp', port: 0, maxMessagesPerSecond: 5 });
    const fenced = await createSource(ts, { name: 'Fenced', protocol: 'udp', port: 0, allowedAddresses: ['10.0.0.0/8'] });
    const alarm = await create(ts, '/api/generic-events', { name: 'Alarm', expressionType: 'search', expression: 'alarm' });
    await create(ts, '/api/rules', { kind: 'event', name: 'Log alarms', trigger: { type: 'generic', definitionId: alarm.id }, actions: [{ type: 'writeRuleLog', message: 'alarm' }] });
    const raised = () => ts.site.eventsAndRules.events.list({ definitionId: alarm.id, limit: 10_000 }).length;

    await sendTcp(tcp.boundPort!, Buffer.concat([Buffer.from([0x61, 0x6c, 0x61, 0x72, 0x6d, 0xff, 0xfe]), Buffer.from('\n')]));
    await sendTcp(tcp.boundPort!, `${'alarm '.repeat(40)}\nalarm after the long one\n`);
    await until(async () => (await systemLog(ts)).length >= 1, () => 'a system log entry for the bad TCP messages');
    await until(() => raised() === 1, () => `one alarm from the TCP source, got ${raised()}`);
    const tcpProblems = (await systemLog(ts)).map((e) => e.message).join('\n');
    expect(tcpProblems).toMatch(/Strict, from 127\.0\.0\.1: message is not valid utf-8; dropped/);

    await sendUdp(fenced.boundPort!, ['alarm from outside the fence']);
    await until(async () => (await systemLog(ts)).some((e) => /Fenced.*not allowed/.test(e.message)), () => 'the unallowed sender logged');

    const burstStart = Date.now();
    await sendUdp(flood.boundPort!, Array.from({ length: 40 }, (_, i) => `alarm ${i}`));
    const windows = Math.ceil((Date.now() - burstStart) / 1000) + 1;
    await until(async () => (await systemLog(ts)).some((e) => /Flooded.*flood: more than 5 messages per second/.test(e.message)), () => 'the flood logged');
    await until(() => raised() >= 6, () => 'the first messages of the burst raised');
    // At most the limit got through in each second the burst touched; the rest was dropped.
    expect(raised() - 1).toBeLessThanOrEqual(Math.min(5 * windows, 39));

    // Still serving: an update re-opens the listener (on a new port) and a good message gets through.
    const updated = await ts.request<GenericEventSourceBody>('PATCH', `/api/generic-event-sources/${tcp.id}`, { maxMessageBytes: 1024 });
    expect(updated).toMatchObject({ status: 200, body: { listening: true, maxMessageBytes: 1024 } });
    const before = raised();
    await sendTcp(updated.body.boundPort!, `${'alarm '.repeat(40)}\n`);
    await until(() => raised() === before + 1, () => 'the long message accepted after the update');
  });

  it('refuses bad definitions, naming the field', async () => {
    const ts = await TestSite.open();
    const bad = [
      ['/api/generic-event-sources', { name: 'x', protocol: 'tcp', port: 0, separators: [] }, 'separators'],
      ['/api/generic-event-sources', { name: 'x', protocol: 'udp', port: 0, allowedAddresses: ['10.0.0.0/33'] }, 'allowedAddresses[0]'],
      ['/api/generic-event-sources', { name: 'x', protocol: 'udp', port: 0, bindAddress: 'everywhere' }, 'bindAddress'],
      ['/api/generic-events', { name: 'x', expressionType: 'search', expression: 'door AND' }, 'expression'],
      ['/api/generic-events', { name: 'x', expressionType: 'regex', expression: '(' }, 'expression'],
      ['/api/generic-events', { name: 'x', expressionType: 'search', expression: 'door', sourceIds: ['nope'] }, 'sourceIds[0]'],
      ['/api/rules', { kind: 'event', name: 'x', trigger: { type: 'motionStarted' }, actions: [{ type: 'setOutput', outputId: 'siren', state: 'on' }] }, 'actions[0].outputId'],
    ] as const;
    for (const [url, body, field] of bad) {
      const res = await ts.request<{ code: string; field?: string; message: string }>('POST', url, body);
      expect(res, `${url} ${JSON.stringify(body)}`).toMatchObject({ status: 400, body: { code: 'VMS_ERR_BAD_INPUT', field } });
    }
    const taken = await createSource(ts, { name: 'First', protocol: 'udp', port: 0 });
    const clash = await ts.request<{ code: string; field: string }>('POST', '/api/generic-event-sources', { name: 'Second', protocol: 'udp', port: taken.boundPort });
    // Port 0 sources may share "0"; a fixed port bound by the first listener fails to bind and says so.
    expect(clash.status).toBe(201);
    expect(clash.body).toMatchObject({ listening: false, error: expect.stringMatching(/EADDRINUSE/) });
  });
});
