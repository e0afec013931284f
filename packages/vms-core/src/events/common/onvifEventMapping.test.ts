import { describe, expect, it } from 'vitest';
import type { OnvifNotification, PropertyOperation } from '../../devices/common/onvifNotification';
import { DEVICE_EVENT_LIMITS, OnvifEventMapper } from './onvifEventMapping';
import type { HardwareEventTargets, MappedNotification } from './onvifEventMapping';

const targets: HardwareEventTargets = {
  hardwareId: 'hw1',
  hardwareName: 'Gate unit',
  device: (kind, token) => ({
    'input:DI_0': { id: 'in-door', name: 'Door contact', enabled: true },
    'input:DI_1': { id: 'in-off', name: 'Spare input', enabled: false },
    'output:R1': { id: 'out-siren', name: 'Siren', enabled: true },
  } as Record<string, { id: string; name: string; enabled: boolean }>)[`${kind}:${token}`],
  cameraOfVideoSource: (token) => (token === 'VS_1' ? 'cam-gate' : undefined),
  videoSourceOfConfiguration: new Map([['vsc_1', 'VS_1']]),
};

const input = (token: string, state: string, operation?: PropertyOperation): OnvifNotification => ({
  topic: 'tns1:Device/Trigger/DigitalInput', ...(operation ? { operation } : {}), source: { InputToken: token }, key: {}, data: { LogicalState: state },
});

/** Maps and, as the watcher does, remembers what it would raise or store. */
function run(mapper: OnvifEventMapper, n: OnvifNotification): MappedNotification {
  const m = mapper.map(n);
  if (m.kind === 'state') mapper.commit(m.key, m.value);
  if (m.kind === 'event' && m.key !== undefined) mapper.commit(m.key, m.value);
  return m;
}

const typeOf = (m: MappedNotification) => (m.kind === 'event' ? m.event.type : m.kind);

