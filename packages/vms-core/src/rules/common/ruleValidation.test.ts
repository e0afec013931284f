import { describe, expect, it } from 'vitest';
import { BUILT_IN_RULES } from './defaultRules';
import type { EventRuleDefinition, RuleAction, RuleDefinition } from './rule';
import type { RuleContext } from './ruleValidation';
import { ruleProblem } from './ruleValidation';

const ctx: RuleContext = {
  cameraIds: new Set(['cam-a', 'cam-b']), ptzCameraIds: new Set(['cam-b']), storageIds: new Set(['live']), serverIds: new Set(['srv']),
  timeProfileIds: new Set(['night']), userDefinedEventIds: new Set(['door']), genericEventIds: new Set(['gate']),
};

const record: RuleAction = { type: 'startRecording', cameras: { kind: 'eventSource' }, preSeconds: 3 };
const stopRecord: RuleAction = { type: 'stopRecording', cameras: { kind: 'eventSource' }, postSeconds: 5 };
const motionRule: EventRuleDefinition = {
  kind: 'event', name: 'Motion', description: '', enabled: true, trigger: { type: 'motionStarted' },
  actions: [record], stop: { kind: 'endEvent' }, stopActions: [stopRecord],
};
const problem = (r: object) => ruleProblem({ ...motionRule, ...r } as RuleDefinition, ctx);

describe('rule validation', () => {
  it('accepts the rule sentences it documents', () => {
    expect(problem({})).toBeUndefined();
    expect(ruleProblem({
      kind: 'time', name: 'Nights', description: '', enabled: true, timeProfileId: 'night',
      actions: [{ type: 'startRecording', cameras: { kind: 'allCameras' }, preSeconds: 0 }],
      stopActions: [{ type: 'stopRecording', cameras: { kind: 'allCameras' }, postSeconds: 0 }],
    }, ctx)).toBeUndefined();
    expect(problem({
      trigger: { type: 'userDefined', definitionId: 'door' }, stop: { kind: 'after', seconds: 30 },
      actions: [{ type: 'startRecording', cameras: { kind: 'cameras', cameraIds: ['cam-a'] }, preSeconds: 3 }, { type: 'gotoPtzPreset', cameraId: 'cam-b', presetToken: '1' }],
      stopActions: [{ type: 'stopRecording', cameras: { kind: 'cameras', cameraIds: ['cam-a'] }, postSeconds: 5 }],
    })).toBeUndefined();
  });

  it('names the field at fault', () => {
    const cases: [object, string, RegExp][] = [
      [{ name: ' ' }, 'name', /needs a name/],
      [{ timeProfileId: 'gone' }, 'timeProfileId', /does not exist/],
      [{ trigger: { type: 'explosion' } }, 'trigger.type', /unknown event type/],
      [{ trigger: { type: 'motionStarted', sourceIds: ['cam-a', 'cam-x'] } }, 'trigger.sourceIds[1]', /camera cam-x does not exist/],
      [{ trigger: { type: 'storageFull', sourceIds: ['cam-a'] } }, 'trigger.sourceIds[0]', /storage cam-a/],
      [{ trigger: { type: 'userDefined' } }, 'trigger.definitionId', /name the user-defined event/],
      [{ trigger: { type: 'generic', definitionId: 'nope' } }, 'trigger.definitionId', /generic event nope does not exist/],
      [{ trigger: { type: 'analytics' } }, 'trigger.type', /not supported by this site yet/],
      [{ trigger: { type: 'userDefined', definitionId: 'door' }, actions: [{ ...record, cameras: { kind: 'cameras', cameraIds: ['cam-a'] } }] }, 'stop', /has no end event/],
      [{ actions: [] }, 'actions', /at least one action/],
      [{ actions: [{ type: 'startFeed', cameras: { kind: 'allCameras' } }] }, 'actions[0].type', /"startFeed" is not supported by this site yet/],
      [{ actions: [{ type: 'sendNotification', notificationProfileId: 'x' }] }, 'actions[0].type', /not supported by this site yet/],
      [{ actions: [record, stopRecord] }, 'actions[1].type', /stopRecording is a stop action/],
      [{ stopActions: [record] }, 'stopActions[0].type', /belongs in actions/],
      [{ stopActions: [{ type: 'writeRuleLog', message: 'done' }] }, 'stopActions', /must stop it/],
      [{ stop: undefined }, 'stop', /say when the stop actions run/],
      [{ actions: [{ ...record, preSeconds: 301 }] }, 'actions[0].preSeconds', /between 0 and 300/],
      [{ actions: [{ type: 'startRecording', cameras: { kind: 'eventSource' } }] }, 'actions[0].preSeconds', /needs preSeconds/],
      [{ actions: [{ ...record, extra: 1 }] }, 'actions[0].extra', /has no extra/],
      [{ actions: [{ ...record, cameras: { kind: 'cameras', cameraIds: ['cam-z'] } }] }, 'actions[0].cameras.cameraIds[0]', /cam-z does not exist/],
      [{ actions: [{ type: 'gotoPtzPreset', cameraId: 'cam-a', presetToken: '1' }], stopActions: [], stop: undefined }, 'actions[0].cameraId', /has no PTZ/],
      [{ actions: [{ type: 'triggerUserDefinedEvent', userDefinedEventId: 'bell' }], stopActions: [], stop: undefined }, 'actions[0].userDefinedEventId', /bell does not exist/],
      [{ trigger: { type: 'serverStarted' } }, 'actions[0].cameras', /does not come from a camera/],
    ];
    for (const [patch, field, message] of cases) {
      const p = problem(patch);
      expect(p, JSON.stringify(patch)).toMatchObject({ field, message: expect.stringMatching(message) });
    }
  });

  it('refuses a trigger or stop on a time rule', () => {
    const timeRule = { kind: 'time', name: 'T', description: '', enabled: true, actions: [{ type: 'writeRuleLog', message: 'x' }], stopActions: [] };
    expect(ruleProblem({ ...timeRule, trigger: { type: 'motionStarted' } } as unknown as RuleDefinition, ctx)).toMatchObject({ field: 'trigger' });
  });

  it('describes the built-in rules with sentences the model accepts, but for the feed actions the site cannot run yet', () => {
    expect(ruleProblem(BUILT_IN_RULES.recordOnMotion, ctx)).toBeUndefined();
    expect(ruleProblem(BUILT_IN_RULES.recordOnRequest, ctx)).toBeUndefined();
    expect(ruleProblem(BUILT_IN_RULES.startFeedAlways, ctx)).toMatchObject({ field: 'actions[0].type', message: expect.stringMatching(/not supported/) });
  });
});
