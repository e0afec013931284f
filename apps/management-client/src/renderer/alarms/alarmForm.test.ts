import { describe, expect, it } from 'vitest';
import type { AlarmDefinitionBody } from '@nightjar/vms-core';
import { changeTrigger } from '../rules/ruleForm';
import {
  alarmDraftProblems, asRuleDraft, canShareSource, categoriesInUse, closeEventFor, definitionToDraft, draftToCreate, draftToUpdate, fromRuleDraft, newAlarmDraft,
} from './alarmForm';

const stored: AlarmDefinitionBody = {
  id: 'd1', name: 'Camera down', description: '', enabled: true, trigger: { type: 'connectionLost', sourceIds: ['cam-a'] }, timeProfileId: 'night',
  priority: 2, category: 'Technical', relatedCameraIds: ['cam-b'], instructions: 'Call the technician', roleIds: ['operators'],
  close: { type: 'connectionRestored', sameSource: true }, sound: 'alert', openAlarms: 0, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('alarm definition form', () => {
  it('round-trips a stored definition into the bodies the site takes', () => {
    const d = definitionToDraft(stored);
    expect(draftToCreate(d)).toEqual({
      name: 'Camera down', description: '', enabled: true, trigger: { type: 'connectionLost', sourceIds: ['cam-a'] }, timeProfileId: 'night', priority: 2,
      category: 'Technical', relatedCameraIds: ['cam-b'], instructions: 'Call the technician', roleIds: ['operators'],
      close: { type: 'connectionRestored', sameSource: true }, sound: 'alert',
    });
    // An update clears what the draft leaves out, so the stored definition becomes the draft.
    expect(draftToUpdate({ ...d, timeProfileId: null, closeOnEvent: false })).toMatchObject({ timeProfileId: null, close: null });
  });

  it('edits triggers through the rule editor\'s trigger clause, keeping only the trigger', () => {
    const d = newAlarmDraft(['operators']);
    const edited = fromRuleDraft(changeTrigger({ ...asRuleDraft(d.trigger), sourceIds: ['cam-a'] }, 'userDefined'));
    expect(edited).toEqual({ type: 'userDefined', definitionId: null, sourceIds: null, ruleName: '', recordingModes: null });
    const panic = { type: 'userDefined' as const, definitionId: 'panic', sourceIds: ['ignored'], ruleName: 'ignored', recordingModes: null };
    expect(draftToCreate({ ...d, trigger: panic }).trigger).toEqual({ type: 'userDefined', definitionId: 'panic' });
  });

  it('keeps an analytics rule name and cameras\' recording modes through the trigger clause', () => {
    const def: AlarmDefinitionBody = {
      ...stored, trigger: { type: 'motionStarted', recordingModes: ['motion', 'event'] }, close: { type: 'analytics', definitionId: 'vca', ruleName: 'All clear', sameSource: false },
    };
    const d = definitionToDraft(def);
    expect(fromRuleDraft(asRuleDraft(d.trigger))).toEqual(d.trigger);
    expect(draftToCreate(d)).toMatchObject({ trigger: def.trigger, close: def.close });
    const analytics = { ...d, trigger: { ...d.close, ruleName: 'Intrusion' }, close: { ...d.close, ruleName: 'All clear' } };
    expect(alarmDraftProblems({ ...analytics, roleIds: ['operators'] }).has('close.type')).toBe(false);
    expect(alarmDraftProblems({ ...analytics, close: { ...analytics.close, ruleName: 'intrusion ' } }).get('close.type')).toMatch(/cannot also close/);
  });

  it('asks for the same source only where both events can come from one', () => {
    expect(canShareSource('connectionLost', 'connectionRestored')).toBe(true);
    expect(canShareSource('motionStarted', 'storageAvailable')).toBe(false);
    expect(canShareSource('userDefined', 'userDefined')).toBe(false);
    const d = { ...newAlarmDraft(['operators']), name: 'Panic', closeOnEvent: true, trigger: { type: 'userDefined' as const, definitionId: 'panic', sourceIds: null, ruleName: '', recordingModes: null },
      close: { type: 'userDefined' as const, definitionId: 'allClear', sourceIds: null, ruleName: '', recordingModes: null }, sameSource: true };
    expect(draftToCreate(d).close).toEqual({ type: 'userDefined', definitionId: 'allClear', sameSource: false });
    expect(closeEventFor('motionStarted')).toBe('motionStopped');
    expect(closeEventFor('userDefined')).toBe('userDefined');
  });

  it('names the fields it can check before asking the site', () => {
    const d = newAlarmDraft([]);
    expect(alarmDraftProblems(d)).toEqual(new Map([['name', 'An alarm definition needs a name.'], ['roleIds', expect.stringMatching(/at least one role/)]]));
    const named = { ...d, name: 'Panic', roleIds: ['operators'] };
    const any = { definitionId: null, sourceIds: null, ruleName: '', recordingModes: null };
    expect(alarmDraftProblems({ ...named, trigger: { type: 'generic', ...any } }).get('trigger.definitionId')).toBe('Choose the generic event.');
    expect(alarmDraftProblems({ ...named, trigger: { type: 'analytics', ...any } }).get('trigger.definitionId')).toBe('Choose the analytics source.');
    expect(alarmDraftProblems({ ...named, closeOnEvent: true, close: { type: 'motionStarted', ...any } }).get('close.type')).toMatch(/cannot also close/);
    expect(alarmDraftProblems({ ...named, closeOnEvent: true, close: { type: 'userDefined', ...any } }).get('close.definitionId')).toMatch(/user-defined/);
    expect(alarmDraftProblems(named)).toEqual(new Map());
  });

  it('offers the categories in use, once each', () => {
    expect(categoriesInUse([{ category: 'Technical' }, { category: ' Intrusion ' }, { category: '' }, { category: 'Technical' }])).toEqual(['Intrusion', 'Technical']);
  });
});
