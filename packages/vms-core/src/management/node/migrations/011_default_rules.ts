import type { Migration } from '../../../base/node/sqlite';

/**
 * The default rules become rules the engine runs (issue 6; rules/common/defaultRules.ts).
 * Migration 007 inserted them with an empty definition, their sentence taken from the code and
 * carried out by the recording modes; from here the sentence is stored like any rule's, the
 * engine runs it (the recorder records motion and requests only through rules' holds), and an
 * administrator may change, disable or delete it. `built_in` stays, saying which default rule a
 * row began as.
 *
 * The sentences are written out here, not read from defaultRules.ts: a migration must keep
 * doing what it did when it was written. A site created before this keeps its behaviour: the
 * rules do what the modes did.
 */
const DEFINITIONS: [id: string, definition: string][] = [
  ['builtin-start-feed-always', JSON.stringify({
    kind: 'time',
    description: 'Keeps every enabled camera connected, cameras added later too. Without a feed a camera neither records nor shows live video.',
    actions: [{ type: 'startFeed', cameras: { kind: 'allCameras' } }],
    stopActions: [{ type: 'stopFeed', cameras: { kind: 'allCameras' } }],
  })],
  ['builtin-record-on-motion', JSON.stringify({
    kind: 'event',
    description: 'Records cameras in recording mode "motion" while they see motion, with each camera\'s pre- and post-buffer.',
    trigger: { type: 'motionStarted', recordingModes: ['motion'] },
    actions: [{ type: 'startRecording', cameras: { kind: 'eventSource' } }],
    stop: { kind: 'endEvent' },
    stopActions: [{ type: 'stopRecording', cameras: { kind: 'eventSource' } }],
  })],
  ['builtin-record-on-request', JSON.stringify({
    kind: 'event',
    description: 'Records when an operator starts manual recording or the API sends a recording event, from the camera\'s pre-buffer until the request ends.',
    trigger: { type: 'recordingRequested' },
    actions: [{ type: 'startRecording', cameras: { kind: 'eventSource' } }],
    stop: { kind: 'endEvent' },
    stopActions: [{ type: 'stopRecording', cameras: { kind: 'eventSource' }, postSeconds: 0 }],
  })],
];

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

export const m011DefaultRules: Migration = {
  version: 11,
  name: 'default_rules',
  sql: DEFINITIONS.map(([id, definition]) => `UPDATE rule SET definition = ${quote(definition)} WHERE id = ${quote(id)} AND built_in IS NOT NULL;`).join('\n'),
};
