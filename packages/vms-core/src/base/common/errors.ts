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
  | 'unavailable'
  | 'dataLoss'
  | 'internal';

export const errorCodes = {
  VMS_ERR_BAD_INPUT: 'badInput',
  VMS_ERR_UNAUTHENTICATED: 'unauthenticated',
  VMS_ERR_BAD_CREDENTIALS: 'unauthenticated',
  VMS_ERR_PERMISSION_DENIED: 'permissionDenied',
  VMS_ERR_NOT_FOUND: 'notFound',
  VMS_ERR_CONFLICT: 'conflict',
  VMS_ERR_DEVICE_UNREACHABLE: 'unavailable',
  VMS_ERR_DEVICE_AUTH: 'unauthenticated',
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
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'VmsError';
    this.kind = errorCodes[code];
  }
}

export function isVmsError(e: unknown, code?: ErrorCode): e is VmsError {
  return e instanceof VmsError && (code === undefined || e.code === code);
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
