import { afterEach, describe, expect, it } from 'vitest';
import type { RulesFixture } from './rulesFixture';
import { openRulesFixture } from './rulesFixture';

const fixtures: RulesFixture[] = [];
afterEach(async () => {
  for (const f of fixtures.splice(0)) await f.dispose();
});

async function fixture(start?: number): Promise<RulesFixture> {
  const f = await openRulesFixture(start);
  fixtures.push(f);
  return f;
}

const SECOND = 1000;
const HOUR = 3600_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** The rule log of one rule, oldest first, as "action outcome". */
const logOf = (f: RulesFixture, ruleId: string) => f.er.ruleLog.list({ ruleId, limit: 1000 }).reverse().map((e) => `${e.action} ${e.outcome}`);

describe('event rules', () => {
  it('records the camera that saw motion, from its sources only, until the end event plus post time', async () => {
    const f = await fixture();
    const ruleId = f.rule({
      kind: 'event', trigger: { type: 'motionStarted', sourceIds: [f.cameraA] },
      actions: [{ type: 'startRecording', cameras: { kind: 'eventSource' }, preSeconds: 2 }],
      stop: { kind: 'endEvent' }, stopActions: [{ type: 'stopRecording', cameras: { kind: 'eventSource' }, postSeconds: 5 }],
    });
    // Through the recording server's event log, as on a site.
    f.eventLog.raise({ type: 'motionStarted', cameraId: f.cameraB, severity: 'info', message: 'B: motion' });
    expect(f.recorder.recording(f.cameraB)).toBe(false);
    f.eventLog.raise({ type: 'motionStarted', cameraId: f.cameraA, severity: 'info', message: 'A: motion' });
    expect(f.recorder.recording(f.cameraA)).toBe(true);
    expect(f.recorder.holds.get(f.cameraA)!.preSeconds(f.clock.now())).toBe(2);
    f.clock.advance(30 * SECOND);
    // The end event from another camera does not stop A.
    f.eventLog.raise({ type: 'motionStopped', cameraId: f.cameraB, severity: 'info', message: 'B: no motion' });
    expect(f.recorder.recording(f.cameraA)).toBe(true);
    f.eventLog.raise({ type: 'motionStopped', cameraId: f.cameraA, severity: 'info', message: 'A: no motion' });
    f.clock.advance(4.9 * SECOND);
    expect(f.recorder.recording(f.cameraA)).toBe(true);
    f.clock.advance(0.2 * SECOND);
    expect(f.recorder.recording(f.cameraA)).toBe(false);
    expect(logOf(f, ruleId)).toEqual(['start ok', 'startRecording ok', 'stop ok', 'stopRecording ok']);
    expect(f.er.ruleLog.list({ ruleId }).find((e) => e.action === 'stop')).toMatchObject({ eventType: 'motionStopped', sourceId: f.cameraA });
  });

  it('fires only within its time profile', async () => {
    const f = await fixture(Date.parse('2026-01-05T07:30:00Z')); // Monday 07:30 UTC
    const profile = f.config.timeProfiles.create({ name: 'Day', windows: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '18:00' }] }, f.clock.now());
    const door = f.er.userDefinedEvents.create({ name: 'Door' }, f.clock.now());
    const ruleId = f.rule({
      kind: 'event', trigger: { type: 'userDefined', definitionId: door.id }, timeProfileId: profile.id,
      actions: [{ type: 'writeRuleLog', message: 'door opened in office hours' }],
    });
    f.er.triggerUserDefinedEvent(door.id, { username: 'olivia' });
    f.clock.advance(HOUR);
    f.er.triggerUserDefinedEvent(door.id, { username: 'olivia' });
    expect(logOf(f, ruleId)).toEqual(['start ok', 'writeRuleLog ok']);
    expect(f.er.ruleLog.list({ ruleId })[0]!.message).toBe('door opened in office hours');
  });

  it('runs stop actions a while after a defined event, and fires again on a repeat without a second stop', async () => {
    const f = await fixture();
    const alarm = f.er.userDefinedEvents.create({ name: 'Panic button' }, f.clock.now());
    const ruleId = f.rule({
      kind: 'event', trigger: { type: 'userDefined', definitionId: alarm.id },
      actions: [
        { type: 'startRecording', cameras: { kind: 'cameras', cameraIds: [f.cameraA, f.cameraB] }, preSeconds: 0 },
        { type: 'createBookmark', cameras: { kind: 'cameras', cameraIds: [f.cameraA] }, header: 'Panic', description: 'pressed', preSeconds: 10, postSeconds: 60 },
      ],
      stop: { kind: 'after', seconds: 60 },
      stopActions: [{ type: 'stopRecording', cameras: { kind: 'cameras', cameraIds: [f.cameraA, f.cameraB] }, postSeconds: 0 }],
    });
    f.er.triggerUserDefinedEvent(alarm.id, { username: 'olivia' });
    f.clock.advance(40 * SECOND);
    f.er.triggerUserDefinedEvent(alarm.id, { username: 'olivia' }); // the stop is 60 s after this one now
    f.clock.advance(59 * SECOND);
    expect([f.recorder.recording(f.cameraA), f.recorder.recording(f.cameraB)]).toEqual([true, true]);
    f.clock.advance(2 * SECOND);
    expect([f.recorder.recording(f.cameraA), f.recorder.recording(f.cameraB)]).toEqual([false, false]);
    const bookmarks = f.config.bookmarks.search({});
    expect(bookmarks).toHaveLength(2);
    expect(bookmarks[0]).toMatchObject({ header: 'Panic', cameraIds: [f.cameraA], createdBy: expect.stringContaining('rule') });
    expect(logOf(f, ruleId)).toEqual([
      'start ok', 'startRecording ok', 'createBookmark ok', 'start ok', 'startRecording ok', 'createBookmark ok', 'stop ok', 'stopRecording ok',
    ]);
  });

  it('logs a failed action with its reason and still performs the others', async () => {
    const f = await fixture();
    f.recorder.refusing.add(f.cameraB);
    const ruleId = f.rule({
      kind: 'event', trigger: { type: 'connectionLost' },
      actions: [{ type: 'startRecording', cameras: { kind: 'cameras', cameraIds: [f.cameraA, f.cameraB] }, preSeconds: 0 }],
      stop: { kind: 'endEvent' }, stopActions: [{ type: 'stopRecording', cameras: { kind: 'cameras', cameraIds: [f.cameraA] }, postSeconds: 0 }],
    });
    f.eventLog.raise({ type: 'connectionLost', cameraId: f.cameraB, severity: 'error', message: 'B lost' });
    expect(f.recorder.recording(f.cameraA)).toBe(true);
    const failed = f.er.ruleLog.list({ ruleId, outcome: 'failed' });
    expect(failed).toHaveLength(1);
    expect(failed[0]!.message).toMatch(/1 of 2 camera\(s\); B: recording mode "never"/);
  });

  it('stops what an active rule started when it is disabled, changed or deleted', async () => {
    const f = await fixture();
    const ruleId = f.rule({
      kind: 'event', trigger: { type: 'motionStarted' },
      actions: [{ type: 'startRecording', cameras: { kind: 'eventSource' }, preSeconds: 0 }],
      stop: { kind: 'endEvent' }, stopActions: [{ type: 'stopRecording', cameras: { kind: 'eventSource' }, postSeconds: 0 }],
    });
    f.eventLog.raise({ type: 'motionStarted', cameraId: f.cameraA, severity: 'info', message: 'A: motion' });
    // The site's default "Start feed always" is active too: it holds every camera's feed.
    const active = () => f.er.engine.activeRules().filter((r) => !r.ruleId.startsWith('builtin-'));
    expect(active()).toEqual([{ ruleId, keys: [expect.stringContaining(f.cameraA)] }]);
    f.er.rules.update(ruleId, { enabled: false }, f.clock.now());
    f.clock.advance(1);
    expect(f.recorder.recording(f.cameraA)).toBe(false);
    expect(active()).toEqual([]);
    expect(f.er.ruleLog.list({ ruleId })[1]!.message).toBe('the rule was disabled or deleted');
  });
});

