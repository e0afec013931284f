import { describe, expect, it } from 'vitest';
import { ApiError, BAD_RESPONSE_CODE, NETWORK_ERROR_CODE } from '../api/siteClient';
import { formatWait, sessionEndMessage, signInProblem } from './signInErrors';

const SITE = 'http://127.0.0.1:7490';
const NOW = Date.parse('2026-03-01T10:00:00Z');

describe('signInProblem', () => {
  it('says the site cannot be reached and points at the address', () => {
    const p = signInProblem(new ApiError(0, NETWORK_ERROR_CODE, 'cannot reach'), SITE, NOW);
    expect(p).toMatchObject({ field: 'address' });
    expect(p.message).toContain(SITE);
    expect(p.message).toMatch(/cannot reach/i);
  });

  it('says wrong user name or password without telling which', () => {
    expect(signInProblem(new ApiError(401, 'VMS_ERR_BAD_CREDENTIALS', 'wrong user name or password'), SITE, NOW))
      .toEqual({ field: 'password', message: 'Wrong user name or password.' });
  });

  it('gives a lockout with the time left and when it ends', () => {
    const p = signInProblem(new ApiError(429, 'VMS_ERR_LOCKED_OUT', 'too many failed logins: locked, try again in 125 s'), SITE, NOW);
    expect(p.message).toBe('Too many failed sign-ins: signing in is locked. Try again in 2 min 5 s.');
    expect(p.retryAt).toBe(NOW + 125_000);
    const t = signInProblem(new ApiError(429, 'VMS_ERR_TOO_MANY_ATTEMPTS', 'failed logins: wait 3 s before trying again'), SITE, NOW);
    expect(t.message).toBe('Too many failed sign-ins. Try again in 3 s.');
    expect(signInProblem(new ApiError(429, 'VMS_ERR_LOCKED_OUT', 'locked'), SITE, NOW).retryAt).toBeUndefined();
  });

  it('recognises an address that is not a Nightjar site', () => {
    expect(signInProblem(new ApiError(404, 'HTTP_404', 'Not Found'), SITE, NOW).field).toBe('address');
    expect(signInProblem(new ApiError(200, BAD_RESPONSE_CODE, 'not JSON'), SITE, NOW).message).toMatch(/not like a Nightjar site/);
  });

  it('names internal errors by code and passes other messages through', () => {
    expect(signInProblem(new ApiError(500, 'VMS_ERR_INTERNAL', 'boom'), SITE, NOW).message).toContain('VMS_ERR_INTERNAL');
    expect(signInProblem(new ApiError(400, 'VMS_ERR_BAD_INPUT', 'username: too short'), SITE, NOW).message).toBe('username: too short');
    expect(signInProblem(new Error('odd'), SITE, NOW).message).toContain('odd');
  });
});

describe('formatWait and session ends', () => {
  it('formats seconds and minutes', () => {
    expect(formatWait(0.2)).toBe('1 s');
    expect(formatWait(59)).toBe('59 s');
    expect(formatWait(60)).toBe('1 min');
    expect(formatWait(61)).toBe('1 min 1 s');
  });

  it('explains an ended session but not a sign-out the operator asked for', () => {
    expect(sessionEndMessage('signedOut')).toBeUndefined();
    expect(sessionEndMessage('expired')).toMatch(/Sign in again/);
    expect(sessionEndMessage('siteForgotSession')).toMatch(/restarted/);
    // The client profile's idle time ran out: the form says it was not a fault.
    expect(sessionEndMessage('idle')).toMatch(/not used for a while/);
  });
});
