import { createReadStream } from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { VmsError } from '../../../base/common/errors';
import { checkCameraAccess, isAdministrators } from '../../../management/common/permissions';
import type { ExportJob } from '../../../streaming/node/export/exportJobs';
import { ErrorBody } from '../../common/schemas';
import { CreateExportRequest, ExportJobSchema } from '../../common/mediaSchemas';
import type { ApiDeps } from '../apiDeps';
import { audit, isAdministrator, requireCameraRight } from '../access';
import { queryToken } from '../mediaAccess';
import { MEDIA_TOKEN_LIFETIME_MS } from '../mediaTokens';
import { iso, isoOf90k, parseInstant } from '../server';

const JobParams = Type.Object({ jobId: Type.String() });

/** A download token names the job (not a camera), so one job's link never opens another's. */
const jobSubject = (jobId: string) => `export:${jobId}`;

export const exportRoutes = (deps: ApiDeps): FastifyPluginAsyncTypebox => async (app) => {
  const { exports: jobs, tokens } = deps.mediaServices;

  const body = (req: FastifyRequest, j: ExportJob) => {
    const expiresAt = deps.clock.now() + MEDIA_TOKEN_LIFETIME_MS;
    const token = tokens.issue({ userId: req.user.id, sessionId: req.sessionId, cameraId: jobSubject(j.id), right: 'export', expiresAt });
    return {
      id: j.id, state: j.state, progress: j.progress, format: j.request.format, cameraIds: j.request.cameraIds,
      from: isoOf90k(j.request.from90k), to: isoOf90k(j.request.to90k), createdAt: iso(j.createdAtMs),
      ...(j.finishedAtMs ? { finishedAt: iso(j.finishedAtMs) } : {}), ...(j.error ? { error: j.error } : {}),
      files: j.files.map((f) => ({ ...f, downloadUrl: `/media/exports/${j.id}/${encodeURIComponent(f.name)}?token=${token}` })),
    };
  };

  /** Only its owner (or an administrator) sees a job; others get the same 404 as for no job. */
  const ownJob = (req: FastifyRequest, jobId: string): ExportJob => {
    const j = jobs.get(jobId);
    if (!j || (j.userId !== req.user.id && !isAdministrator(req))) throw new VmsError('VMS_ERR_NOT_FOUND', `export ${jobId} does not exist`);
    return j;
  };

  app.post('/api/exports', {
    schema: {
      operationId: 'createExport', summary: 'Queue an export of a time range of cameras (MP4, MKV or a signed native bundle)', tags: ['export'],
      body: CreateExportRequest,
      response: { 202: ExportJobSchema, 400: ErrorBody, 403: ErrorBody, 404: ErrorBody },
    },
  }, async (req, reply) => {
    const from = parseInstant(req.body.from, 'from');
    const to = parseInstant(req.body.to, 'to');
    if (!(to > from)) throw new VmsError('VMS_ERR_BAD_INPUT', '"to" must be after "from"');
    if (req.body.password && req.body.format !== 'native') throw new VmsError('VMS_ERR_BAD_INPUT', 'only native exports can be encrypted');
    for (const c of req.body.cameraIds) {
      deps.config.getCamera(c);
      requireCameraRight(req, deps.clock.now(), c, 'export', from);
    }
    const job = jobs.submit(req.user.id, {
      cameraIds: req.body.cameraIds, from90k: from * 90, to90k: to * 90, format: req.body.format,
      ...(req.body.password ? { password: req.body.password } : {}),
    });
    audit(deps, req, { action: 'createExport', target: job.id, details: { cameraIds: req.body.cameraIds, from: req.body.from, to: req.body.to, format: req.body.format, encrypted: !!req.body.password } });
    return reply.status(202).send(body(req, job));
  });

  app.get('/api/exports', {
    schema: { operationId: 'listExports', summary: 'Export jobs of the signed-in user (all jobs for administrators)', tags: ['export'], response: { 200: Type.Array(ExportJobSchema) } },
  }, async (req) => jobs.list(isAdministrator(req) ? undefined : req.user.id).map((j) => body(req, j)));

  app.get('/api/exports/:jobId', {
    schema: { operationId: 'getExportJob', summary: 'State, progress and files of an export job', tags: ['export'], params: JobParams, response: { 200: ExportJobSchema, 404: ErrorBody } },
  }, async (req) => body(req, ownJob(req, req.params.jobId)));

  app.delete('/api/exports/:jobId', {
    schema: { operationId: 'cancelExport', summary: 'Cancel a queued or running export (its partial output is removed)', tags: ['export'], params: JobParams, response: { 200: ExportJobSchema, 404: ErrorBody, 409: ErrorBody } },
  }, async (req) => {
    ownJob(req, req.params.jobId);
    if (!(await jobs.cancel(req.params.jobId))) throw new VmsError('VMS_ERR_CONFLICT', 'the export has already finished');
    audit(deps, req, { action: 'cancelExport', target: req.params.jobId });
    return body(req, jobs.get(req.params.jobId)!);
  });

  app.get('/api/exports/:jobId/files/:name', {
    schema: {
      operationId: 'downloadExport', summary: 'Download one file of a finished export', tags: ['export'],
      params: Type.Object({ jobId: Type.String(), name: Type.String() }),
      response: { 200: { description: 'the exported file', content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } } }, 404: ErrorBody },
    },
  }, async (req, reply) => {
    const job = ownJob(req, req.params.jobId);
    for (const c of job.request.cameraIds) requireCameraRight(req, deps.clock.now(), c, 'export');
    const file = await jobs.resolveDownload(job.id, req.params.name);
    audit(deps, req, { action: 'downloadExport', target: job.id, details: { file: req.params.name } });
    return sendFile(reply, file, req.params.name);
  });

  // The same download for links (a browser cannot add a bearer header to a link).
  app.get('/media/exports/:jobId/:name', { schema: { hide: true } }, async (req, reply) => {
    const { jobId, name } = req.params as { jobId: string; name: string };
    const now = deps.clock.now();
    const grant = tokens.verify(queryToken(req), { cameraId: jobSubject(jobId), rights: ['export'], now });
    if (!deps.identity.sessionActive(grant.sessionId)) throw new VmsError('VMS_ERR_UNAUTHENTICATED', 'the sign-in behind this link has ended');
    const job = jobs.get(jobId);
    const roles = deps.roles.rolesOfUser(grant.userId);
    if (!job || (job.userId !== grant.userId && !roles.some(isAdministrators))) throw new VmsError('VMS_ERR_NOT_FOUND', 'no such export file');
    for (const c of job.request.cameraIds) {
      const d = checkCameraAccess(roles, { cameraId: c, right: 'export', at: now });
      if (!d.allowed) throw new VmsError('VMS_ERR_PERMISSION_DENIED', d.message);
    }
    const file = await jobs.resolveDownload(jobId, name);
    deps.audit.record({
      userId: grant.userId, username: deps.identity.getUser(grant.userId).username, source: req.ip,
      action: 'downloadExport', target: jobId, details: { file: name, via: 'link' },
    });
    return sendFile(reply, file, name);
  });
};

function sendFile(reply: FastifyReply, path: string, name: string) {
  const safe = name.replace(/[^\w.-]/g, '_');
  return reply.type('application/octet-stream').header('content-disposition', `attachment; filename="${safe}"`).send(createReadStream(path));
}
