import { describe, expect, it } from 'vitest';
import type { RuleBody } from '@nightjar/vms-core';
import {
  addAction, changeKind, changeTrigger, cleanAction, draftProblem, draftToCreate, draftToUpdate, newRuleDraft, retypeAction, ruleToDraft,
} from './ruleForm';

const stored: RuleBody = {
  id: 'r1', kind: 'event', name: 'Gate', description: '', enabled: true, timeProfileId: 'p1',
  trigger: { type: 'motionStarted', sourceIds: ['c1'] },
  actions: [{ type: 'startRecording', cameras: { kind: 'eventSource' }, preSeconds: 3 }],
  stop: { kind: 'endEvent' }, stopActions: [{ type: 'stopRecording', cameras: { kind: 'eventSource' }, postSeconds: 5 }],
  createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('rule draft ↔ bodies', () => {
  it('round-trips a stored rule into a create body', () => {
    expect(draftToCreate(ruleToDraft(stored))).toEqual({
      kind: 'event', name: 'Gate', description: '', enabled: true, timeProfileId: 'p1', trigger: { type: 'motionStarted', sourceIds: ['c1'] },
      actions: stored.actions, stop: { kind: 'endEvent' }, stopActions: stored.stopActions,
    });
  });

  it('clears what the draft no longer has with null in an update', () => {
    let d = ruleToDraft(stored);
    d = { ...changeKind(d, 'time'), timeProfileId: null };
    expect(draftToUpdate(d)).toMatchObject({ kind: 'time', timeProfileId: null, trigger: null, stop: null, stopActions: stored.stopActions });
    const noStop = { ...ruleToDraft(stored), stop: 'none' as const };
    expect(draftToUpdate(noStop)).toMatchObject({ stop: null, stopActions: [] });
  });

  it('sends sources only for events that have them, and the definition only for defined events', () => {
    const d = changeTrigger({ ...newRuleDraft(), name: 'x', sourceIds: ['c1'] }, 'userDefined');
    expect(d.sourceIds).toBeNull();
    expect(draftToCreate({ ...d, definitionId: 'u1' }).trigger).toEqual({ type: 'userDefined', definitionId: 'u1' });
    const storage = changeTrigger({ ...newRuleDraft(), sourceIds: ['c1'] }, 'storageFull');
    expect(storage.sourceIds).toBeNull();
    // Another camera event keeps the chosen cameras.
    expect(changeTrigger({ ...newRuleDraft(), sourceIds: ['c1'] }, 'connectionLost').sourceIds).toEqual(['c1']);
  });

  it('turns a stop on the end event into a stop after a time when the new event has no end', () => {
    const d = changeTrigger(ruleToDraft(stored), 'archivingFailed');
    expect(d.stop).toBe('after');
    expect(draftToCreate(d).stop).toEqual({ kind: 'after', seconds: 30 });
  });
});

describe('actions', () => {
  it('adds the stop action for recording it starts, and a stop for the rule', () => {
    const d = addAction({ ...newRuleDraft(), name: 'Motion' }, 'startRecording', 'actions');
    expect(d.actions).toEqual([{ type: 'startRecording', cameras: { kind: 'eventSource' }, preSeconds: 3 }]);
    expect(d.stopActions).toEqual([{ type: 'stopRecording', cameras: { kind: 'eventSource' }, postSeconds: 5 }]);
    expect(d.stop).toBe('endEvent');
    // Not twice.
    expect(addAction(d, 'startRecording', 'actions').stopActions).toHaveLength(1);
    const generic = addAction(changeTrigger(newRuleDraft(), 'generic'), 'startRecording', 'actions');
    expect(generic.stop).toBe('after');
    expect(generic.actions[0]!.cameras).toEqual({ kind: 'cameras', cameraIds: [] });
  });

  it('keeps only the fields an action type takes', () => {
    expect(cleanAction({ type: 'writeRuleLog', message: 'hi', cameras: { kind: 'allCameras' }, preSeconds: 3 })).toEqual({ type: 'writeRuleLog', message: 'hi' });
    const d = { ...newRuleDraft(), name: 'Door' };
    expect(retypeAction({ type: 'startRecording', cameras: { kind: 'allCameras' }, preSeconds: 7 }, 'createBookmark', d)).toEqual({
      type: 'createBookmark', cameras: { kind: 'allCameras' }, header: 'Door', description: '', preSeconds: 7, postSeconds: 5,
    });
  });

  it('finds what the editor can tell before asking the site', () => {
    expect(draftProblem(newRuleDraft())?.field).toBe('name');
    expect(draftProblem({ ...newRuleDraft(), name: 'x' })?.field).toBe('actions');
    const generic = addAction(changeTrigger({ ...newRuleDraft(), name: 'x' }, 'generic'), 'writeRuleLog', 'actions');
    expect(draftProblem(generic)?.field).toBe('trigger.definitionId');
    expect(draftProblem({ ...generic, definitionId: 'g1' })).toBeUndefined();
  });
});
