/**
 * The rules every site starts with, as the seed VMS has them: start the feed of every camera,
 * record on motion, record on request. They are ordinary rules that the engine runs (migration
 * 011 turned the rows migration 007 inserted into these sentences): disabling "Record on
 * motion" stops motion recording, deleting "Start feed always" disconnects the cameras.
 *
 * Each camera's recording policy (management's Camera.policy) still says what that camera
 * does; the rules read it rather than repeat it:
 *
 * | default rule       | sentence                                                                              | the camera's policy decides                    |
 * | ------------------ | ------------------------------------------------------------------------------------- | ---------------------------------------------- |
 * | Start feed always  | always: start the feed of all cameras; at its end stop it                             | `enabled`: a disabled camera has no feed        |
 * | Record on motion   | on motion started from cameras in mode motion: record the event's camera from its pre-buffer; on motion stopped stop after its post-buffer | which cameras (mode), how long before and after |
 * | Record on request  | on recording requested: record the event's camera from its pre-buffer; on the request's end stop at once | which requests (manual: any mode but never; recording events: mode event), pre-buffer; an event request already lasts its duration plus the post-buffer |
 *
 * Mode `always` records without any rule; mode `never` refuses every hold, so no rule records
 * such a camera. A startRecording without preSeconds (stopRecording without postSeconds) uses
 * the camera's own buffer: that is how one rule serves cameras with different buffers.
 */
import type { BuiltInRuleId, EventRuleDefinition, RuleDefinition, TimeRuleDefinition } from './rule';

const startFeedAlways: TimeRuleDefinition = {
  kind: 'time', name: 'Start feed always', enabled: true,
  description: 'Keeps every enabled camera connected, cameras added later too. Without a feed a camera neither records nor shows live video.',
  actions: [{ type: 'startFeed', cameras: { kind: 'allCameras' } }],
  stopActions: [{ type: 'stopFeed', cameras: { kind: 'allCameras' } }],
};

const recordOnMotion: EventRuleDefinition = {
  kind: 'event', name: 'Record on motion', enabled: true,
  description: 'Records cameras in recording mode "motion" while they see motion, with each camera\'s pre- and post-buffer.',
  trigger: { type: 'motionStarted', recordingModes: ['motion'] },
  actions: [{ type: 'startRecording', cameras: { kind: 'eventSource' } }],
  stop: { kind: 'endEvent' },
  stopActions: [{ type: 'stopRecording', cameras: { kind: 'eventSource' } }],
};

const recordOnRequest: EventRuleDefinition = {
  kind: 'event', name: 'Record on request', enabled: true,
  description: 'Records when an operator starts manual recording or the API sends a recording event, from the camera\'s pre-buffer until the request ends.',
  trigger: { type: 'recordingRequested' },
  actions: [{ type: 'startRecording', cameras: { kind: 'eventSource' } }],
  stop: { kind: 'endEvent' },
  stopActions: [{ type: 'stopRecording', cameras: { kind: 'eventSource' }, postSeconds: 0 }],
};

export const BUILT_IN_RULES: Record<BuiltInRuleId, RuleDefinition> = { startFeedAlways, recordOnMotion, recordOnRequest };

/** Stable ids the default rules are stored under (migration 007 inserts them, 011 gives them these sentences). */
export const BUILT_IN_RULE_STORE_IDS: Record<BuiltInRuleId, string> = {
  startFeedAlways: 'builtin-start-feed-always',
  recordOnMotion: 'builtin-record-on-motion',
  recordOnRequest: 'builtin-record-on-request',
};
