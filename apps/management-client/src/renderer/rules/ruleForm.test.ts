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

/** The site's default rules as listRules returns them (vms-core rules/common/defaultRules.ts, migration 011). */
const DEFAULT_RULES: RuleBody[] = [
  {
    id: 'builtin-start-feed-always', builtIn: 'startFeedAlways', kind: 'time', name: 'Start feed always', enabled: true, description: 'Keeps every enabled camera connected.',
    actions: [{ type: 'startFeed', cameras: { kind: 'allCameras' } }], stopActions: [{ type: 'stopFeed', cameras: { kind: 'allCameras' } }],
    createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
  },
  {
    id: 'builtin-record-on-motion', builtIn: 'recordOnMotion', kind: 'event', name: 'Record on motion', enabled: true, description: 'Records cameras in mode motion.',
    trigger: { type: 'motionStarted', recordingModes: ['motion'] }, actions: [{ type: 'startRecording', cameras: { kind: 'eventSource' } }],
    stop: { kind: 'endEvent' }, stopActions: [{ type: 'stopRecording', cameras: { kind: 'eventSource' } }],
    createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
  },
  {
    id: 'builtin-record-on-request', builtIn: 'recordOnRequest', kind: 'event', name: 'Record on request', enabled: false, description: 'Records on request.',
    trigger: { type: 'recordingRequested' }, actions: [{ type: 'startRecording', cameras: { kind: 'eventSource' } }],
    stop: { kind: 'endEvent' }, stopActions: [{ type: 'stopRecording', cameras: { kind: 'eventSource' }, postSeconds: 0 }],
    createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z',
  },
];

/** The rule as it is after an update: the stored rule with the body's fields, null clearing one. */
function applied(stored: RuleBody, body: ReturnType<typeof draftToUpdate>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...stored };
  for (const [k, v] of Object.entries(body)) {
    if (v === null) delete out[k];
    else out[k] = v;
  }
  return out;
}

describe('default rules in the editor', () => {
  it('open and save without losing a field: recording modes, absent buffers, the disabled switch', () => {
    for (const rule of DEFAULT_RULES) {
      expect(applied(rule, draftToUpdate(ruleToDraft(rule))), rule.name).toEqual(rule);
      const { id: _i, builtIn: _b, createdAt: _c, updatedAt: _u, ...definition } = rule;
      expect(draftToCreate(ruleToDraft(rule)), rule.name).toEqual(definition);
    }
  });

  it('edits the recording modes of "Record on motion" and keeps the rest', () => {
    const motion = DEFAULT_RULES[1]!;
    const d = ruleToDraft(motion);
    expect(d.recordingModes).toEqual(['motion']);
    const widened = applied(motion, draftToUpdate({ ...d, recordingModes: ['motion', 'event'] }));
    expect(widened).toEqual({ ...motion, trigger: { type: 'motionStarted', recordingModes: ['motion', 'event'] } });
    // Any camera: the field goes.
    expect(draftToUpdate({ ...d, recordingModes: null }).trigger).toEqual({ type: 'motionStarted' });
    expect(draftProblem({ ...d, recordingModes: [] })).toEqual({ field: 'trigger.recordingModes', message: expect.stringMatching(/at least one recording mode/) });
    // Another camera event keeps the modes; an event that does not come from a camera drops them.
    expect(changeTrigger(d, 'connectionLost').recordingModes).toEqual(['motion']);
    expect(changeTrigger(d, 'storageFull').recordingModes).toBeNull();
  });
});

describe('analytics triggers', () => {
  it('round-trip the source and the analytics rule name, trimmed, and ask for a source', () => {
    const rule: RuleBody = {
      ...stored, trigger: { type: 'analytics', definitionId: 'vca', ruleName: 'Loitering' },
      actions: [{ type: 'writeRuleLog', message: 'seen' }], stop: undefined, stopActions: [],
    };
    const d = ruleToDraft(rule);
    expect(d).toMatchObject({ triggerType: 'analytics', definitionId: 'vca', ruleName: 'Loitering', recordingModes: null });
    expect(draftToCreate(d).trigger).toEqual(rule.trigger);
    expect(draftToCreate({ ...d, ruleName: '  ' }).trigger).toEqual({ type: 'analytics', definitionId: 'vca' });
    expect(draftToCreate({ ...d, ruleName: ' Line crossing ' }).trigger).toMatchObject({ ruleName: 'Line crossing' });
    // Leaving analytics drops the source and the rule name.
    expect(changeTrigger(d, 'userDefined')).toMatchObject({ definitionId: null, ruleName: '' });
    expect(draftProblem({ ...d, definitionId: null })).toEqual({ field: 'trigger.definitionId', message: 'Choose the analytics source.' });
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

  it('sets an output, and as a stop action returns it to the other state', () => {
    const input = changeTrigger({ ...newRuleDraft(), name: 'Door forced' }, 'inputActivated');
    let d = addAction(input, 'setOutput', 'actions');
    expect(d.actions).toEqual([{ type: 'setOutput', outputId: '', state: 'on' }]);
    d = { ...d, stop: 'endEvent', actions: [{ type: 'setOutput', outputId: 'siren', state: 'on' }] };
    d = addAction(d, 'setOutput', 'stopActions');
    expect(d.stopActions).toEqual([{ type: 'setOutput', outputId: 'siren', state: 'off' }]);
    // A second one has no output left to return: it starts empty, switching off.
    expect(addAction(d, 'setOutput', 'stopActions').stopActions[1]).toEqual({ type: 'setOutput', outputId: '', state: 'off' });
    expect(draftToCreate(d)).toMatchObject({ trigger: { type: 'inputActivated' }, stop: { kind: 'endEvent' }, stopActions: [{ type: 'setOutput', outputId: 'siren', state: 'off' }] });
  });

  it('offers "the event\'s camera" only for events that have one: not inputs or outputs', () => {
    const camerasOf = (type: Parameters<typeof changeTrigger>[1]) => addAction(changeTrigger({ ...newRuleDraft(), name: 'x' }, type), 'startFeed', 'actions').actions[0]!.cameras;
    expect(camerasOf('inputActivated')).toEqual({ kind: 'cameras', cameraIds: [] });
    expect(camerasOf('outputDeactivated')).toEqual({ kind: 'cameras', cameraIds: [] });
    expect(camerasOf('deviceEvent')).toEqual({ kind: 'eventSource' });
    expect(camerasOf('motionStarted')).toEqual({ kind: 'eventSource' });
    // Inputs keep their chosen sources across input events, not into output events.
    expect(changeTrigger({ ...newRuleDraft(), triggerType: 'inputActivated', sourceIds: ['i1'] }, 'inputDeactivated').sourceIds).toEqual(['i1']);
    expect(changeTrigger({ ...newRuleDraft(), triggerType: 'inputActivated', sourceIds: ['i1'] }, 'outputActivated').sourceIds).toBeNull();
  });

  it('finds what the editor can tell before asking the site', () => {
    expect(draftProblem(newRuleDraft())?.field).toBe('name');
    expect(draftProblem({ ...newRuleDraft(), name: 'x' })?.field).toBe('actions');
    const generic = addAction(changeTrigger({ ...newRuleDraft(), name: 'x' }, 'generic'), 'writeRuleLog', 'actions');
    expect(draftProblem(generic)?.field).toBe('trigger.definitionId');
    expect(draftProblem({ ...generic, definitionId: 'g1' })).toBeUndefined();
  });
});
