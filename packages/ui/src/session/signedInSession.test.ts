import { describe, expect, it } from 'vitest';
import { ApiError, NETWORK_ERROR_CODE } from '../api/siteClient';
import { isNetworkError, shouldRetry } from './signedInSession';

describe('session query policy', () => {
  it('retries what may pass on a second try, a few times', () => {
    const network = new ApiError(0, NETWORK_ERROR_CODE, 'down');
    const internal = new ApiError(503, 'VMS_ERR_STORAGE_IO', 'busy');
    expect([0, 1, 2, 3].map((n) => shouldRetry(n, network))).toEqual([true, true, true, false]);
    expect(shouldRetry(0, internal)).toBe(true);
  });

  it('never retries a refusal, and an unknown failure once', () => {
    expect(shouldRetry(0, new ApiError(403, 'VMS_ERR_PERMISSION_DENIED', 'no'))).toBe(false);
    expect(shouldRetry(0, new ApiError(404, 'VMS_ERR_NOT_FOUND', 'gone'))).toBe(false);
    expect(shouldRetry(0, new TypeError('bad JSON'))).toBe(true);
    expect(shouldRetry(1, new TypeError('bad JSON'))).toBe(false);
  });

  it('tells a missing answer from an answer', () => {
    expect(isNetworkError(new ApiError(0, NETWORK_ERROR_CODE, 'down'))).toBe(true);
    expect(isNetworkError(new ApiError(401, 'VMS_ERR_UNAUTHENTICATED', 'x'))).toBe(false);
    expect(isNetworkError(new Error('x'))).toBe(false);
  });
});
