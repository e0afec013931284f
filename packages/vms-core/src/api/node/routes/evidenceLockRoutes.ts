import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { VmsError } from '../../../base/common/errors';
import { jsonDiff } from '../../../management/common/audit';
import type { EvidenceLockRecord } from '../../../management/common/evidence';
import { EvidenceLockListQuery, ExtendEvidenceLockRequest } from '../../common/bookmarkSchemas';
import { ErrorBody, EvidenceLockRequest, EvidenceLockSchema } from '../../common/schemas';
import { allowsOnEveryCamera, audit, requireCameraRight, requireOnEveryCamera } from '../access';
import type { ApiDeps } from '../apiDeps';
import { iso, isoOf90k, parseInstant } from '../server';

const LockParams = Type.Object({ lockId: Type.String() });

/*
 * Evidence locks keep a time range of some cameras from retention and deletion until a date
 * or indefinitely (media-db/node/retention.ts honours them). A lock spans cameras, so every
 * right is checked on all of them (management/common/permissions.ts, allowedOnEveryCamera):
 * - create needs evidenceLockCreate, reaching back to the start of the range;
 * - view (get, list) needs evidenceLockView; the list leaves out locks the caller may not see,
 *   and asking for a camera's locks without the right on that camera is refused;
 * - extend needs evidenceLockExtend and only moves the end later (shortening is deleting);
 * - delete needs evidenceLockDelete; the next storage upkeep may then delete the recordings.
 * A lock that does not exist answers 404 before any right is checked: its id is a random UUID.
 */
export const evidenceLockRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
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
    deps.changes.fire({ type: 'evidenceLock', action: 'created', lockId: lock.id, cameraIds: lock.cameraIds });
    return reply.status(201).send(body);
  });

  app.get('/api/evidence-locks', {
    schema: {
      operationId: 'listEvidenceLocks', summary: 'Evidence locks, active and expired, whose cameras all grant the caller evidenceLockView',
      tags: ['recordings'], querystring: EvidenceLockListQuery, response: { 200: Type.Array(EvidenceLockSchema), 403: ErrorBody },
    },
  }, async (req) => {
    const now = deps.clock.now();
    if (req.query.cameraId !== undefined) requireCameraRight(req, now, req.query.cameraId, 'evidenceLockView');
    return deps.config.listEvidenceLocks(req.query.cameraId === undefined ? {} : { cameraId: req.query.cameraId })
      .filter((l) => allowsOnEveryCamera(req, now, l.cameraIds, 'evidenceLockView')).map(lockBody);
  });

  app.get('/api/evidence-locks/:lockId', {
    schema: { operationId: 'getEvidenceLock', summary: 'One evidence lock; needs evidenceLockView on all its cameras', tags: ['recordings'], params: LockParams, response: { 200: EvidenceLockSchema, 403: ErrorBody, 404: ErrorBody } },
  }, async (req) => {
    const lock = deps.config.getEvidenceLock(req.params.lockId);
    requireOnEveryCamera(req, deps.clock.now(), lock.cameraIds, 'evidenceLockView');
    return lockBody(lock);
  });

  app.patch('/api/evidence-locks/:lockId', {
    schema: {
      operationId: 'extendEvidenceLock', summary: 'Keep a lock longer: a later end, or indefinitely; needs evidenceLockExtend on all its cameras',
      tags: ['recordings'], params: LockParams, body: ExtendEvidenceLockRequest, response: { 200: EvidenceLockSchema, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (req) => {
    const now = deps.clock.now();
    const before = deps.config.getEvidenceLock(req.params.lockId);
    requireOnEveryCamera(req, now, before.cameraIds, 'evidenceLockExtend');
    const until = req.body.until === null ? null : parseInstant(req.body.until, 'until');
    const after = deps.config.extendEvidenceLock(before.id, until, req.user.username, now);
    audit(deps, req, { action: 'extendEvidenceLock', target: after.id, details: { changes: jsonDiff({ until: lockBody(before).until }, { until: lockBody(after).until }) } });
    deps.changes.fire({ type: 'evidenceLock', action: 'extended', lockId: after.id, cameraIds: after.cameraIds });
    return lockBody(after);
  });

  app.delete('/api/evidence-locks/:lockId', {
    schema: {
      operationId: 'deleteEvidenceLock', summary: 'Remove a lock: retention may then delete what it protected; needs evidenceLockDelete on all its cameras',
      tags: ['recordings'], params: LockParams, response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody },
    },
  }, async (req, reply) => {
    const lock = deps.config.getEvidenceLock(req.params.lockId);
    requireOnEveryCamera(req, deps.clock.now(), lock.cameraIds, 'evidenceLockDelete');
    deps.config.deleteEvidenceLock(lock.id);
    audit(deps, req, { action: 'deleteEvidenceLock', target: lock.id, details: { lock: lockBody(lock) } });
    deps.changes.fire({ type: 'evidenceLock', action: 'deleted', lockId: lock.id, cameraIds: lock.cameraIds });
    return reply.status(204).send(null);
  });
};

function lockBody(l: EvidenceLockRecord) {
  return {
    id: l.id, cameraIds: l.cameraIds, from: isoOf90k(l.from90k), to: isoOf90k(l.to90k), until: l.until === null ? null : iso(l.until),
    reason: l.reason, createdBy: l.createdBy, createdAt: iso(l.createdAt), updatedBy: l.updatedBy, updatedAt: l.updatedAt === null ? null : iso(l.updatedAt),
  };
}
