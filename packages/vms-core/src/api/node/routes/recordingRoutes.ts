import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { VmsError } from '../../../base/common/errors';
import { EvidenceLockRequest, EvidenceLockSchema, ErrorBody, ManualRecordingResponse, SequencesResponse, TimeRangeQuery, TriggerEventRequest } from '../../common/schemas';
import type { ApiDeps } from '../apiDeps';
import { allowsCameraRight, audit, requireCameraRight } from '../access';
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
 * - Evidence locks need evidenceLockCreate on every camera of the lock; the list shows only
 *   locks whose cameras all grant evidenceLockView.
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
    schema: { operationId: 'triggerRecordingEvent', summary: 'An external event: cameras in event mode record pre-buffer + duration + post-buffer', tags: ['recordings'], params: CameraParams, body: TriggerEventRequest, response: { 200: ManualRecordingResponse, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody } },
  }, async (req) => {
    requireCameraRight(req, deps.clock.now(), req.params.cameraId, 'live');
    deps.config.getCamera(req.params.cameraId);
    const { until } = deps.recording.triggerEvent(req.params.cameraId, req.body.durationSeconds ?? 0);
    return { recording: true, until: iso(until) };
  });

  app.post('/api/evidence-locks', {
    schema: { operationId: 'createEvidenceLock', summary: 'Protect a time range of cameras from deletion until a date, or indefinitely', tags: ['recordings'], body: EvidenceLockRequest, response: { 201: EvidenceLockSchema, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody } },
  }, async (req, reply) => {
    const now = deps.clock.now();
    const from = parseInstant(req.body.from, 'from');
    for (const c of new Set(req.body.cameraIds)) requireCameraRight(req, now, c, 'evidenceLockCreate', from);
    const until = req.body.until ? parseInstant(req.body.until, 'until') : null;
    if (until !== null && until <= now) throw new VmsError('VMS_ERR_BAD_INPUT', '"until" must be in the future');
    const lock = deps.config.createEvidenceLock({
      cameraIds: req.body.cameraIds, from90k: from * 90, to90k: parseInstant(req.body.to, 'to') * 90,
      until, reason: req.body.reason, createdBy: req.user.username,
    }, now);
    const body = lockBody(lock);
    audit(deps, req, { action: 'createEvidenceLock', target: lock.id, details: { lock: body } });
    return reply.status(201).send(body);
  });

  app.get('/api/evidence-locks', {
    schema: { operationId: 'listEvidenceLocks', summary: 'Evidence locks, active and expired, whose cameras all grant the caller evidenceLockView', tags: ['recordings'], response: { 200: Type.Array(EvidenceLockSchema) } },
  }, async (req) => {
    const now = deps.clock.now();
    return deps.config.listEvidenceLocks().filter((l) => l.cameraIds.every((c) => allowsCameraRight(req, now, c, 'evidenceLockView'))).map(lockBody);
  });
};

function lockBody(l: { id: string; cameraIds: string[]; from90k: number; to90k: number; until: number | null; reason: string; createdBy: string; createdAt: number }) {
  return { id: l.id, cameraIds: l.cameraIds, from: isoOf90k(l.from90k), to: isoOf90k(l.to90k), until: l.until === null ? null : iso(l.until), reason: l.reason, createdBy: l.createdBy, createdAt: iso(l.createdAt) };
}
