import { describe, expect, it } from 'vitest';
import { ADMINISTRATORS_ROLE_ID, OPERATORS_ROLE_ID } from '../../management/common/permissions';
import type { RoleDefinition } from '../../management/common/permissions';
import { canSeeEvent, eventViewer } from './eventVisibility';
import { compileEventStreamFilter, parseEventStreamFilter } from './eventStreamFilter';
import type { VmsEvent } from './vmsEvent';

const event = (over: Partial<VmsEvent>): VmsEvent => ({
  id: 1, type: 'motionStarted', at: 0, source: { kind: 'camera', id: 'camA' }, severity: 'information', message: 'm', ...over,
});

describe('event stream filter', () => {
  it('parses types and sources, and names the field at fault', () => {
    expect(parseEventStreamFilter(undefined)).toEqual({ ok: true, filter: {} });
    expect(parseEventStreamFilter({ types: ['motionStarted', 'motionStarted'], sourceIds: ['camA'] })).toEqual({ ok: true, filter: { types: ['motionStarted'], sourceIds: ['camA'] } });
    expect(parseEventStreamFilter({ types: ['motionStarted', 'nope'] })).toMatchObject({ ok: false, field: 'filter.types[1]', message: expect.stringMatching(/unknown event type "nope"/) });
    expect(parseEventStreamFilter({ types: [] })).toMatchObject({ ok: false, field: 'filter.types' });
    expect(parseEventStreamFilter({ sourceIds: ['a', 3] })).toMatchObject({ ok: false, field: 'filter.sourceIds[1]' });
    expect(parseEventStreamFilter({ sourceIds: Array.from({ length: 501 }, (_, i) => `c${i}`) })).toMatchObject({ ok: false, field: 'filter.sourceIds' });
    expect(parseEventStreamFilter({ cameras: ['a'] })).toMatchObject({ ok: false, field: 'filter.cameras' });
    expect(parseEventStreamFilter('motion')).toMatchObject({ ok: false, field: 'filter' });
  });

  it('matches by type and by source id', () => {
    const f = compileEventStreamFilter({ types: ['motionStarted'], sourceIds: ['camA'] });
    expect(f(event({}))).toBe(true);
    expect(f(event({ type: 'motionStopped' }))).toBe(false);
    expect(f(event({ source: { kind: 'camera', id: 'camB' } }))).toBe(false);
    expect(compileEventStreamFilter({})(event({ type: 'storageFull', source: { kind: 'storage', id: 'live' } }))).toBe(true);
  });
});

