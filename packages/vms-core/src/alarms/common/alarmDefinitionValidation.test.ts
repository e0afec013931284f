import { describe, expect, it } from 'vitest';
import type { AlarmDefinitionInput } from './alarm';
import type { AlarmContext } from './alarmDefinitionValidation';
import { alarmDefinitionProblem, canShareSource, danglingReferences } from './alarmDefinitionValidation';

const ctx: AlarmContext = {
  cameraIds: new Set(['camA', 'camB']), ptzCameraIds: new Set(), storageIds: new Set(['live']), serverIds: new Set(['srv']),
  timeProfileIds: new Set(['night']), userDefinedEventIds: new Set(['panic', 'allClear']), genericEventIds: new Set(['door']), notificationProfileIds: new Set(), analyticsSourceIds: new Set(),
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
    const panic = { trigger: { type: 'userDefined' as const, definitionId: 'panic' }, timeProfileId: undefined };
    expect(problem({ ...panic, close: { type: 'userDefined', definitionId: 'allClear', sameSource: true } })?.field).toBe('close.sameSource');
    expect(problem({ ...panic, close: { type: 'userDefined', definitionId: 'allClear', sameSource: false } })).toBeUndefined();
    expect(problem({ ...panic, close: { type: 'userDefined', definitionId: 'panic', sameSource: false } })?.field).toBe('close.type');
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
  });
});
