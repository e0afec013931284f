import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { VmsError } from '../../../base/common/errors';
import { ErrorBody, ManualRecordingResponse, SequencesResponse, TimeRangeQuery, TriggerEventRequest } from '../../common/schemas';
import type { ApiDeps } from '../apiDeps';
import { requireCameraRight } from '../access';
import { iso, isoOf90k, parseInstant } from '../server';

const CameraParams = Type.Object({ cameraId: Type.String() });
/** Listing more than this in one call is refused; clients page by time. */
const MAX_RANGE_MS = 400 * 24 * 3600_000;

/*
 * Rights (the model is in management/common/permissions.ts):
 * - listSequences needs playback. Outside the schedule of every playback grant it is refused
 *   (403); a "last N days" limit clips the range instead, since what is left is still useful.
 * - Manual recording and external events need live: they are what an operator watching the
 *   live picture does, and they only add recordings, never show or remove any.
 * Evidence locks are in evidenceLockRoutes.ts, bookmarks in bookmarkRoutes.ts.
 */

export const recordingRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/cameras/:cameraId/sequences', {
    schema: {
      operationId: 'listSequences', summary: 'Recorded and motion ranges of a camera between two instants', tags: ['recordings'],
      params: CameraParams, querystring: TimeRangeQuery, response: { 200: SequencesResponse, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (req) => {
    const now = deps.clock.now();
    const access = requireCameraRight(req, now, req.params.cameraId, 'playback');
    deps.config.getCamera(req.params.cameraId);
    const asked = parseInstant(req.query.from, 'from');
    const to = parseInstant(req.query.to, 'to');
    if (!(to > asked)) throw new VmsError('VMS_ERR_BAD_INPUT', '"to" must be after "from"');
    if (to - asked > MAX_RANGE_MS) throw new VmsError('VMS_ERR_BAD_INPUT', 'range too long: at most 400 days per call');
    const from = Math.max(asked, access.earliestMedia ?? -Infinity);
    if (to <= from) return { cameraId: req.params.cameraId, recordings: [], motion: [] };
    const [list] = deps.media.listSequences([req.params.cameraId], from * 90, to * 90, now * 90);
    const spans = (s: { start90k: number; end90k: number }[]) => s.map((x) => ({ start: isoOf90k(x.start90k), end: isoOf90k(x.end90k) }));
    return { cameraId: req.params.cameraId, recordings: spans(list!.recordings), motion: spans(list!.motion) };
  });

  app.post('/api/cameras/:cameraId/manual-recording', {
    schema: { operationId: 'startManualRecording', summary: 'Record now, until stopped or the camera\'s manual maximum', tags: ['recordings'], params: CameraParams, response: { 200: ManualRecordingResponse, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } },
  }, async (req) => {
    requireCameraRight(req, deps.clock.now(), req.params.cameraId, 'live');
    deps.config.getCamera(req.params.cameraId);
    const { until } = deps.recording.startManualRecording(req.params.cameraId);
    return { recording: true, until: iso(until) };
  });

  app.delete('/api/cameras/:cameraId/manual-recording', {
    schema: { operationId: 'stopManualRecording', summary: 'Stop a manual recording', tags: ['recordings'], params: CameraParams, response: { 200: ManualRecordingResponse, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } },
  }, async (req) => {
    requireCameraRight(req, deps.clock.now(), req.params.cameraId, 'live');
    deps.config.getCamera(req.params.cameraId);
    deps.recording.stopManualRecording(req.params.cameraId);
    return { recording: false, until: null };
  });

  app.post('/api/cameras/:cameraId/events', {
    schema: { operationId: 'triggerRecordingEvent', summary: 'An external event: a camera in mode event records pre-buffer + duration + post-buffer (through the "Record on request" rule); 409 in modes motion, manual and never', tags: ['recordings'], params: CameraParams, body: TriggerEventRequest, response: { 200: ManualRecordingResponse, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } },
  }, async (req) => {
    requireCameraRight(req, deps.clock.now(), req.params.cameraId, 'live');
    deps.config.getCamera(req.params.cameraId);
    const { until } = deps.recording.triggerEvent(req.params.cameraId, req.body.durationSeconds ?? 0);
    return { recording: true, until: iso(until) };
  });
};
