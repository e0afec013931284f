import type { FastifyRequest } from 'fastify';
import { VmsError } from '../../base/common/errors';
import type { CameraRight } from '../../management/common/permissions';
import { checkCameraAccess } from '../../management/common/permissions';
import type { ApiDeps } from './apiDeps';
import type { MediaGrant } from './mediaTokens';
import { MEDIA_TOKEN_LIFETIME_MS } from './mediaTokens';

/**
 * Media paths (/media/...) are opened by players that cannot send a bearer header, so they
 * carry a media token. A token only names who and which camera; the session must still be
 * alive and the user must still hold the right now (and for the instant asked, when given).
 */
export function verifyMediaToken(
  deps: Pick<ApiDeps, 'identity' | 'roles' | 'clock' | 'mediaServices'>,
  token: string | undefined,
  o: {
    cameraId: string;
    /** Token rights this path accepts. */
    rights: CameraRight[];
    /** The right this use needs now, when it is not the token's own (a snapshot taken with a live token). */
    use?: CameraRight;
    mediaAt?: number;
    continuing?: boolean;
  },
): MediaGrant {
  const now = deps.clock.now();
  // A stream opened with a valid token may outlive the token; it may not outlive the sign-in
  // or the rights, which are checked below on every use.
  const grant = deps.mediaServices.tokens.verify(token, { cameraId: o.cameraId, rights: o.rights, now, ignoreExpiry: o.continuing ?? false });
  if (!deps.identity.sessionActive(grant.sessionId)) throw new VmsError('VMS_ERR_UNAUTHENTICATED', 'the sign-in behind this media token has ended');
  const d = checkCameraAccess(deps.roles.rolesOfUser(grant.userId), {
    cameraId: o.cameraId, right: o.use ?? grant.right, at: now, ...(o.mediaAt === undefined ? {} : { mediaAt: o.mediaAt }),
  });
  if (!d.allowed) throw new VmsError('VMS_ERR_PERMISSION_DENIED', d.message);
  return grant;
}

/** Issues a media token for the signed-in user of an API request. */
export function issueMediaToken(
  deps: Pick<ApiDeps, 'clock' | 'mediaServices'>, req: FastifyRequest, cameraId: string, right: CameraRight, lifetimeMs = MEDIA_TOKEN_LIFETIME_MS,
) {
  const expiresAt = deps.clock.now() + lifetimeMs;
  return { token: deps.mediaServices.tokens.issue({ userId: req.user.id, sessionId: req.sessionId, cameraId, right, expiresAt }), expiresAt };
}

/** How often an open media WebSocket re-checks its sign-in and rights. */
export const RECHECK_MS = 5_000;

/**
 * Re-checks an open stream's sign-in and rights every few seconds and closes the socket when
 * either is gone (logout, user or role removed, a time profile's window closing).
 */
export function watchMediaAccess(
  deps: Pick<ApiDeps, 'identity' | 'roles' | 'clock' | 'mediaServices'>,
  socket: { close(code: number, reason: string): void; once(event: 'close', fn: () => void): unknown },
  checks: { token: string; cameraId: string; rights: CameraRight[] }[],
): void {
  let timer: { cancel(): void } | undefined;
  const check = () => {
    try {
      for (const c of checks) verifyMediaToken(deps, c.token, { ...c, continuing: true });
      timer = deps.clock.setTimeout(check, RECHECK_MS);
    } catch (e) {
      socket.close(e instanceof VmsError && e.code === 'VMS_ERR_PERMISSION_DENIED' ? 4403 : 4401, (e as Error).message.slice(0, 120));
    }
  };
  timer = deps.clock.setTimeout(check, RECHECK_MS);
  socket.once('close', () => timer?.cancel());
}

export function queryToken(req: FastifyRequest): string | undefined {
  const t = (req.query as { token?: unknown }).token;
  return typeof t === 'string' ? t : undefined;
}
