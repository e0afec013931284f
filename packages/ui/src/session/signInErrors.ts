/**
 * What the sign-in form says when signing in fails, and why a session ended. One table, so
 * each situation is worded once and the wording is tested without rendering: operators need to
 * know whether to retype the password, wait, or call whoever runs the site.
 */
import { ApiError, BAD_RESPONSE_CODE, NETWORK_ERROR_CODE } from '../api/siteClient';

export interface SignInProblem {
  /** Which field the message is about, so the form can focus it. */
  field: 'address' | 'password' | 'none';
  message: string;
  /** For lockouts: when signing in may work again (ms since the epoch). */
  retryAt?: number;
}

/** Seconds in the site's rate-limit message ("… try again in 42 s"); the API answers in words and a Retry-After header. */
function retrySeconds(message: string): number | undefined {
  const m = /(\d+)\s*s\b/.exec(message);
  return m ? Number(m[1]) : undefined;
}

export function signInProblem(error: unknown, address: string, nowMs: number): SignInProblem {
  if (!(error instanceof ApiError)) {
    return { field: 'none', message: `Signing in failed: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (error.code === NETWORK_ERROR_CODE || error.status === 0) {
    return { field: 'address', message: `Cannot reach the site at ${address}. Check the address and that the site is running.` };
  }
  switch (error.code) {
    case 'VMS_ERR_BAD_CREDENTIALS':
    case 'VMS_ERR_UNAUTHENTICATED':
      return { field: 'password', message: 'Wrong user name or password.' };
    case 'VMS_ERR_LOCKED_OUT':
    case 'VMS_ERR_TOO_MANY_ATTEMPTS': {
      const seconds = retrySeconds(error.message);
      const retryAt = seconds === undefined ? undefined : nowMs + seconds * 1000;
      const head = error.code === 'VMS_ERR_LOCKED_OUT' ? 'Too many failed sign-ins: signing in is locked' : 'Too many failed sign-ins';
      return {
        field: 'none',
        message: seconds === undefined ? `${head}. Try again later.` : `${head}. Try again in ${formatWait(seconds)}.`,
        ...(retryAt === undefined ? {} : { retryAt }),
      };
    }
  }
  if (error.code === BAD_RESPONSE_CODE || error.status === 404 || error.status === 405) {
    return { field: 'address', message: `${address} answers, but not like a Nightjar site. Check the address and port.` };
  }
  if (error.status >= 500) return { field: 'none', message: `The site had an internal error (${error.code}). Try again, or ask its administrator.` };
  return { field: 'none', message: error.message };
}

/** "45 s", "3 min", "2 min 5 s": a lockout is minutes, a throttle seconds. */
export function formatWait(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  const rest = s % 60;
  return rest ? `${minutes} min ${rest} s` : `${minutes} min`;
}

/** Why the signed-in window was closed, shown above the sign-in form. */
/** `idle`: the client signed out by itself after its client profile's idle time. */
export type SessionEnd = 'signedOut' | 'expired' | 'siteForgotSession' | 'idle';

export function sessionEndMessage(reason: SessionEnd): string | undefined {
  switch (reason) {
    case 'signedOut':
      return undefined;
    case 'expired':
      return 'Your session has ended (it expired, was signed out elsewhere, or your password or roles changed). Sign in again.';
    case 'siteForgotSession':
      return 'The site restarted and no longer knows this session. Sign in again.';
    case 'idle':
      return 'You were signed out because this client was not used for a while (your client profile sets how long). Sign in again.';
  }
}
