import { afterEach, describe, expect, it } from 'vitest';
import { isVmsError } from '../../base/common/errors';
import { RoleStore } from '../../management/node/roleStore';
import type { RulesFixture } from '../../rules/node/rulesFixture';
import { openRulesFixture } from '../../rules/node/rulesFixture';
import type { AlarmDefinitionInput } from '../common/alarm';
import type { AlarmNotice } from './alarmService';

const fixtures: RulesFixture[] = [];
afterEach(async () => {
  for (const f of fixtures.splice(0)) await f.dispose();
});

const SECOND = 1000;
const HOUR = 3600_000;
const ADMIN = { userId: 'u-admin', username: 'admin' };

/** A rules fixture (Sunday 2026-01-04 00:00 UTC, ManualClock) with the alarm notices it announced. */
async function fixture(): Promise<RulesFixture & { notices: AlarmNotice[]; define(def: Partial<AlarmDefinitionInput>): string }> {
  const f = await openRulesFixture();
  fixtures.push(f);
  const notices: AlarmNotice[] = [];
  f.er.alarms.onDidChange((n) => notices.push(n));
  let n = 0;
  return Object.assign(f, {
    notices,
    define: (def: Partial<AlarmDefinitionInput>) => f.er.alarmDefinitions.create({
      name: `alarm ${++n}`, description: '', enabled: true, trigger: { type: 'motionStarted' }, priority: 3, category: '',
      relatedCameraIds: [], instructions: '', roleIds: ['operators'], sound: 'chime', ...def,
    }, f.clock.now()).id,
  });
}

const motion = (f: RulesFixture, cameraId: string, type: 'motionStarted' | 'motionStopped' = 'motionStarted') =>
  f.eventLog.raise({ type, cameraId, severity: 'info', message: `${type} on ${cameraId}` });
const all = (f: RulesFixture) => f.er.alarmStore.list({ limit: 200 }).alarms;

