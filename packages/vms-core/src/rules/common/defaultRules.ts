/**
 * The rules every site starts with, as the seed VMS has them: start the feed of every camera,
 * record on motion, record on request. Here the recording server already does all three
 * through each camera's recording mode, so these rules describe that behaviour in the rule
 * sentence rather than run it a second time:
 *
 * | built-in rule      | carried out by                                                                          |
 * | ------------------ | --------------------------------------------------------------------------------------- |
 * | startFeedAlways    | RecordingServer keeps a connection to every enabled camera (`camera.enabled`)            |
 * | recordOnMotion     | cameras in mode `motion`: motion detection drives the recorder, with its pre/post buffer |
 * | recordOnRequest    | startManualRecording (any mode but `never`) and triggerRecordingEvent (mode `event`)     |
 *
 * The pre/post seconds shown are the cameras' default buffers; each camera's own apply.
 * Mode `always` is recording without a rule; mode `never` turns the last two off for a camera.
 * The rule engine skips built-in rules, and they cannot be changed or deleted: the camera's
 * recording mode is where an administrator changes what they do.
 */
import { defaultRecordingPolicy } from '../../recording/common/recordingPolicy';
import type { BuiltInRuleId, EventRuleDefinition, RuleDefinition, TimeRuleDefinition } from './rule';

const startFeedAlways: TimeRuleDefinition = {
  kind: 'time', name: 'Start feed always', enabled: true,
  description: 'Keeps every enabled camera connected. Carried out by the recording server for every camera whose "enabled" is on.',
  actions: [{ type: 'startFeed', cameras: { kind: 'allCameras' } }],
  stopActions: [{ type: 'stopFeed', cameras: { kind: 'allCameras' } }],
};

const recordOnMotion: EventRuleDefinition = {
  kind: 'event', name: 'Record on motion', enabled: true,
  description: 'Records while a camera sees motion, with the camera\'s pre- and post-buffer. Carried out by the recording server for cameras in recording mode "motion".',
  trigger: { type: 'motionStarted' },
  actions: [{ type: 'startRecording', cameras: { kind: 'eventSource' }, preSeconds: defaultRecordingPolicy.preBufferSeconds }],
  stop: { kind: 'endEvent' },
  stopActions: [{ type: 'stopRecording', cameras: { kind: 'eventSource' }, postSeconds: defaultRecordingPolicy.postBufferSeconds }],
};

const recordOnRequest: EventRuleDefinition = {
  kind: 'event', name: 'Record on request', enabled: true,
  description: 'Records when an operator or the API asks (manual recording, recording events). Carried out by the recording server for every camera whose mode is not "never".',
  trigger: { type: 'recordingRequested' },
  actions: [{ type: 'startRecording', cameras: { kind: 'eventSource' }, preSeconds: defaultRecordingPolicy.preBufferSeconds }],
  stop: { kind: 'endEvent' },
  stopActions: [{ type: 'stopRecording', cameras: { kind: 'eventSource' }, postSeconds: defaultRecordingPolicy.postBufferSeconds }],
};

export const BUILT_IN_RULES: Record<BuiltInRuleId, RuleDefinition> = { startFeedAlways, recordOnMotion, recordOnRequest };

/** Stable ids the built-in rules are stored under (migration 007 inserts them). */
export const BUILT_IN_RULE_STORE_IDS: Record<BuiltInRuleId, string> = {
  startFeedAlways: 'builtin-start-feed-always',
  recordOnMotion: 'builtin-record-on-motion',
  recordOnRequest: 'builtin-record-on-request',
};