describe('event visibility', () => {
  const role = (over: Partial<RoleDefinition>): RoleDefinition => ({ id: 'r', name: 'r', builtin: false, manageConfiguration: false, manageUsers: false, grants: [], ...over });
  const onA = eventViewer([role({ grants: [{ cameraId: 'camA', rights: ['live'] }] })], true);
  const configurer = eventViewer([role({ manageConfiguration: true })], false);
  const nobody = eventViewer([], false);

  it('shows camera events to those with a right on the camera', () => {
    expect(canSeeEvent(onA, event({}))).toBe(true);
    expect(canSeeEvent(onA, event({ source: { kind: 'camera', id: 'camB' } }))).toBe(false);
    expect(canSeeEvent(configurer, event({})), 'configuring is not watching').toBe(false);
  });

  it('shows system and generic events to those who manage configuration', () => {
    for (const e of [
      event({ type: 'storageFull', source: { kind: 'storage', id: 'live' } }),
      event({ type: 'serverStarted', source: { kind: 'server', id: 'srv' } }),
      event({ type: 'generic', source: { kind: 'genericEvent', id: 'g' }, definitionId: 'g' }),
    ]) {
      expect(canSeeEvent(configurer, e)).toBe(true);
      expect(canSeeEvent(onA, e)).toBe(false);
    }
  });

  it('shows user-defined events to operators, analytics events to the watched camera\'s viewers', () => {
    const pressed = event({ type: 'userDefined', source: { kind: 'userDefinedEvent', id: 'panic' } });
    expect([onA, configurer, nobody].map((v) => canSeeEvent(v, pressed))).toEqual([true, true, false]);
    const watching = event({ type: 'analytics', source: { kind: 'analyticsSource', id: 'vca' }, data: { cameraId: 'camA' } });
    expect([onA, configurer, nobody].map((v) => canSeeEvent(v, watching))).toEqual([true, true, false]);
    const blind = event({ type: 'analytics', source: { kind: 'analyticsSource', id: 'vca' } });
    expect([onA, configurer].map((v) => canSeeEvent(v, blind))).toEqual([false, true]);
    expect(eventViewer([role({ id: OPERATORS_ROLE_ID })], false).operator).toBe(false);
  });

  it('shows input, output and hardware events to viewers of a camera on the same hardware, and to configurers', () => {
    // hwA carries camA and input door1; hwIo is an I/O module with no camera and input gate1.
    const topology = {
      camerasOf: (h: string) => (h === 'hwA' ? ['camA'] : []),
      hardwareOfDevice: (d: string) => ({ door1: 'hwA', siren1: 'hwA', gate1: 'hwIo' } as Record<string, string>)[d],
    };
    const viewers = [
      eventViewer([role({ grants: [{ cameraId: 'camA', rights: ['playback'] }] })], false, topology),
      eventViewer([role({ grants: [{ cameraId: 'camB', rights: ['live'] }] })], true, topology),
      eventViewer([role({ manageConfiguration: true })], false, topology),
      eventViewer([role({ id: ADMINISTRATORS_ROLE_ID })], true, topology),
    ];
    const sees = (e: VmsEvent) => viewers.map((v) => canSeeEvent(v, e));
    expect(sees(event({ type: 'inputActivated', source: { kind: 'input', id: 'door1' } }))).toEqual([true, false, true, true]);
    expect(sees(event({ type: 'outputDeactivated', source: { kind: 'output', id: 'siren1' } }))).toEqual([true, false, true, true]);
    expect(sees(event({ type: 'inputActivated', source: { kind: 'input', id: 'gate1' } })), 'no camera on the I/O module').toEqual([false, false, true, true]);
    expect(sees(event({ type: 'inputActivated', source: { kind: 'input', id: 'unknown' } }))).toEqual([false, false, true, true]);
    expect(sees(event({ type: 'deviceEvent', source: { kind: 'hardware', id: 'hwA' }, data: { topic: 'tns1:Device/HardwareFailure/FanFailure' } }))).toEqual([true, false, true, true]);
    expect(sees(event({ type: 'deviceEvent', source: { kind: 'hardware', id: 'hwIo' }, data: { topic: 'tns1:Device/Trigger/DigitalInput' } }))).toEqual([false, false, true, true]);
    // Motion of a video source names its camera: its viewers see it even if the topology lags behind.
    expect(sees(event({ type: 'deviceEvent', source: { kind: 'hardware', id: 'hwNew' }, data: { topic: 'tns1:VideoSource/MotionAlarm', cameraId: 'camB' } }))).toEqual([false, true, true, true]);
  });

  it('shows a unit\'s event naming one of its cameras only to that camera\'s viewers, not to those of its other cameras', () => {
    // hwAB carries camA and camB (two video sources of one unit).
    const topology = { camerasOf: (h: string) => (h === 'hwAB' ? ['camA', 'camB'] : []), hardwareOfDevice: () => undefined };
    const viewers = [
      eventViewer([role({ grants: [{ cameraId: 'camA', rights: ['live'] }] })], true, topology),
      eventViewer([role({ grants: [{ cameraId: 'camB', rights: ['live'] }] })], true, topology),
      eventViewer([role({ manageConfiguration: true })], false, topology),
    ];
    const sees = (e: VmsEvent) => viewers.map((v) => canSeeEvent(v, e));
    expect(sees(event({ type: 'deviceEvent', source: { kind: 'hardware', id: 'hwAB' }, data: { topic: 'tns1:VideoSource/MotionAlarm', cameraId: 'camB' } }))).toEqual([false, true, true]);
    expect(sees(event({ type: 'deviceEvent', source: { kind: 'hardware', id: 'hwAB' }, data: { topic: 'tns1:VideoSource/MotionAlarm', cameraId: 'camA' } }))).toEqual([true, false, true]);
    // Naming no camera, it is the unit's: viewers of either camera see it.
    expect(sees(event({ type: 'deviceEvent', source: { kind: 'hardware', id: 'hwAB' }, data: { topic: 'tns1:Device/HardwareFailure/FanFailure' } }))).toEqual([true, true, true]);
  });
});