describe('alarm service', () => {
  it('raises an alarm for an event from the definition\'s sources, with what the definition said then', async () => {
    const f = await fixture();
    const id = f.define({
      trigger: { type: 'motionStarted', sourceIds: [f.cameraA] }, priority: 1, category: 'Intrusion', instructions: 'Call the guard',
      relatedCameraIds: [f.cameraB, f.cameraA], sound: 'siren',
    });
    motion(f, f.cameraB);
    expect(all(f)).toEqual([]);
    f.clock.advance(5 * SECOND);
    motion(f, f.cameraA);
    const [alarm] = all(f);
    expect(alarm).toMatchObject({
      definitionId: id, definitionName: 'alarm 1', state: 'new', priority: 1, category: 'Intrusion', instructions: 'Call the guard', sound: 'siren',
      source: { kind: 'camera', id: f.cameraA }, raisedAt: f.clock.now(), repeats: 0,
      // The camera that raised it first, then the related ones, once each.
      relatedCameraIds: [f.cameraA, f.cameraB], event: { type: 'motionStarted', message: `motionStarted on ${f.cameraA}` },
    });
    expect(f.notices).toEqual([{ action: 'created', alarm }]);
    // Editing the definition does not rewrite the alarm.
    f.er.alarmDefinitions.update(id, { priority: 5, instructions: 'Ignore' }, f.clock.now());
    expect(f.er.alarmStore.get(alarm!.id)).toMatchObject({ priority: 1, instructions: 'Call the guard' });
    // Disabled: nothing more is raised.
    f.er.alarmDefinitions.update(id, { enabled: false }, f.clock.now());
    motion(f, f.cameraA);
    expect(all(f)).toHaveLength(1);
  });

  it('raises only while its time profile is on, read at the event on the clock', async () => {
    const f = await fixture();
    const profile = f.config.timeProfiles.create({ name: 'Office hours', windows: [{ days: [1, 2, 3, 4, 5], from: '08:00', to: '18:00' }] }, f.clock.now());
    f.define({ timeProfileId: profile.id });
    // Sunday midnight, then Monday 07:59, 08:00, 17:59 and 18:00.
    const times: number[] = [];
    for (const at of [0, 31 * HOUR + 59 * 60_000, 32 * HOUR, 41 * HOUR + 59 * 60_000, 42 * HOUR]) {
      f.clock.advance(at - (f.clock.now() - Date.UTC(2026, 0, 4)));
      motion(f, f.cameraA);
      times.push(f.clock.now());
    }
    expect(all(f).map((a) => a.raisedAt).reverse()).toEqual([times[2], times[3]]);
    // Deleting a profile in use is refused, naming the definition.
    expect(() => f.er.timeProfileInUse(profile.id)).toThrow(/alarm definition\(s\) alarm 1/);
  });

  it('closes the open alarms of the close event\'s source, or all of them, and says so in the history', async () => {
    const f = await fixture();
    const perSource = f.define({ close: { type: 'motionStopped', sameSource: true } });
    const anySource = f.define({ trigger: { type: 'connectionLost' }, close: { type: 'motionStopped', sameSource: false } });
    motion(f, f.cameraA);
    motion(f, f.cameraB);
    f.eventLog.raise({ type: 'connectionLost', cameraId: f.cameraA, severity: 'warning', message: 'lost A' });
    f.eventLog.raise({ type: 'connectionLost', cameraId: f.cameraB, severity: 'warning', message: 'lost B' });
    const kind = (id: string) => (id === perSource ? 'motion' : id === anySource ? 'connection' : id);
    const state = () => all(f).map((a) => `${kind(a.definitionId)} ${a.source.id === f.cameraA ? 'A' : 'B'} ${a.state}`).sort();
    f.clock.advance(10 * SECOND);
    // A disabled definition still closes what it raised.
    f.er.alarmDefinitions.update(perSource, { enabled: false }, f.clock.now());
    motion(f, f.cameraB, 'motionStopped');
    expect(state()).toEqual(['connection A closed', 'connection B closed', 'motion A new', 'motion B closed']);
    const closed = all(f).find((a) => a.definitionId === perSource && a.source.id === f.cameraB)!;
    expect(closed.closedAt).toBe(f.clock.now());
    expect(f.er.alarmStore.details(closed.id).history.map((h) => [h.action, h.from, h.to, h.detail, h.userId])).toEqual([
      ['raised', undefined, 'new', `motionStarted from camera ${f.cameraB}`, undefined],
      ['autoClosed', 'new', 'closed', `motionStopped from camera ${f.cameraB}`, undefined],
    ]);
    expect(f.notices.filter((n) => n.action === 'updated').map((n) => n.alarm.id).sort()).toEqual(
      all(f).filter((a) => a.state === 'closed').map((a) => a.id).sort());
  });

  it('counts a flood beyond 10 alarms a second into the last alarm\'s repeats, logged once', async () => {
    const f = await fixture();
    const event = f.er.userDefinedEvents.create({ name: 'Chatter' }, f.clock.now());
    f.define({ trigger: { type: 'userDefined', definitionId: event.id } });
    const burst = (n: number) => {
      for (let i = 0; i < n; i++) f.er.triggerUserDefinedEvent(event.id, { username: 'test' });
    };
    burst(50);
    expect(all(f)).toHaveLength(10);
    const last = all(f)[0]!;
    expect(last.repeats).toBe(0);
    f.clock.advance(SECOND);
    expect(f.er.alarmStore.get(last.id).repeats).toBe(40);
    expect(f.notices.filter((n) => n.action === 'updated')).toEqual([{ action: 'updated', alarm: expect.objectContaining({ id: last.id, repeats: 40 }) }]);
    // A second later there is room again; a second burst within the minute is not logged again.
    burst(12);
    expect(all(f)).toHaveLength(20);
    f.clock.advance(SECOND);
    expect(f.er.alarmStore.get(all(f)[0]!.id).repeats).toBe(2);
    const floods = f.er.systemLog.list({ source: 'alarms' });
    expect(floods).toHaveLength(1);
    expect(floods[0]!.message).toMatch(new RegExp(`alarm 1 is flooding .* repeats of alarm ${last.id}`));
  });

  it('writes to the system log, once, what a definition names after it was deleted', async () => {
    const f = await fixture();
    const roles = new RoleStore(f.config.db, f.clock);
    const guards = roles.create({ name: 'Guards' });
    f.define({ name: 'Door', roleIds: ['operators', guards.id], relatedCameraIds: [f.cameraB] });
    const warnings = () => f.er.systemLog.list({ source: 'alarms' }).map((e) => e.message);
    roles.delete(guards.id);
    f.config.hardwareStore.delete(f.config.listCameras().find((c) => c.id === f.cameraB)!.hardwareId);
    f.er.alarms.checkReferences();
    f.er.alarms.checkReferences();
    expect(warnings().sort()).toEqual([
      `alarm definition Door: relatedCameraIds[0] names camera ${f.cameraB}, which no longer exists; edit the definition`,
      `alarm definition Door: roleIds[1] names role ${guards.id}, which no longer exists; edit the definition`,
    ]);
  });

  it('changes alarms one by one or in bulk (all or none), announcing each change', async () => {
    const f = await fixture();
    f.define({});
    for (let i = 0; i < 3; i++) motion(f, f.cameraA);
    const [c, b, a] = all(f).map((x) => x.id) as [number, number, number];
    f.er.alarms.update(a, { state: 'inProgress', assigneeId: 'u-1', comment: 'looking' }, ADMIN);
    f.er.alarms.update(b, { state: 'closed' }, ADMIN);
    const refused = (() => {
      try {
        f.er.alarms.bulk([a, b, c], 'acknowledge', ADMIN);
      } catch (e) {
        return e;
      }
    })();
    expect(isVmsError(refused, 'VMS_ERR_BAD_INPUT') && refused.field).toBe('alarmIds[1].state');
    expect(f.er.alarmStore.get(c).state).toBe('new');
    f.notices.length = 0;
    expect(f.er.alarms.bulk([a, b, c], 'close', ADMIN).map((x) => x.state)).toEqual(['closed', 'closed', 'closed']);
    // b was closed already: only a and c changed.
    expect(f.notices.map((n) => n.alarm.id)).toEqual([a, c]);
    expect(f.er.alarmStore.details(a)).toMatchObject({
      assigneeId: 'u-1', comments: [{ userId: 'u-admin', username: 'admin', text: 'looking' }],
    });
    expect(f.er.alarmStore.details(a).history.map((h) => `${h.action} ${h.to ?? ''}`)).toEqual(['raised new', 'assignee u-1', 'comment ', 'state inProgress', 'state closed']);
    // A definition with open alarms is not deleted; with all closed it is.
    motion(f, f.cameraA);
    const definition = all(f)[0]!.definitionId;
    expect(() => f.er.alarms.deleteDefinition(definition)).toThrow(/1 alarm\(s\) of alarm 1 are not closed/);
    f.er.alarms.bulk([all(f)[0]!.id], 'close', ADMIN);
    expect(f.er.alarms.deleteDefinition(definition).id).toBe(definition);
  });
});
