import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { VmsError } from '../../../base/common/errors';
import { EvidenceLockRequest, EvidenceLockSchema, ErrorBody, ManualRecordingResponse, SequencesResponse, TimeRangeQuery, TriggerEventRequest } from '../../common/schemas';
import type { ApiDeps } from '../apiDeps';
import { iso, isoOf90k, parseInstant } from '../server';

const CameraParams = Type.Object({ cameraId: Type.String() });
/** Listing more than this in one call is refused; clients page by time. */
const MAX_RANGE_MS = 400 * 24 * 3600_000;

export const recordingRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  app.get('/api/cameras/:cameraId/sequences', {
    schema: {
      operationId: 'listSequences', summary: 'Recorded and motion ranges of a camera between two instants', tags: ['recordings'],
      params: CameraParams, querystring: TimeRangeQuery, response: { 200: SequencesResponse, 400: ErrorBody, 404: ErrorBody },
    },
  }, async (req) => {
    deps.config.getCamera(req.params.cameraId);
    const from = parseInstant(req.query.from, 'from');
    const to = parseInstant(req.query.to, 'to');
    if (!(to > from)) throw new VmsError('VMS_ERR_BAD_INPUT', '"to" must be after "from"');
    if (to - from > MAX_RANGE_MS) throw new VmsError('VMS_ERR_BAD_INPUT', 'range too long: at most 400 days per call');
    const [list] = deps.media.listSequences([req.params.cameraId], from * 90, to * 90, deps.clock.now() * 90);
    const spans = (s: { start90k: number; end90k: number }[]) => s.map((x) => ({ start: isoOf90k(x.start90k), end: isoOf90k(x.end90k) }));
    return { cameraId: req.params.cameraId, recordings: spans(list!.recordings), motion: spans(list!.motion) };
  });

  app.post('/api/cameras/:cameraId/manual-recording', {
    schema: { operationId: 'startManualRecording', summary: 'Record now, until stopped or the camera\'s manual maximum', tags: ['recordings'], params: CameraParams, response: { 200: ManualRecordingResponse, 404: ErrorBody, 409: ErrorBody } },
  }, async (req) => {
    deps.config.getCamera(req.params.cameraId);
    const { until } = deps.recording.startManualRecording(req.params.cameraId);
    return { recording: true, until: iso(until) };
  });

  app.delete('/api/cameras/:cameraId/manual-recording', {
    schema: { operationId: 'stopManualRecording', summary: 'Stop a manual recording', tags: ['recordings'], params: CameraParams, response: { 200: ManualRecordingResponse, 404: ErrorBody, 409: ErrorBody } },
  }, async (req) => {
    deps.config.getCamera(req.params.cameraId);
    deps.recording.stopManualRecording(req.params.cameraId);
    return { recording: false, until: null };
  });

  app.post('/api/cameras/:cameraId/events', {
    schema: { operationId: 'triggerRecordingEvent', summary: 'An external event: cameras in event mode record pre-buffer + duration + post-buffer', tags: ['recordings'], params: CameraParams, body: TriggerEventRequest, response: { 200: ManualRecordingResponse, 404: ErrorBody, 409: ErrorBody } },
  }, async (req) => {
    deps.config.getCamera(req.params.cameraId);
    const { until } = deps.recording.triggerEvent(req.params.cameraId, req.body.durationSeconds ?? 0);
    return { recording: true, until: iso(until) };
  });

  app.post('/api/evidence-locks', {
    schema: { operationId: 'createEvidenceLock', summary: 'Protect a time range of cameras from deletion until a date, or indefinitely', tags: ['recordings'], body: EvidenceLockRequest, response: { 201: EvidenceLockSchema, 400: ErrorBody, 404: ErrorBody } },
  }, async (req, reply) => {
    const now = deps.clock.now();
    const until = req.body.until ? parseInstant(req.body.until, 'until') : null;
    if (until !== null && until <= now) throw new VmsError('VMS_ERR_BAD_INPUT', '"until" must be in the future');
    const lock = deps.config.createEvidenceLock({
      cameraIds: req.body.cameraIds, from90k: parseInstant(req.body.from, 'from') * 90, to90k: parseInstant(req.body.to, 'to') * 90,
      until, reason: req.body.reason, createdBy: req.user.username,
    }, now);
    return reply.status(201).send(lockBody(lock));
  });

  app.get('/api/evidence-locks', {
    schema: { operationId: 'listEvidenceLocks', summary: 'Evidence locks, active and expired', tags: ['recordings'], response: { 200: Type.Array(EvidenceLockSchema) } },
  }, async () => deps.config.listEvidenceLocks().map(lockBody));
};

function lockBody(l: { id: string; cameraIds: string[]; from90k: number; to90k: number; until: number | null; reason: string; createdBy: string; createdAt: number }) {
  return { id: l.id, cameraIds: l.cameraIds, from: isoOf90k(l.from90k), to: isoOf90k(l.to90k), until: l.until === null ? null : iso(l.until), reason: l.reason, createdBy: l.createdBy, createdAt: iso(l.createdAt) };
}