describe('time rules', () => {
  it('record within their time profile through two weeks of simulated time, and stop at each end', async () => {
    const f = await fixture(Date.parse('2026-01-04T00:00:00Z')); // Sunday
    const profile = f.config.timeProfiles.create({
      name: 'Night shift', timeZone: 'Europe/Berlin', windows: [{ days: [1, 2, 3, 4, 5], from: '22:00', to: '06:00' }],
      exceptions: [{ from: '2026-01-07', intervals: [] }],
    }, f.clock.now());
    const ruleId = f.rule({
      kind: 'time', timeProfileId: profile.id,
      actions: [{ type: 'startRecording', cameras: { kind: 'allCameras' }, preSeconds: 0 }],
      stopActions: [{ type: 'stopRecording', cameras: { kind: 'allCameras' }, postSeconds: 0 }],
    });
    const samples: string[] = [];
    for (let h = 0; h < 14 * 24; h++) {
      f.clock.advance(HOUR);
      if (f.recorder.recording(f.cameraA)) samples.push(iso(f.clock.now()).slice(0, 13));
    }
    // Nights from Mon, Tue, Thu, Fri of the first week and Mon-Fri of the second, 21:00-05:00 UTC. Wednesday the 7th
    // is off all day, which also cuts Tuesday's night at local midnight (23:00 UTC).
    const starts = f.er.ruleLog.list({ ruleId, limit: 1000 }).filter((e) => e.action === 'start').map((e) => iso(e.at)).reverse();
    expect(starts).toEqual([
      '2026-01-05T21:00:00.000Z', '2026-01-06T21:00:00.000Z', '2026-01-08T21:00:00.000Z', '2026-01-09T21:00:00.000Z',
      '2026-01-12T21:00:00.000Z', '2026-01-13T21:00:00.000Z', '2026-01-14T21:00:00.000Z', '2026-01-15T21:00:00.000Z', '2026-01-16T21:00:00.000Z',
    ]);
    const stops = f.er.ruleLog.list({ ruleId, limit: 1000 }).filter((e) => e.action === 'stop').map((e) => iso(e.at)).reverse();
    expect(stops.slice(0, 3)).toEqual(['2026-01-06T05:00:00.000Z', '2026-01-06T23:00:00.000Z', '2026-01-09T05:00:00.000Z']);
    expect(samples, JSON.stringify(samples)).toHaveLength(8 * 8 + 2);
    expect(samples.slice(0, 11)).toEqual([
      '2026-01-05T21', '2026-01-05T22', '2026-01-05T23', '2026-01-06T00', '2026-01-06T01', '2026-01-06T02', '2026-01-06T03', '2026-01-06T04',
      '2026-01-06T21', '2026-01-06T22', '2026-01-08T21',
    ]);
    expect(logOf(f, ruleId).filter((l) => l === 'stopRecording ok')).toHaveLength(9);
    expect(f.recorder.recording(f.cameraB)).toBe(false);
  });

  it('runs an always rule at once and stops it when deleted', async () => {
    const f = await fixture();
    const ruleId = f.rule({
      kind: 'time',
      actions: [{ type: 'startRecording', cameras: { kind: 'cameras', cameraIds: [f.cameraB] }, preSeconds: 0 }],
      stopActions: [{ type: 'stopRecording', cameras: { kind: 'cameras', cameraIds: [f.cameraB] }, postSeconds: 10 }],
    });
    f.clock.advance(30 * 24 * HOUR);
    expect(f.recorder.recording(f.cameraB)).toBe(true);
    f.er.rules.delete(ruleId);
    f.clock.advance(9 * SECOND);
    expect(f.recorder.recording(f.cameraB)).toBe(true);
    f.clock.advance(2 * SECOND);
    expect(f.recorder.recording(f.cameraB)).toBe(false);
  });
});