describe('ONVIF event mapping', () => {
  it('turns digital input changes into input events of the input device', () => {
    const mapper = new OnvifEventMapper(targets);
    const on = run(mapper, { ...input('DI_0', 'true', 'Changed'), utcTime: Date.UTC(2026, 2, 1) });
    expect(on).toEqual({
      kind: 'event', key: 'input:in-door', value: 'true', ends: false,
      event: {
        type: 'inputActivated', source: { kind: 'input', id: 'in-door', name: 'Door contact' }, severity: 'information', message: 'Door contact activated',
        data: { hardwareId: 'hw1', token: 'DI_0', deviceTime: '2026-03-01T00:00:00.000Z' },
      },
    });
    expect(typeOf(run(mapper, input('DI_0', 'true', 'Changed'))), 'a repeated value').toBe('ignore');
    const off = run(mapper, input('DI_0', '0', 'Changed'));
    expect(off).toMatchObject({ kind: 'event', ends: true, event: { type: 'inputDeactivated', message: 'Door contact deactivated' } });
  });

  it('takes Initialized values silently unless they differ from what was known', () => {
    const mapper = new OnvifEventMapper(targets);
    expect(run(mapper, input('DI_0', 'false', 'Initialized'))).toEqual({ kind: 'state', key: 'input:in-door', value: 'false' });
    expect(typeOf(run(mapper, input('DI_0', 'false', 'Initialized'))), 're-subscribed, nothing changed').toBe('ignore');
    // The input went active while the subscription was down: the new subscription's value tells.
    expect(typeOf(run(mapper, input('DI_0', 'true', 'Initialized')))).toBe('inputActivated');
    expect(run(mapper, input('DI_0', 'true', 'Deleted'))).toEqual({ kind: 'state', key: 'input:in-door', value: undefined });
    expect(run(mapper, input('DI_0', 'true', 'Initialized')).kind, 'forgotten, so silent again').toBe('state');
  });

  it('ignores unknown and disabled inputs and unreadable states', () => {
    const mapper = new OnvifEventMapper(targets);
    expect(typeOf(run(mapper, input('DI_9', 'true', 'Changed')))).toBe('ignore');
    expect(typeOf(run(mapper, input('DI_1', 'true', 'Changed')))).toBe('ignore');
    expect(typeOf(run(mapper, input('DI_0', 'maybe', 'Changed')))).toBe('ignore');
  });

  it('turns relay changes into output events, and knows an output the site switched itself', () => {
    const mapper = new OnvifEventMapper(targets);
    const relay = (state: string): OnvifNotification => ({ topic: 'tns1:Device/Trigger/Relay', operation: 'Changed', source: { RelayToken: 'R1' }, key: {}, data: { LogicalState: state } });
    expect(run(mapper, relay('active'))).toMatchObject({ event: { type: 'outputActivated', source: { kind: 'output', id: 'out-siren' }, message: 'Siren switched on' } });
    mapper.commit(OnvifEventMapper.outputKey('out-siren'), 'false');
    expect(typeOf(run(mapper, relay('inactive'))), 'the site raised it already').toBe('ignore');
  });

  it('raises other topics as device events of the hardware, naming the camera of a video source', () => {
    const mapper = new OnvifEventMapper(targets);
    const cellMotion: OnvifNotification = {
      topic: 'tns1:RuleEngine/CellMotionDetector/Motion', operation: 'Changed', key: {},
      source: { VideoSourceConfigurationToken: 'vsc_1', VideoAnalyticsConfigurationToken: 'va', Rule: 'Motion' }, data: { IsMotion: 'true' },
    };
    expect(run(mapper, cellMotion)).toMatchObject({
      kind: 'event', ends: false,
      event: {
        type: 'deviceEvent', source: { kind: 'hardware', id: 'hw1', name: 'Gate unit' }, severity: 'information',
        message: 'Gate unit: tns1:RuleEngine/CellMotionDetector/Motion (IsMotion=true)',
        data: {
          topic: 'tns1:RuleEngine/CellMotionDetector/Motion', operation: 'Changed', cameraId: 'cam-gate',
          VideoSourceConfigurationToken: 'vsc_1', VideoAnalyticsConfigurationToken: 'va', Rule: 'Motion', IsMotion: 'true',
        },
      },
    });
    expect(typeOf(run(mapper, cellMotion)), 'the same property value again').toBe('ignore');
    const alarm = run(mapper, { topic: 'tns1:VideoSource/MotionAlarm', operation: 'Changed', source: { Source: 'VS_1' }, key: {}, data: { State: 'true' } });
    expect(alarm.kind === 'event' && alarm.event.data?.cameraId).toBe('cam-gate');
    const elsewhere = run(mapper, { topic: 'tns1:VideoSource/MotionAlarm', operation: 'Changed', source: { Source: 'VS_7' }, key: {}, data: { State: 'true' } });
    expect(elsewhere.kind === 'event' && 'cameraId' in elsewhere.event.data!).toBe(false);
  });

  it('raises every non-property event, keeps the site\'s own items, and caps what a device sends', () => {
    const mapper = new OnvifEventMapper(targets);
    const fan: OnvifNotification = { topic: 'tns1:Device/HardwareFailure/FanFailure', source: { Token: 'fan1' }, key: {}, data: { Failed: 'true', topic: 'spoofed' } };
    expect(run(mapper, fan)).toMatchObject({ event: { severity: 'warning', data: { topic: 'tns1:Device/HardwareFailure/FanFailure', Token: 'fan1', Failed: 'true' } } });
    expect(typeOf(run(mapper, fan)), 'a pulse, not a property: again is again').toBe('deviceEvent');
    const flood: OnvifNotification = {
      topic: 'tnsacme:Chatter', source: {}, key: {},
      data: Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`item${i}`, 'x'.repeat(500)])),
    };
    const m = run(mapper, flood);
    const data = m.kind === 'event' ? m.event.data! : {};
    expect(Object.keys(data)).toHaveLength(33);
    expect(data.item0).toHaveLength(200);
  });

  it('remembers at most its cap of property states, forgetting the least recently used', () => {
    const mapper = new OnvifEventMapper(targets);
    const property = (i: number, value: string): OnvifNotification => ({ topic: 'tnsacme:Counter', operation: 'Changed', source: { id: String(i) }, key: {}, data: { value } });
    run(mapper, input('DI_0', 'true', 'Changed'));
    for (let i = 0; i < DEVICE_EVENT_LIMITS.maxKnownStates - 1; i++) run(mapper, property(i, 'a'));
    // Used again: the input's state is now newer than property 0's.
    expect(typeOf(run(mapper, input('DI_0', 'true', 'Changed')))).toBe('ignore');
    run(mapper, property(-1, 'a'));
    expect(typeOf(run(mapper, property(1, 'a'))), 'still known').toBe('ignore');
    expect(typeOf(run(mapper, property(0, 'a'))), 'property 0 was forgotten: its value is news').toBe('deviceEvent');
    expect(typeOf(run(mapper, input('DI_0', 'true', 'Changed'))), 'still known').toBe('ignore');
  });
});
