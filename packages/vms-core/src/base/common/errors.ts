/**
 * One registry of error codes. Kinds map to HTTP statuses only at the API edge
 * (see api/node/errorHandler.ts), so the core never thinks in HTTP.
 */
export type ErrorKind =
  | 'badInput'
  | 'unauthenticated'
  | 'permissionDenied'
  | 'notFound'
  | 'conflict'
  /** Too many attempts: the caller may retry after `retryAfterMs`. */
  | 'rateLimited'
  | 'unavailable'
  | 'dataLoss'
  | 'internal';

export const errorCodes = {
  VMS_ERR_BAD_INPUT: 'badInput',
  VMS_ERR_UNAUTHENTICATED: 'unauthenticated',
  VMS_ERR_BAD_CREDENTIALS: 'unauthenticated',
  VMS_ERR_PERMISSION_DENIED: 'permissionDenied',
  /** An outside system's message (an analytics event) from a source that is not configured, not allowed from that address, or with a wrong token. */
  VMS_ERR_SOURCE_NOT_ALLOWED: 'permissionDenied',
  /** A refresh token was presented again after rotation: the whole session is revoked. */
  VMS_ERR_TOKEN_REUSED: 'unauthenticated',
  /** Failed logins for this user name or address: wait before the next attempt. */
  VMS_ERR_TOO_MANY_ATTEMPTS: 'rateLimited',
  /** So many failed logins that the user name or address is locked for a while. */
  VMS_ERR_LOCKED_OUT: 'rateLimited',
  /** A sender exceeded the rate its source allows (analytics events): retry after `retryAfterMs`. */
  VMS_ERR_RATE_LIMITED: 'rateLimited',
  VMS_ERR_NOT_FOUND: 'notFound',
  VMS_ERR_CONFLICT: 'conflict',
  /** An edit based on an old revision of the object (optimistic concurrency): read it again and reapply. */
  VMS_ERR_STALE_REVISION: 'conflict',
  VMS_ERR_DEVICE_UNREACHABLE: 'unavailable',
  /** A process or service this needs (a local site, a download's server) is not running or not answering. */
  VMS_ERR_UNAVAILABLE: 'unavailable',
  VMS_ERR_DEVICE_AUTH: 'unauthenticated',
  /** The SMTP server could not be reached, or refused the sign-in, the sender or the recipients (`field` says which setting). */
  VMS_ERR_SMTP: 'unavailable',
  VMS_ERR_DEVICE_PROTOCOL: 'unavailable',
  VMS_ERR_UNSUPPORTED_CODEC: 'badInput',
  VMS_ERR_STORAGE_FULL: 'unavailable',
  VMS_ERR_STORAGE_READ_ONLY: 'unavailable',
  VMS_ERR_STORAGE_IO: 'unavailable',
  VMS_ERR_DATA_CORRUPT: 'dataLoss',
  VMS_ERR_SIGNATURE: 'dataLoss',
  VMS_ERR_INTERNAL: 'internal',
} as const satisfies Record<string, ErrorKind>;

export type ErrorCode = keyof typeof errorCodes;

export class VmsError extends Error {
  readonly kind: ErrorKind;
  /** For rateLimited errors: how long the caller should wait (becomes Retry-After at the edge). */
  readonly retryAfterMs: number | undefined;
  /** For badInput errors: the request field at fault ("retentionHours", "windows[1]"), so clients can show the message beside it. */
  readonly field: string | undefined;
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown; retryAfterMs?: number; field?: string },
  ) {
    super(message, options);
    this.name = 'VmsError';
    this.kind = errorCodes[code];
    this.retryAfterMs = options?.retryAfterMs;
    this.field = options?.field;
  }
}

export function isVmsError(e: unknown, code?: ErrorCode): e is VmsError {
  return e instanceof VmsError && (code === undefined || e.code === code);
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
