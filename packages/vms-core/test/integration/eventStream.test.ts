import { describe, expect, it } from 'vitest';
import type { VmsEventInput } from '../../src/events/common/vmsEvent';
import { EVENT_STREAM_MAX_BUFFERED_BYTES } from '../../src/api/node/routes/eventStreamRoute';
import { openSecuritySite } from './securityFixture';
import { TestSite } from './siteFixture';
import { EventStreamTestClient } from './eventStreamClient';

const userDefined = (message: string): VmsEventInput => ({
  type: 'userDefined', definitionId: 'test', source: { kind: 'userDefinedEvent', id: 'test', name: 'Test' }, severity: 'information', message,
});

describe('live event stream', () => {
  it('needs an auth message with a valid token and a valid filter', async () => {
    const ts = await TestSite.open();
    const base = await ts.site.listen(0);
    const bad = await EventStreamTestClient.connect(base, { type: 'auth', accessToken: 'not-a-token' });
    const notAuth = await EventStreamTestClient.connect(base, { type: 'subscribe', filter: {} });
    const badFilter = await EventStreamTestClient.connect(base, { type: 'auth', accessToken: ts.token, filter: { types: ['motionStarted', 'earthquake'] } });
    const badAfter = await EventStreamTestClient.connect(base, { type: 'auth', accessToken: ts.token, afterId: -1 });
    expect((await bad.closed).code).toBe(4401);
    expect((await notAuth.closed).code).toBe(4401);
    expect(await badFilter.closed).toEqual({ code: 4400, reason: expect.stringMatching(/^filter\.types\[1\]: unknown event type "earthquake"/) });
    expect(await badAfter.closed).toMatchObject({ code: 4400, reason: expect.stringMatching(/^afterId/) });
    for (const c of [bad, notAuth, badFilter, badAfter]) expect(c.received).toEqual([]);

    const ok = await EventStreamTestClient.signedIn(base, ts.token);
    const raised = ts.site.eventsAndRules.events.raise(userDefined('tag: hello'));
    expect(ok.received[0]).toMatchObject({ type: 'hello', lastEventId: expect.any(Number), filter: {} });
    await ok.next((m) => m.type === 'event' && m.event.id === raised.id, 'the event');
    expect(ok.events.find((e) => e.id === raised.id)).toEqual({
      id: raised.id, type: 'userDefined', at: new Date(raised.at).toISOString(), definitionId: 'test',
      source: { kind: 'userDefinedEvent', id: 'test', name: 'Test' }, severity: 'information', message: 'tag: hello',
    });
    // A subscribe with a bad filter is answered, and the old filter stays.
    ok.socket.send(JSON.stringify({ type: 'subscribe', filter: { sourceIds: [] } }));
    await ok.next((m) => m.type === 'error', 'error');
    expect(ok.received.find((m) => m.type === 'error')).toMatchObject({ code: 'VMS_ERR_BAD_INPUT', field: 'filter.sourceIds' });
    // Without an upgrade the route is not there.
    expect((await ts.request('GET', '/api/events/stream', undefined, null)).status).toBe(404);
  }, 30_000);

  it('sends each user only the events they may see', async () => {
    const s = await openSecuritySite();
    const base = await s.ts.site.listen(0);
    const clients = {
      admin: await EventStreamTestClient.signedIn(base, s.tokens.admin),
      allOnA: await EventStreamTestClient.signedIn(base, s.tokens.allOnA),
      liveOnA: await EventStreamTestClient.signedIn(base, s.tokens.liveOnA),
      configurer: await EventStreamTestClient.signedIn(base, s.tokens.configurer),
      nobody: await EventStreamTestClient.signedIn(base, s.tokens.nobody),
    };
    const log = s.ts.site.events;
    log.raise({ type: 'connectionLost', cameraId: s.cameraA, severity: 'warning', message: 'tag: A lost' });
    log.raise({ type: 'connectionLost', cameraId: s.cameraB, severity: 'warning', message: 'tag: B lost' });
    log.raise({ type: 'storageFull', storageId: 'live', severity: 'error', message: 'tag: storage full' });
    const panic = await s.as('admin', 'POST', '/api/user-defined-events', { name: 'Panic' });
    expect((await s.as('allOnA', 'POST', `/api/user-defined-events/${(panic.body as { id: string }).id}/trigger`)).status).toBe(200);
    const events = s.ts.site.eventsAndRules.events;
    events.raise({ type: 'generic', definitionId: 'g', source: { kind: 'genericEvent', id: 'g', name: 'Door' }, severity: 'information', message: 'tag: generic', data: { message: 'door 4 open' } });
    events.raise({ ...userDefined('tag: caused'), cause: { ruleIds: ['rule-1'] } });
    // The unit of camera A reports something of camera B's video source: B's, not A's viewers'.
    const unitOfA = { kind: 'hardware' as const, id: s.ts.site.config.getCamera(s.cameraA).hardwareId, name: 'Unit A' };
    events.raise({ type: 'deviceEvent', source: unitOfA, severity: 'information', message: 'tag: unit motion of B', data: { topic: 'tns1:VideoSource/MotionAlarm', cameraId: s.cameraB } });
    events.raise({ type: 'deviceEvent', source: unitOfA, severity: 'warning', message: 'tag: unit fan', data: { topic: 'tns1:Device/HardwareFailure/FanFailure' } });

    for (const c of Object.values(clients)) await c.settle();
    const seen = Object.fromEntries(Object.entries(clients).map(([who, c]) => [who, [...c.tagged('tag:'), ...c.tagged('Panic')].sort()]));
    expect(seen).toEqual({
      admin: ['Panic (triggered by allOnA)', 'tag: A lost', 'tag: B lost', 'tag: caused', 'tag: generic', 'tag: storage full', 'tag: unit fan', 'tag: unit motion of B'],
      allOnA: ['Panic (triggered by allOnA)', 'tag: A lost', 'tag: caused', 'tag: unit fan'],
      liveOnA: ['Panic (triggered by allOnA)', 'tag: A lost', 'tag: caused', 'tag: unit fan'],
      configurer: ['Panic (triggered by allOnA)', 'tag: caused', 'tag: generic', 'tag: storage full', 'tag: unit fan', 'tag: unit motion of B'],
      nobody: [],
    });
    // Which rules caused an event is configuration: not for operators.
    expect(clients.admin.events.find((e) => e.message === 'tag: caused')?.cause).toEqual({ ruleIds: ['rule-1'] });
    expect(clients.allOnA.events.find((e) => e.message === 'tag: caused')?.cause).toBeUndefined();

    // Rights taken away apply at once.
    expect((await s.as('admin', 'PATCH', `/api/roles/${s.roleIds.allOnA}`, { grants: [] })).status).toBe(200);
    log.raise({ type: 'connectionLost', cameraId: s.cameraA, severity: 'warning', message: 'tag: A lost again' });
    await clients.allOnA.settle();
    await clients.liveOnA.settle();
    expect(clients.allOnA.tagged('tag: A lost again')).toEqual([]);
    expect(clients.liveOnA.tagged('tag: A lost again')).toEqual(['tag: A lost again']);
  }, 60_000);

  it('filters by type and source, changes the filter on subscribe, and replays after an id', async () => {
    const s = await openSecuritySite();
    const base = await s.ts.site.listen(0);
    const log = s.ts.site.events;
    const first = s.ts.site.eventsAndRules.events.raise(userDefined('tag: before connecting'));
    const c = await EventStreamTestClient.signedIn(base, s.tokens.admin, { filter: { types: ['connectionLost', 'storageFull'], sourceIds: [s.cameraA, 'live'] } });
    log.raise({ type: 'connectionLost', cameraId: s.cameraA, severity: 'warning', message: 'tag: 1 A lost' });
    log.raise({ type: 'connectionLost', cameraId: s.cameraB, severity: 'warning', message: 'tag: 2 B lost' });
    log.raise({ type: 'connectionRestored', cameraId: s.cameraA, severity: 'info', message: 'tag: 3 A back' });
    log.raise({ type: 'storageFull', storageId: 'live', severity: 'error', message: 'tag: 4 storage full' });
    await c.settle();
    expect(c.tagged('tag:')).toEqual(['tag: 1 A lost', 'tag: 4 storage full']);

    await c.subscribe({ sourceIds: [s.cameraB] });
    log.raise({ type: 'connectionLost', cameraId: s.cameraA, severity: 'warning', message: 'tag: 5 A lost' });
    log.raise({ type: 'connectionRestored', cameraId: s.cameraB, severity: 'info', message: 'tag: 6 B back' });
    await c.settle();
    expect(c.tagged('tag:')).toEqual(['tag: 1 A lost', 'tag: 4 storage full', 'tag: 6 B back']);

    // A reconnecting client resumes after the last id it saw, with its filter.
    const replay = await EventStreamTestClient.signedIn(base, s.tokens.liveOnA, { afterId: first.id - 1, filter: { types: ['connectionLost', 'connectionRestored', 'userDefined'] } });
    await replay.settle();
    expect(replay.tagged('tag:')).toEqual(['tag: before connecting', 'tag: 1 A lost', 'tag: 3 A back', 'tag: 5 A lost']);
  }, 60_000);

  it('closes a reader that stops reading with 1013, and keeps serving the others', async () => {
    const ts = await TestSite.open();
    const base = await ts.site.listen(0);
    const slow = await EventStreamTestClient.signedIn(base, ts.token, { filter: { types: ['userDefined'] } });
    const fast = await EventStreamTestClient.signedIn(base, ts.token, { filter: { types: ['userDefined'] } });
    slow.socket.pause();
    const body = 'x'.repeat(4000);
    // Far more than the limit plus what the kernel's socket buffers take in before writes queue up.
    const total = Math.ceil((EVENT_STREAM_MAX_BUFFERED_BYTES + 24 * 2 ** 20) / body.length);
    for (let i = 0; i < total; i += 50) {
      for (let j = i; j < Math.min(total, i + 50); j++) ts.site.eventsAndRules.events.raise(userDefined(`flood ${j} ${body}`));
      await new Promise((r) => setTimeout(r, 0));
    }
    await fast.settle();
    expect(fast.tagged('flood').length).toBe(total);
    slow.socket.resume();
    expect(await slow.closed).toMatchObject({ code: 1013, reason: expect.stringMatching(/afterId/) });
    const got = slow.tagged('flood').length;
    expect(got).toBeLessThan(total);
    // What it did get is in order and without holes: it resumes from the last id.
    expect(slow.tagged('flood').map((m) => Number(m.split(' ')[1]))).toEqual(Array.from({ length: got }, (_, i) => i));
  }, 120_000);
});
