import { describe, expect, it } from 'vitest';
import { sentenceText } from '../rules/ruleSentence';
import { alarmSentence } from './alarmSentence';
import type { AlarmNames } from './alarmSentence';

const names: AlarmNames = {
  camera: (id) => ({ 'cam-a': 'Gate' })[id], timeProfile: (id) => ({ night: 'Night' })[id], userDefinedEvent: (id) => ({ panic: 'Panic button' })[id],
  genericEvent: () => undefined, analyticsSource: () => undefined, storage: () => undefined, server: () => undefined, role: (id) => ({ operators: 'Operators' })[id],
};

describe('alarm sentence', () => {
  it('reads the trigger, time profile, priority, category, roles and close event', () => {
    expect(sentenceText(alarmSentence({
      name: 'x', trigger: { type: 'connectionLost', sourceIds: ['cam-a'] }, timeProfileId: 'night', priority: 2, category: 'Technical', roleIds: ['operators', 'r9'],
      close: { type: 'connectionRestored', sameSource: true },
    }, names))).toBe('On Connection lost from Gate within Night raise a priority 2 – High alarm in Technical for Operators and r9, closed on Connection restored from the same source');
    expect(sentenceText(alarmSentence({ name: 'x', trigger: { type: 'userDefined', definitionId: 'panic' }, roleIds: [] }, names)))
      .toBe('On user-defined event Panic button raise a priority 3 – Medium alarm for nobody yet, closed by people');
    expect(sentenceText(alarmSentence({
      name: 'x', trigger: { type: 'motionStarted' }, roleIds: ['operators'], close: { type: 'motionStopped', sourceIds: ['cam-a'], sameSource: true },
    }, names))).toMatch(/closed on Motion stopped from Gate \(same source only\)$/);
  });

  it('reads an input as the source, closed when the same input goes idle', () => {
    expect(sentenceText(alarmSentence({
      name: 'x', trigger: { type: 'inputActivated', sourceIds: ['in-1'] }, roleIds: ['operators'], close: { type: 'inputDeactivated', sameSource: true },
    }, { ...names, device: (id) => ({ 'in-1': 'Vault door contact' })[id] })))
      .toBe('On Input activated from Vault door contact raise a priority 3 – Medium alarm for Operators, closed on Input deactivated from the same source');
  });
});
