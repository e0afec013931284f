import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../../base/common/clock';
import { VmsError } from '../../base/common/errors';
import type { Db } from '../../base/node/sqlite';

export interface TokenLifetimes {
  /** Bearer token for API calls: short, so a leaked one is worth little. */
  accessMs: number;
  /** Exchanged once for a new pair; each exchange starts a new lifetime. */
  refreshMs: number;
}

export const defaultTokenLifetimes: TokenLifetimes = { accessMs: 15 * 60_000, refreshMs: 24 * 3600_000 };

export interface TokenPair {
  token: string;
  expiresAt: number;
  refreshToken: string;
  refreshExpiresAt: number;
}

/** Who an access token belongs to, and the login (family) it came from. */
export interface TokenOwner {
  userId: string;
  familyId: string;
}

type RevokeReason = 'rotated' | 'logout' | 'reuse' | 'password';

/**
 * Opaque bearer tokens, stored only as their SHA-256. A login starts a family; refreshing
 * revokes the refresh token used and issues a new pair in the same family. A refresh token
 * presented again after it was rotated means two parties hold it (one of them stole it), so
 * the whole family is revoked and both must sign in again (OAuth 2.0 Security BCP, 4.14).
 * Revoked rows stay until they expire so that reuse is still recognised.
 */
export class TokenStore {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly lifetimes: TokenLifetimes = defaultTokenLifetimes,
  ) {}

  /** Starts a family for a fresh login. */
  issue(userId: string): TokenPair {
    return this.issueIn(userId, randomUUID());
  }

  /** Whether a login is still alive (some token of its family neither revoked nor expired). */
  familyActive(familyId: string): boolean {
    return this.db
      .prepare('SELECT 1 FROM token WHERE family_id = ? AND revoked_at IS NULL AND expires_at > ? LIMIT 1')
      .get(familyId, this.clock.now()) !== undefined;
  }

  authenticate(token: string): TokenOwner | undefined {
    const row = this.db
      .prepare(
        `SELECT user_id AS userId, family_id AS familyId FROM token
         WHERE token_hash = ? AND kind = 'access' AND revoked_at IS NULL AND expires_at > ?`,
      )
      .get(tokenHash(token), this.clock.now()) as TokenOwner | undefined;
    return row;
  }

  /**
   * Exchanges a refresh token for a new pair. Throws VMS_ERR_UNAUTHENTICATED when it is
   * unknown, expired or revoked, and VMS_ERR_TOKEN_REUSED (after revoking the family) when it
   * had already been exchanged.
   */
  refresh(refreshToken: string): TokenOwner & { pair: TokenPair } {
    const now = this.clock.now();
    const row = this.db
      .prepare(`SELECT user_id AS userId, family_id AS familyId, expires_at AS expiresAt, revoked_reason AS reason
                FROM token WHERE token_hash = ? AND kind = 'refresh'`)
      .get(tokenHash(refreshToken)) as (TokenOwner & { expiresAt: number; reason: RevokeReason | null }) | undefined;
    if (!row || row.expiresAt <= now) throw new VmsError('VMS_ERR_UNAUTHENTICATED', 'the refresh token is unknown or expired; sign in again');
    if (row.reason === 'rotated') {
      this.revokeFamily(row.familyId, 'reuse');
      throw new VmsError('VMS_ERR_TOKEN_REUSED', 'this refresh token was already used; the session is revoked, sign in again');
    }
    if (row.reason !== null) throw new VmsError('VMS_ERR_UNAUTHENTICATED', 'the session was ended; sign in again');
    return this.db.transaction(() => {
      this.db.prepare(`UPDATE token SET revoked_at = ?, revoked_reason = 'rotated' WHERE token_hash = ?`).run(now, tokenHash(refreshToken));
      return { userId: row.userId, familyId: row.familyId, pair: this.issueIn(row.userId, row.familyId) };
    })();
  }

  ownerOfRefresh(refreshToken: string): string | undefined {
    const row = this.db.prepare(`SELECT user_id AS userId FROM token WHERE token_hash = ? AND kind = 'refresh'`).get(tokenHash(refreshToken)) as
      { userId: string } | undefined;
    return row?.userId;
  }

  /** Ends one login: its access and refresh tokens stop working at once. */
  revokeFamily(familyId: string, reason: RevokeReason = 'logout'): void {
    this.db.prepare('UPDATE token SET revoked_at = ?, revoked_reason = ? WHERE family_id = ? AND revoked_at IS NULL')
      .run(this.clock.now(), reason, familyId);
  }

  /** Ends every login of a user (password changed, roles taken away from a compromised account). */
  revokeUser(userId: string, reason: RevokeReason = 'password'): void {
    this.db.prepare('UPDATE token SET revoked_at = ?, revoked_reason = ? WHERE user_id = ? AND revoked_at IS NULL')
      .run(this.clock.now(), reason, userId);
  }

  private issueIn(userId: string, familyId: string): TokenPair {
    const now = this.clock.now();
    const pair: TokenPair = {
      token: randomBytes(32).toString('base64url'),
      expiresAt: now + this.lifetimes.accessMs,
      refreshToken: randomBytes(32).toString('base64url'),
      refreshExpiresAt: now + this.lifetimes.refreshMs,
    };
    const insert = this.db.prepare(
      'INSERT INTO token (token_hash, kind, user_id, family_id, expires_at, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      // Expired rows are useless, even for reuse detection: an expired refresh token is refused anyway.
      this.db.prepare('DELETE FROM token WHERE expires_at <= ?').run(now);
      insert.run(tokenHash(pair.token), 'access', userId, familyId, pair.expiresAt, now);
      insert.run(tokenHash(pair.refreshToken), 'refresh', userId, familyId, pair.refreshExpiresAt, now);
    })();
    return pair;
  }
}

const tokenHash = (t: string) => createHash('sha256').update(t).digest('hex');
