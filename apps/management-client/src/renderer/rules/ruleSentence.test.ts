import { describe, expect, it } from 'vitest';
import { ruleSentence, sentenceText } from './ruleSentence';
import type { RuleNames, SentenceRule } from './ruleSentence';

const table: Record<string, string> = {
  c1: 'Front door', c2: 'Back door', c3: 'Yard', c4: 'Gate', p1: 'Office hours', u1: 'Panic button', g1: 'Door forced', s1: 'Live storage', a1: 'Lobby VCA',
};
const lookup = (id: string) => table[id];
const names: RuleNames = { camera: lookup, timeProfile: lookup, userDefinedEvent: lookup, genericEvent: lookup, analyticsSource: lookup, storage: lookup, server: lookup };
const read = (rule: SentenceRule) => sentenceText(ruleSentence(rule, names));

describe('rule sentence', () => {
  it('reads an event rule with sources, a profile and stop actions on the end event', () => {
    const rule: SentenceRule = {
      kind: 'event', trigger: { type: 'motionStarted', sourceIds: ['c1', 'c2'] }, timeProfileId: 'p1',
      actions: [{ type: 'startRecording', cameras: { kind: 'eventSource' }, preSeconds: 3 }],
      stop: { kind: 'endEvent' }, stopActions: [{ type: 'stopRecording', cameras: { kind: 'eventSource' }, postSeconds: 5 }],
    };
    expect(read(rule)).toBe(
      "On Motion started from Front door and Back door within Office hours perform start recording on the event's camera, 3 s before, " +
      "and on Motion stopped perform stop recording on the event's camera, 5 s after",
    );
    const terms = ruleSentence(rule, names).filter((p) => p.term).map((p) => p.text);
    expect(terms).toEqual(['Motion started', 'Front door', 'Back door', 'Office hours', "the event's camera", '3 s', 'Motion stopped', "the event's camera", '5 s']);
  });

  it('says any source when none are listed, and names defined events', () => {
    expect(read({ kind: 'event', trigger: { type: 'storageFull' }, actions: [{ type: 'writeRuleLog', message: 'full' }] }))
      .toBe('On Storage full from any storage perform write “full” to the rule log');
    expect(read({
      kind: 'event', trigger: { type: 'userDefined', definitionId: 'u1' },
      actions: [{ type: 'createBookmark', cameras: { kind: 'cameras', cameraIds: ['c1', 'c2', 'c3', 'c4', 'c9'] }, header: 'Panic', description: '', preSeconds: 5, postSeconds: 5 }],
      stop: { kind: 'after', seconds: 60 }, stopActions: [{ type: 'triggerUserDefinedEvent', userDefinedEventId: 'gone' }],
    })).toBe('On user-defined event Panic button perform create bookmark “Panic” on Front door, Back door, Yard and 2 more, and 60 s later perform trigger gone');
  });

  it('reads time rules with and without a profile', () => {
    expect(read({ kind: 'time', timeProfileId: 'p1', actions: [{ type: 'startRecording', cameras: { kind: 'allCameras' }, preSeconds: 0 }], stopActions: [{ type: 'stopRecording', cameras: { kind: 'allCameras' }, postSeconds: 0 }] }))
      .toBe('Within Office hours perform start recording on all cameras, 0 s before, and when it ends perform stop recording on all cameras, 0 s after');
    expect(read({ kind: 'time', actions: [{ type: 'gotoPtzPreset', cameraId: 'c3', presetToken: 'home' }, { type: 'writeRuleLog', message: 'x' }] }))
      .toBe('Always perform move Yard to preset home and write “x” to the rule log');
    // The built-in "start feed always" rule, with actions this site carries out through the cameras.
    expect(read({ kind: 'time', actions: [{ type: 'startFeed', cameras: { kind: 'allCameras' } }], stopActions: [{ type: 'stopFeed', cameras: { kind: 'allCameras' } }] }))
      .toBe('Always perform start the feed on all cameras, and when stopped perform stop the feed on all cameras');
  });

  it('reads the cameras\' recording modes of camera events, as the default rules have them', () => {
    // The default rule "Record on motion", as the site stores it.
    expect(read({
      kind: 'event', trigger: { type: 'motionStarted', recordingModes: ['motion'] }, actions: [{ type: 'startRecording', cameras: { kind: 'eventSource' } }],
      stop: { kind: 'endEvent' }, stopActions: [{ type: 'stopRecording', cameras: { kind: 'eventSource' } }],
    })).toBe("On Motion started from cameras in recording mode Motion perform start recording on the event's camera, from its pre-buffer, " +
      "and on Motion stopped perform stop recording on the event's camera, after its post-buffer");
    expect(read({ kind: 'event', trigger: { type: 'connectionLost', sourceIds: ['c1', 'c2'], recordingModes: ['motion', 'event'] }, actions: [{ type: 'writeRuleLog', message: 'x' }] }))
      .toBe('On Connection lost from Front door and Back door when in recording mode Motion or Event perform write “x” to the rule log');
  });

  it('reads analytics events with their source and rule name', () => {
    const log = [{ type: 'writeRuleLog', message: 'seen' }];
    expect(read({ kind: 'event', trigger: { type: 'analytics', definitionId: 'a1', ruleName: 'Loitering' }, actions: log }))
      .toBe('On analytics event “Loitering” from Lobby VCA perform write “seen” to the rule log');
    expect(read({ kind: 'event', trigger: { type: 'analytics', definitionId: 'a1' }, actions: log })).toBe('On any analytics event from Lobby VCA perform write “seen” to the rule log');
  });

  it('reads inputs, outputs and hardware as sources, and setting an output', () => {
    const devices: Record<string, string> = { i1: 'Gate contact', o1: 'Gate siren', h1: 'Gate IO box' };
    const withDevices: RuleNames = { ...names, device: (id) => devices[id], hardware: (id) => devices[id] };
    expect(sentenceText(ruleSentence({
      kind: 'event', trigger: { type: 'inputActivated', sourceIds: ['i1'] }, actions: [{ type: 'setOutput', outputId: 'o1', state: 'on' }],
      stop: { kind: 'endEvent' }, stopActions: [{ type: 'setOutput', outputId: 'o1', state: 'off' }],
    }, withDevices))).toBe('On Input activated from Gate contact perform switch Gate siren on, and on Input deactivated perform switch Gate siren off');
    expect(sentenceText(ruleSentence({ kind: 'event', trigger: { type: 'deviceEvent', sourceIds: ['h1'] }, actions: [{ type: 'writeRuleLog', message: 'x' }] }, withDevices)))
      .toBe('On Device event (ONVIF) from Gate IO box perform write “x” to the rule log');
    // Without device names (an older caller), ids read as themselves.
    expect(read({ kind: 'event', trigger: { type: 'outputActivated' }, actions: [{ type: 'setOutput', outputId: 'o1', state: 'off' }] }))
      .toBe('On Output activated from any output perform switch o1 off');
  });

  it('leaves out stop actions an event rule has no stop for, and says when there is nothing to do', () => {
    expect(read({ kind: 'event', trigger: { type: 'generic', definitionId: 'g1' }, actions: [], stopActions: [{ type: 'writeRuleLog', message: 'x' }] }))
      .toBe('On generic event Door forced perform nothing yet');
  });
});
