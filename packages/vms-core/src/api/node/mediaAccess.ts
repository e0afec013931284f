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
  o: { cameraId: string; rights: CameraRight[]; mediaAt?: number },
): MediaGrant {
  const now = deps.clock.now();
  const grant = deps.mediaServices.tokens.verify(token, { cameraId: o.cameraId, rights: o.rights, now });
  if (!deps.identity.sessionActive(grant.sessionId)) throw new VmsError('VMS_ERR_UNAUTHENTICATED', 'the sign-in behind this media token has ended');
  const d = checkCameraAccess(deps.roles.rolesOfUser(grant.userId), {
    cameraId: o.cameraId, right: grant.right, at: now, ...(o.mediaAt === undefined ? {} : { mediaAt: o.mediaAt }),
  });
  if (!d.allowed) throw new VmsError('VMS_ERR_PERMISSION_DENIED', d.message);
  return grant;
}

/** Issues a media token for the signed-in user of an API request. */
export function issueMediaToken(deps: Pick<ApiDeps, 'clock' | 'mediaServices'>, req: FastifyRequest, cameraId: string, right: CameraRight) {
  const expiresAt = deps.clock.now() + MEDIA_TOKEN_LIFETIME_MS;
  return { token: deps.mediaServices.tokens.issue({ userId: req.user.id, sessionId: req.sessionId, cameraId, right, expiresAt }), expiresAt };
}

export function queryToken(req: FastifyRequest): string | undefined {
  const t = (req.query as { token?: unknown }).token;
  return typeof t === 'string' ? t : undefined;
}
