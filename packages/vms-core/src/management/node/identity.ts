import { createHash, randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Db } from '../../base/node/sqlite';
import { VmsError } from '../../base/common/errors';

export type Role = 'administrator' | 'operator';

export interface User {
  id: string;
  username: string;
  role: Role;
}

const TOKEN_LIFETIME_MS = 8 * 3600_000;
const SCRYPT = { N: 16384, r: 8, p: 1 };

/**
 * The identity provider for basic users: scrypt password hashes, opaque bearer tokens stored
 * only as their SHA-256. External identity providers (OIDC) come later beside it.
 */
export class Identity {
  constructor(private readonly db: Db) {}

  hasUsers(): boolean {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM user').get() as { n: number }).n > 0;
  }

  createUser(username: string, password: string, role: Role, now: number): User {
    if (!/^[\w.@-]{1,64}$/.test(username)) throw new VmsError('VMS_ERR_BAD_INPUT', 'user name: 1-64 letters, digits or . _ @ -');
    if (password.length < 4) throw new VmsError('VMS_ERR_BAD_INPUT', 'password must be at least 4 characters');
    const id = randomUUID();
    try {
      this.db.prepare('INSERT INTO user (id, username, password_hash, role, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(id, username, hashPassword(password), role, now);
    } catch (e) {
      if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new VmsError('VMS_ERR_CONFLICT', `user ${username} exists`);
      throw e;
    }
    return { id, username, role };
  }

  /** Checks a password and issues a token; the same error for unknown user and wrong password. */
  login(username: string, password: string, now: number): { token: string; expiresAt: number; user: User } {
    const row = this.db.prepare('SELECT id, username, role, password_hash AS h FROM user WHERE username = ?').get(username) as
      (User & { h: string }) | undefined;
    const ok = row ? verifyPassword(password, row.h) : (verifyPassword(password, DUMMY_HASH), false);
    if (!row || !ok) throw new VmsError('VMS_ERR_BAD_CREDENTIALS', 'wrong user name or password');
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now + TOKEN_LIFETIME_MS;
    this.db.prepare('DELETE FROM token WHERE expires_at <= ?').run(now);
    this.db.prepare('INSERT INTO token (token_hash, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)').run(tokenHash(token), row.id, expiresAt, now);
    return { token, expiresAt, user: { id: row.id, username: row.username, role: row.role } };
  }

  authenticate(token: string, now: number): User | undefined {
    return this.db
      .prepare('SELECT u.id, u.username, u.role FROM token t JOIN user u ON u.id = t.user_id WHERE t.token_hash = ? AND t.expires_at > ?')
      .get(tokenHash(token), now) as User | undefined;
  }

  logout(token: string): void {
    this.db.prepare('DELETE FROM token WHERE token_hash = ?').run(tokenHash(token));
  }
}

const tokenHash = (t: string) => createHash('sha256').update(t).digest('hex');

function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const hash = scryptSync(password, salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

function verifyPassword(password: string, stored: string): boolean {
  const [, n, r, p, salt, hash] = stored.split('$');
  const expected = Buffer.from(hash ?? '', 'base64');
  const got = scryptSync(password, Buffer.from(salt ?? '', 'base64'), expected.length || 32, { N: Number(n), r: Number(r), p: Number(p) });
  return expected.length === got.length && timingSafeEqual(expected, got);
}

const DUMMY_HASH = hashPassword(randomBytes(8).toString('hex'));
