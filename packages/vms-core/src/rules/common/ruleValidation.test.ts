import { describe, expect, it } from 'vitest';
import { BUILT_IN_RULES } from './defaultRules';
import type { EventRuleDefinition, RuleAction, RuleDefinition } from './rule';
import type { RuleContext } from './ruleValidation';
import { ruleProblem } from './ruleValidation';

const ctx: RuleContext = {
  cameraIds: new Set(['cam-a', 'cam-b']), ptzCameraIds: new Set(['cam-b']), storageIds: new Set(['live']), serverIds: new Set(['srv']),
  timeProfileIds: new Set(['night']), userDefinedEventIds: new Set(['door']), genericEventIds: new Set(['gate']),
  notificationProfileIds: new Set(['guards']), analyticsSourceIds: new Set(['vca']),
  inputIds: new Set(['in-1']), outputIds: new Set(['out-1']), hardwareIds: new Set(['hw-1']),
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
    expect(problem({ actions: [{ type: 'sendNotification', notificationProfileId: 'guards' }], stopActions: [], stop: undefined })).toBeUndefined();
    // Analytics events: from a source, optionally of one analytics rule; "the event's camera" is the camera the source watches.
    expect(problem({ trigger: { type: 'analytics', definitionId: 'vca', ruleName: 'Loitering' }, stop: { kind: 'after', seconds: 30 } })).toBeUndefined();
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
      [{ trigger: { type: 'analytics' } }, 'trigger.definitionId', /name the analytics source/],
      [{ trigger: { type: 'analytics', definitionId: 'nope' } }, 'trigger.definitionId', /analytics source nope does not exist/],
      [{ trigger: { type: 'analytics', definitionId: 'vca', ruleName: ' ' } }, 'trigger.ruleName', /1 to 200 characters/],
      [{ trigger: { type: 'motionStarted', ruleName: 'Loitering' } }, 'trigger.ruleName', /only analytics events/],
      [{ trigger: { type: 'userDefined', definitionId: 'door' }, actions: [{ ...record, cameras: { kind: 'cameras', cameraIds: ['cam-a'] } }] }, 'stop', /has no end event/],
      [{ actions: [] }, 'actions', /at least one action/],
      [{ actions: [{ type: 'retrieveRemoteRecordings', cameras: { kind: 'allCameras' } }] }, 'actions[0].type', /"retrieveRemoteRecordings" is not supported by this site yet/],
      [{ actions: [{ type: 'sendNotification', notificationProfileId: 'x' }], stopActions: [], stop: undefined }, 'actions[0].notificationProfileId', /notification profile x does not exist/],
      [{ actions: [{ type: 'sendNotification' }], stopActions: [], stop: undefined }, 'actions[0].notificationProfileId', /needs notificationProfileId/],
      [{ actions: [record, stopRecord] }, 'actions[1].type', /stopRecording is a stop action/],
      [{ stopActions: [record] }, 'stopActions[0].type', /belongs in actions/],
      [{ stopActions: [{ type: 'writeRuleLog', message: 'done' }] }, 'stopActions', /must stop it/],
      [{ stop: undefined }, 'stop', /say when the stop actions run/],
      [{ actions: [{ ...record, preSeconds: 301 }] }, 'actions[0].preSeconds', /between 0 and 300/],
      [{ actions: [{ type: 'startRecording', preSeconds: 3 }] }, 'actions[0].cameras', /needs cameras/],
      [{ trigger: { type: 'motionStarted', recordingModes: [] } }, 'trigger.recordingModes', /1 or more/],
      [{ trigger: { type: 'motionStarted', recordingModes: ['motion', 'sometimes'] } }, 'trigger.recordingModes[1]', /one of always, motion/],
      [{ trigger: { type: 'motionStarted', recordingModes: ['motion', 'motion'] } }, 'trigger.recordingModes[1]', /listed twice/],
      [{ trigger: { type: 'userDefined', definitionId: 'door', recordingModes: ['motion'] }, stop: { kind: 'after', seconds: 5 } }, 'trigger.recordingModes', /only camera events/],
      [{ actions: [{ type: 'startFeed', cameras: { kind: 'allCameras' } }], stopActions: [], stop: undefined }, 'stopActions', /must stop it: add a stopFeed/],
      [{ actions: [{ type: 'stopFeed', cameras: { kind: 'allCameras' } }], stopActions: [], stop: undefined }, 'actions[0].type', /stopFeed is a stop action/],
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

  it('checks input, output and hardware triggers against their own kind of source', () => {
    const listed = { kind: 'cameras', cameraIds: ['cam-a'] } as const;
    const onInput = { trigger: { type: 'inputActivated', sourceIds: ['in-1'] }, actions: [{ ...record, cameras: listed }], stopActions: [{ ...stopRecord, cameras: listed }] };
    expect(problem(onInput)).toBeUndefined();
    expect(problem({ ...onInput, trigger: { type: 'inputActivated', sourceIds: ['cam-a'] } })).toMatchObject({ field: 'trigger.sourceIds[0]', message: 'input cam-a does not exist' });
    expect(problem({ ...onInput, trigger: { type: 'outputActivated', sourceIds: ['in-1'] } })).toMatchObject({ field: 'trigger.sourceIds[0]', message: 'output in-1 does not exist' });
    expect(problem({ ...onInput, trigger: { type: 'inputActivated', recordingModes: ['motion'] } })).toMatchObject({ field: 'trigger.recordingModes' });
    // An input is no camera; a hardware unit's event may name one (motion of a video source), so "the event's camera" is allowed there.
    expect(problem({ trigger: { type: 'inputActivated' } })).toMatchObject({ field: 'actions[0].cameras', message: expect.stringMatching(/does not come from a camera/) });
    expect(problem({ trigger: { type: 'deviceEvent', sourceIds: ['hw-1'] }, stop: { kind: 'after', seconds: 10 } })).toBeUndefined();
    expect(problem({ trigger: { type: 'deviceEvent', sourceIds: ['hw-2'] }, stop: { kind: 'after', seconds: 10 } })).toMatchObject({ field: 'trigger.sourceIds[0]', message: 'hardware hw-2 does not exist' });
    expect(problem({ trigger: { type: 'deviceEvent' }, stop: { kind: 'endEvent' } })).toMatchObject({ field: 'stop', message: expect.stringMatching(/no end event/) });
  });

  it('sets an output that exists and is enabled, and returns it to the other state as a stop action', () => {
    const withOutputs: RuleContext = { ...ctx, outputIds: new Set(['out-1', 'out-off']), disabledDeviceIds: new Set(['out-off']) };
    const onOff = (on: object, off: object) => ruleProblem({
      ...motionRule, trigger: { type: 'userDefined', definitionId: 'door' }, stop: { kind: 'after', seconds: 10 },
      actions: [{ type: 'setOutput', ...on }], stopActions: [{ type: 'setOutput', ...off }],
    } as RuleDefinition, withOutputs);
    expect(onOff({ outputId: 'out-1', state: 'on' }, { outputId: 'out-1', state: 'off' })).toBeUndefined();
    // A time rule: on within the profile, off at its end.
    expect(ruleProblem({
      kind: 'time', name: 'Lights', description: '', enabled: true, timeProfileId: 'night',
      actions: [{ type: 'setOutput', outputId: 'out-1', state: 'on' }], stopActions: [{ type: 'setOutput', outputId: 'out-1', state: 'off' }],
    }, withOutputs)).toBeUndefined();
    const cases: [object, object, string, RegExp][] = [
      [{ outputId: 'siren', state: 'on' }, { outputId: 'out-1', state: 'off' }, 'actions[0].outputId', /output siren does not exist/],
      // An input is no output.
      [{ outputId: 'in-1', state: 'on' }, { outputId: 'out-1', state: 'off' }, 'actions[0].outputId', /output in-1 does not exist/],
      [{ outputId: 'out-off', state: 'on' }, { outputId: 'out-1', state: 'off' }, 'actions[0].outputId', /output out-off is disabled/],
      [{ outputId: 'out-1', state: 'open' }, { outputId: 'out-1', state: 'off' }, 'actions[0].state', /on or off/],
      [{ outputId: 'out-1' }, { outputId: 'out-1', state: 'off' }, 'actions[0].state', /setOutput needs state/],
      [{ outputId: 'out-1', state: 'on' }, { outputId: 'out-1', state: 'on' }, 'stopActions[0].state', /as a stop action, set it off/],
    ];
    for (const [on, off, field, message] of cases) {
      expect(onOff(on, off), JSON.stringify([on, off])).toMatchObject({ field, message: expect.stringMatching(message) });
    }
  });

  it('refuses a trigger or stop on a time rule', () => {
    const timeRule = { kind: 'time', name: 'T', description: '', enabled: true, actions: [{ type: 'writeRuleLog', message: 'x' }], stopActions: [] };
    expect(ruleProblem({ ...timeRule, trigger: { type: 'motionStarted' } } as unknown as RuleDefinition, ctx)).toMatchObject({ field: 'trigger' });
  });

  it('accepts the default rules: recording with the cameras\' own buffers, feeds, recording modes', () => {
    expect(ruleProblem(BUILT_IN_RULES.recordOnMotion, ctx)).toBeUndefined();
    expect(ruleProblem(BUILT_IN_RULES.recordOnRequest, ctx)).toBeUndefined();
    expect(ruleProblem(BUILT_IN_RULES.startFeedAlways, ctx)).toBeUndefined();
  });
});
