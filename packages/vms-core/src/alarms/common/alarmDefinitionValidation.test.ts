import { describe, expect, it } from 'vitest';
import type { AlarmDefinitionInput } from './alarm';
import type { AlarmContext } from './alarmDefinitionValidation';
import { alarmDefinitionProblem, canShareSource, danglingReferences } from './alarmDefinitionValidation';

const ctx: AlarmContext = {
  cameraIds: new Set(['camA', 'camB']), ptzCameraIds: new Set(), storageIds: new Set(['live']), serverIds: new Set(['srv']),
  timeProfileIds: new Set(['night']), userDefinedEventIds: new Set(['panic', 'allClear']), genericEventIds: new Set(['door']), notificationProfileIds: new Set(), analyticsSourceIds: new Set(),
  inputIds: new Set(['door1']), outputIds: new Set(['siren1']), hardwareIds: new Set(['hw1']),
  roleIds: new Set(['operators', 'guards']),
};

const base: AlarmDefinitionInput = {
  name: 'Motion at night', description: '', enabled: true, trigger: { type: 'motionStarted', sourceIds: ['camA'] }, timeProfileId: 'night',
  priority: 2, category: 'Intrusion', relatedCameraIds: ['camB'], instructions: 'Call the guard', roleIds: ['guards'],
  close: { type: 'motionStopped', sameSource: true }, sound: 'siren',
};

const problem = (patch: Partial<AlarmDefinitionInput>) => alarmDefinitionProblem({ ...base, ...patch }, ctx);

describe('alarm definition check', () => {
  it('accepts a complete definition', () => {
    expect(alarmDefinitionProblem(base, ctx)).toBeUndefined();
  });

  it('names the field at fault', () => {
    expect(problem({ name: ' ' })?.field).toBe('name');
    expect(problem({ trigger: { type: 'motionStarted', sourceIds: ['camA', 'gone'] } })).toEqual({ field: 'trigger.sourceIds[1]', message: 'camera gone does not exist' });
    expect(problem({ trigger: { type: 'userDefined' } })?.field).toBe('trigger.definitionId');
    expect(problem({ trigger: { type: 'nonsense' as 'userDefined' } })?.field).toBe('trigger.type');
    expect(problem({ timeProfileId: 'day' })?.field).toBe('timeProfileId');
    expect(problem({ priority: 0 })?.field).toBe('priority');
    expect(problem({ priority: 2.5 })?.field).toBe('priority');
    expect(problem({ category: 'x'.repeat(61) })?.field).toBe('category');
    expect(problem({ relatedCameraIds: ['camB', 'camB'] })?.field).toBe('relatedCameraIds[1]');
    expect(problem({ roleIds: [] })?.field).toBe('roleIds');
    expect(problem({ roleIds: ['guards', 'ghosts'] })).toEqual({ field: 'roleIds[1]', message: 'role ghosts does not exist' });
    expect(problem({ close: { type: 'userDefined', definitionId: 'nope', sameSource: false } })?.field).toBe('close.definitionId');
    expect(problem({ sound: 'trumpet' as 'siren' })?.field).toBe('sound');
  });

  it('allows a same-source close only where both events can share a source', () => {
    expect(canShareSource('connectionLost', 'connectionRestored')).toBe(true);
    expect(canShareSource('storageFull', 'storageAvailable')).toBe(true);
    expect(canShareSource('motionStarted', 'storageAvailable')).toBe(false);
    expect(canShareSource('userDefined', 'userDefined')).toBe(false);
    expect(canShareSource('inputActivated', 'inputDeactivated')).toBe(true);
    expect(canShareSource('inputActivated', 'outputDeactivated')).toBe(false);
    expect(canShareSource('deviceEvent', 'deviceEvent')).toBe(true);
    const panic = { trigger: { type: 'userDefined' as const, definitionId: 'panic' }, timeProfileId: undefined };
    expect(problem({ ...panic, close: { type: 'userDefined', definitionId: 'allClear', sameSource: true } })?.field).toBe('close.sameSource');
    expect(problem({ ...panic, close: { type: 'userDefined', definitionId: 'allClear', sameSource: false } })).toBeUndefined();
    expect(problem({ ...panic, close: { type: 'userDefined', definitionId: 'panic', sameSource: false } })?.field).toBe('close.type');
  });

  it('lets one analytics source raise on one of its rules and close on another', () => {
    const withVca: AlarmContext = { ...ctx, analyticsSourceIds: new Set(['vca']) };
    const check = (raise: string | undefined, close: string | undefined) => alarmDefinitionProblem({
      ...base, timeProfileId: undefined,
      trigger: { type: 'analytics', definitionId: 'vca', ...(raise ? { ruleName: raise } : {}) },
      close: { type: 'analytics', definitionId: 'vca', ...(close ? { ruleName: close } : {}), sameSource: false },
    }, withVca)?.field;
    expect(check('Intrusion', 'Intrusion ended')).toBeUndefined();
    // Any rule of the source, or the same rule (names compare case-insensitively), would raise and close at once.
    expect(check('Intrusion', 'intrusion')).toBe('close.type');
    expect(check(undefined, 'Intrusion ended')).toBe('close.type');
    expect(check('Intrusion', undefined)).toBe('close.type');
  });

  it('lists what a stored definition names that is gone', () => {
    const gone: AlarmContext = { ...ctx, cameraIds: new Set(['camA']), roleIds: new Set(['operators']), timeProfileIds: new Set() };
    expect(danglingReferences(base, gone)).toEqual([
      { field: 'timeProfileId', what: 'time profile night' },
      { field: 'relatedCameraIds[0]', what: 'camera camB' },
      { field: 'roleIds[0]', what: 'role guards' },
    ]);
    const generic: AlarmDefinitionInput = { ...base, trigger: { type: 'generic', definitionId: 'door' }, close: undefined, timeProfileId: undefined };
    expect(danglingReferences(generic, { ...ctx, genericEventIds: new Set() })).toEqual([{ field: 'trigger.definitionId', what: 'generic event door' }]);
    expect(danglingReferences(base, ctx)).toEqual([]);
    const door: AlarmDefinitionInput = { ...base, trigger: { type: 'inputActivated', sourceIds: ['door1'] }, close: { type: 'inputDeactivated', sameSource: true }, timeProfileId: undefined };
    expect(danglingReferences(door, ctx)).toEqual([]);
    expect(danglingReferences(door, { ...ctx, inputIds: new Set() })).toEqual([{ field: 'trigger.sourceIds[0]', what: 'input door1' }]);
  });
});