describe('loops', () => {
  it('stops a rule that triggers its own event, once, with a system log entry', async () => {
    const f = await fixture();
    const echo = f.er.userDefinedEvents.create({ name: 'Echo' }, f.clock.now());
    const ruleId = f.rule({ kind: 'event', trigger: { type: 'userDefined', definitionId: echo.id }, actions: [{ type: 'triggerUserDefinedEvent', userDefinedEventId: echo.id }] });
    f.er.triggerUserDefinedEvent(echo.id, { username: 'admin' });
    expect(logOf(f, ruleId)).toEqual(['start ok', 'triggerUserDefinedEvent ok', 'start skipped']);
    expect(f.er.events.list({ definitionId: echo.id })).toHaveLength(2);
    const errors = f.er.systemLog.list({ level: 'error' });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ source: 'rules', message: expect.stringMatching(/rule loop stopped: rule 1 → rule 1/) });
  });

  it('stops a loop through two rules and one through a delayed stop action', async () => {
    const f = await fixture();
    const [ping, pong] = ['Ping', 'Pong'].map((name) => f.er.userDefinedEvents.create({ name }, f.clock.now()).id) as [string, string];
    const a = f.rule({ kind: 'event', trigger: { type: 'userDefined', definitionId: ping }, actions: [{ type: 'triggerUserDefinedEvent', userDefinedEventId: pong }] });
    const b = f.rule({
      kind: 'event', trigger: { type: 'userDefined', definitionId: pong }, actions: [{ type: 'writeRuleLog', message: 'pong' }],
      stop: { kind: 'after', seconds: 5 }, stopActions: [{ type: 'triggerUserDefinedEvent', userDefinedEventId: ping }],
    });
    f.er.triggerUserDefinedEvent(ping, { username: 'admin' });
    f.clock.advance(HOUR);
    expect(logOf(f, a)).toEqual(['start ok', 'triggerUserDefinedEvent ok', 'start skipped']);
    expect(logOf(f, b)).toEqual(['start ok', 'writeRuleLog ok', 'stop ok', 'triggerUserDefinedEvent ok']);
    expect(f.er.systemLog.list({ level: 'error' })[0]!.message).toMatch(/rule 1 → rule 2 → rule 1/);
  });

  it('rests a rule that fires too often (a loop through an outside system), logging it once', async () => {
    const f = await fixture();
    const tick = f.er.userDefinedEvents.create({ name: 'Tick' }, f.clock.now());
    const ruleId = f.rule({ kind: 'event', trigger: { type: 'userDefined', definitionId: tick.id }, actions: [{ type: 'writeRuleLog', message: 'tick' }] });
    for (let i = 0; i < 300; i++) f.er.triggerUserDefinedEvent(tick.id, { username: 'flood' });
    const log = f.er.ruleLog.list({ ruleId, limit: 1000 });
    expect(log.filter((e) => e.action === 'writeRuleLog')).toHaveLength(200);
    expect(log.filter((e) => e.outcome === 'skipped')).toHaveLength(100);
    expect(f.er.systemLog.list({ level: 'warning', source: 'rules' })).toHaveLength(1);
    f.clock.advance(61 * SECOND);
    f.er.triggerUserDefinedEvent(tick.id, { username: 'flood' });
    expect(f.er.ruleLog.list({ ruleId, limit: 1 })[0]).toMatchObject({ action: 'writeRuleLog', outcome: 'ok' });
  });
});
