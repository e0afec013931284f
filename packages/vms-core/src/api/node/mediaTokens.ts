import { createHmac, timingSafeEqual } from 'node:crypto';
import { VmsError } from '../../base/common/errors';
import type { CameraRight } from '../../management/common/permissions';

/** Media URLs are used by <video>, hls.js and WebSockets, which cannot send a bearer header. */
export const MEDIA_TOKEN_LIFETIME_MS = 5 * 60_000;
/**
 * HLS players fetch the same playlist URL (and its segments) for as long as they play, so an
 * HLS URL's token lives longer; like every media token it dies with the sign-in and is checked
 * against the user's rights on every request.
 */
export const HLS_TOKEN_LIFETIME_MS = 4 * 3600_000;

export interface MediaGrant {
  userId: string;
  /** The login it was issued under: logging out revokes its media tokens too. */
  sessionId: string;
  cameraId: string;
  right: CameraRight;
  expiresAt: number;
}

/**
 * Short-lived media tokens: the grant as JSON, HMAC-SHA256 signed with a secret derived from the
 * site key. A token names one camera and one right, so it never opens another camera or path.
 * The rights are checked again on every use, so taking a right away takes effect at once.
 */
export class MediaTokens {
  constructor(private readonly secret: Uint8Array) {}

  issue(grant: MediaGrant): string {
    const body = Buffer.from(JSON.stringify([grant.userId, grant.sessionId, grant.cameraId, grant.right, grant.expiresAt])).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  /** Returns the grant, or throws VMS_ERR_UNAUTHENTICATED / VMS_ERR_PERMISSION_DENIED. */
  verify(token: string | undefined, expect: { cameraId: string; rights: CameraRight[]; now: number; ignoreExpiry?: boolean }): MediaGrant {
    const [body, mac] = (token ?? '').split('.');
    if (!body || !mac || !safeEqual(mac, this.mac(body))) {
      throw new VmsError('VMS_ERR_UNAUTHENTICATED', 'a valid media token is required (getLiveStream / getPlayback issue one)');
    }
    let fields: unknown;
    try {
      fields = JSON.parse(Buffer.from(body, 'base64url').toString());
    } catch {
      throw new VmsError('VMS_ERR_UNAUTHENTICATED', 'malformed media token');
    }
    const [userId, sessionId, cameraId, right, expiresAt] = fields as [string, string, string, CameraRight, number];
    if (!expect.ignoreExpiry && !(expiresAt > expect.now)) throw new VmsError('VMS_ERR_UNAUTHENTICATED', 'media token expired');
    if (cameraId !== expect.cameraId || !expect.rights.includes(right)) {
      throw new VmsError('VMS_ERR_PERMISSION_DENIED', 'media token is for another camera or use');
    }
    return { userId, sessionId, cameraId, right, expiresAt };
  }

  /** The camera a token claims, unverified: to know what to verify it against (WebSocket sessions). */
  cameraOf(token: string): string | undefined {
    try {
      const fields = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()) as unknown[];
      return typeof fields[2] === 'string' ? fields[2] : undefined;
    } catch {
      return undefined;
    }
  }

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
