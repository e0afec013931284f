import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorKind } from '../../base/common/errors';
import { isVmsError } from '../../base/common/errors';

/** The only place where error kinds become HTTP statuses. */
const statusOfKind: Record<ErrorKind, number> = {
  badInput: 400,
  unauthenticated: 401,
  permissionDenied: 403,
  notFound: 404,
  conflict: 409,
  rateLimited: 429,
  unavailable: 503,
  dataLoss: 500,
  internal: 500,
};

export function errorHandler(error: FastifyError | Error, request: FastifyRequest, reply: FastifyReply): void {
  if (isVmsError(error)) {
    // A camera refusing our credentials is bad input to addHardware, not a failed API login.
    const status = error.code === 'VMS_ERR_DEVICE_AUTH' ? 422 : statusOfKind[error.kind];
    if (error.retryAfterMs !== undefined) void reply.header('retry-after', String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))));
    void reply.status(status).send({ code: error.code, kind: error.kind, message: error.message, ...(error.field ? { field: error.field } : {}) });
    return;
  }
  const fe = error as FastifyError;
  if (fe.validation) {
    const field = validationField(fe.validation[0]);
    void reply.status(400).send({ code: 'VMS_ERR_BAD_INPUT', kind: 'badInput', message: fe.message, ...(field ? { field } : {}) });
    return;
  }
  if (fe.statusCode && fe.statusCode < 500) {
    void reply.status(fe.statusCode).send({ code: 'VMS_ERR_BAD_INPUT', kind: 'badInput', message: fe.message });
    return;
  }
  request.log.error(error);
  void reply.status(500).send({ code: 'VMS_ERR_INTERNAL', kind: 'internal', message: 'internal error' });
}

/**
 * The field a schema violation is about, as "archive.storageId" or "windows[1].from": the
 * instance path, plus the property that is missing or not allowed.
 */
function validationField(v: { instancePath?: string; params?: Record<string, unknown> } | undefined): string | undefined {
  if (!v) return undefined;
  const named = v.params?.missingProperty ?? v.params?.additionalProperty;
  const segments = [...(v.instancePath ?? '').split('/').filter(Boolean), ...(typeof named === 'string' ? [named] : [])];
  const field = segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
  return field || undefined;
}
