import { randomUUID } from 'node:crypto';
import type { Clock } from '../../base/common/clock';
import { VmsError } from '../../base/common/errors';
import type { Db } from '../../base/node/sqlite';
import { LoginThrottle } from '../common/loginThrottle';
import type { ThrottlePolicy } from '../common/loginThrottle';
import { ADMINISTRATORS_ROLE_ID } from '../common/permissions';
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './passwords';
import type { RoleStore } from './roleStore';
import { TokenStore } from './tokenStore';
import type { TokenLifetimes, TokenPair } from './tokenStore';

export interface User {
  id: string;
  username: string;
  roleIds: string[];
}

export interface UserRecord extends User {
  createdAt: number;
  /** Set while failed logins keep the user name locked. */
  lockedUntil?: number;
}

export interface IdentityOptions {
  tokenLifetimes?: TokenLifetimes;
  /** Per user name: a few tries, then waits, then a 5-minute lock. */
  userThrottle?: ThrottlePolicy;
  /** Per source address: looser, since many people may sit behind one NAT. */
  addressThrottle?: ThrottlePolicy;
}

export const defaultUserThrottle: ThrottlePolicy = { freeFailures: 2, baseDelayMs: 1000, maxFailures: 5, lockMs: 5 * 60_000, forgetMs: 15 * 60_000, resetOnSuccess: true };
export const defaultAddressThrottle: ThrottlePolicy = { freeFailures: 10, baseDelayMs: 1000, maxFailures: 30, lockMs: 5 * 60_000, forgetMs: 15 * 60_000, resetOnSuccess: false };

const MIN_PASSWORD = 8;

/**
 * The identity provider for basic users: scrypt password hashes, throttled logins, rotating
 * access/refresh token pairs (tokenStore.ts), role membership (roleStore.ts). External
 * identity providers (OIDC) come later beside it. The throttle lives in memory: a restart
 * forgets failed attempts, which costs an attacker a restart they cannot cause.
 */
export class Identity {
  private readonly tokens: TokenStore;
  private readonly byUser: LoginThrottle;
  private readonly byAddress: LoginThrottle;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly roles: RoleStore,
    options: IdentityOptions = {},
  ) {
    this.tokens = new TokenStore(db, clock, options.tokenLifetimes);
    this.byUser = new LoginThrottle(options.userThrottle ?? defaultUserThrottle);
    this.byAddress = new LoginThrottle(options.addressThrottle ?? defaultAddressThrottle);
  }

  hasUsers(): boolean {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM user').get() as { n: number }).n > 0;
  }

  async createUser(o: { username: string; password: string; roleIds: string[] }): Promise<UserRecord> {
    if (!/^[\w.@-]{1,64}$/.test(o.username)) throw new VmsError('VMS_ERR_BAD_INPUT', 'user name: 1-64 letters, digits or . _ @ -');
    checkPassword(o.password);
    const hash = await hashPassword(o.password);
    const id = randomUUID();
    this.db.transaction(() => {
      try {
        this.db.prepare('INSERT INTO user (id, username, password_hash, created_at) VALUES (?, ?, ?, ?)').run(id, o.username, hash, this.clock.now());
      } catch (e) {
        if ((e as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new VmsError('VMS_ERR_CONFLICT', `user ${o.username} exists`);
        throw e;
      }
      this.roles.setRolesOfUser(id, o.roleIds);
    })();
    return this.getUser(id);
  }

  listUsers(): UserRecord[] {
    const rows = this.db.prepare('SELECT id FROM user ORDER BY username').all() as { id: string }[];
    return rows.map((r) => this.getUser(r.id));
  }

  getUser(id: string): UserRecord {
    const row = this.db.prepare('SELECT id, username, created_at AS createdAt FROM user WHERE id = ?').get(id) as
      { id: string; username: string; createdAt: number } | undefined;
    if (!row) throw new VmsError('VMS_ERR_NOT_FOUND', `user ${id} does not exist`);
    const lockedUntil = this.byUser.lockedUntil(row.username.toLowerCase(), this.clock.now());
    return { ...row, roleIds: this.roles.roleIdsOfUser(id), ...(lockedUntil ? { lockedUntil } : {}) };
  }

  userIdByName(username: string): string | undefined {
    return (this.db.prepare('SELECT id FROM user WHERE username = ?').get(username) as { id: string } | undefined)?.id;
  }

  /** A new password ends every session of the user; so does losing a role. */
  async updateUser(id: string, patch: { password?: string; roleIds?: string[] }): Promise<UserRecord> {
    const cur = this.getUser(id);
    if (patch.password !== undefined) checkPassword(patch.password);
    const hash = patch.password === undefined ? undefined : await hashPassword(patch.password);
    if (patch.roleIds && !patch.roleIds.includes(ADMINISTRATORS_ROLE_ID)) this.keepAnAdministrator(cur);
    this.db.transaction(() => {
      if (hash) this.db.prepare('UPDATE user SET password_hash = ? WHERE id = ?').run(hash, id);
      if (patch.roleIds) this.roles.setRolesOfUser(id, patch.roleIds);
    })();
    const lostRole = patch.roleIds && cur.roleIds.some((r) => !patch.roleIds!.includes(r));
    if (hash || lostRole) this.tokens.revokeUser(id);
    return this.getUser(id);
  }

  /** Lifts a lock (and forgets the failures) that failed logins put on the user's name. */
  unlockUser(id: string): UserRecord {
    this.byUser.clear(this.getUser(id).username.toLowerCase());
    return this.getUser(id);
  }

  deleteUser(id: string): UserRecord {
    const cur = this.getUser(id);
    this.keepAnAdministrator(cur);
    this.db.prepare('DELETE FROM user WHERE id = ?').run(id);
    return cur;
  }

  /**
   * Checks a password and starts a session. Unknown names and wrong passwords give the same
   * error after the same work. Throttled attempts are refused before any hashing.
   */
  async login(username: string, password: string, source: string): Promise<{ pair: TokenPair; user: User }> {
    const userKey = username.toLowerCase();
    const addressKey = source;
    const now = this.clock.now();
    const verdicts = [this.byUser.begin(userKey, now), this.byAddress.begin(addressKey, now)];
    const refused = verdicts.find((v) => !v.allowed);
    if (refused && !refused.allowed) {
      // The key that let the attempt through must not count it: it never reached the password.
      if (verdicts[0]!.allowed) this.byUser.cancel(userKey);
      if (verdicts[1]!.allowed) this.byAddress.cancel(addressKey);
      const seconds = Math.ceil(refused.retryAfterMs / 1000);
      throw refused.reason === 'lockedOut'
        ? new VmsError('VMS_ERR_LOCKED_OUT', `too many failed logins: locked, try again in ${seconds} s`, { retryAfterMs: refused.retryAfterMs })
        : new VmsError('VMS_ERR_TOO_MANY_ATTEMPTS', `failed logins: wait ${seconds} s before trying again`, { retryAfterMs: refused.retryAfterMs });
    }
    const row = this.db.prepare('SELECT id, password_hash AS h FROM user WHERE username = ?').get(username) as { id: string; h: string } | undefined;
    let ok = false;
    try {
      ok = row ? await verifyPassword(password, row.h) : (await verifyPassword(password, await dummyHash()), false);
    } finally {
      const done = this.clock.now();
      this.byUser.finish(userKey, ok, done);
      this.byAddress.finish(addressKey, ok, done);
    }
    if (!row || !ok) throw new VmsError('VMS_ERR_BAD_CREDENTIALS', 'wrong user name or password');
    if (needsRehash(row.h)) this.db.prepare('UPDATE user SET password_hash = ? WHERE id = ?').run(await hashPassword(password), row.id);
    return { pair: this.tokens.issue(row.id), user: this.getUser(row.id) };
  }

  /** The user behind an access token and the session (family) it belongs to. */
  authenticate(token: string): { user: User; familyId: string } | undefined {
    const owner = this.tokens.authenticate(token);
    return owner && { user: this.getUser(owner.userId), familyId: owner.familyId };
  }

  refresh(refreshToken: string): { pair: TokenPair; user: User } {
    const r = this.tokens.refresh(refreshToken);
    return { pair: r.pair, user: this.getUser(r.userId) };
  }

  /** Ends the session: its access and refresh tokens stop working. */
  logout(familyId: string): void {
    this.tokens.revokeFamily(familyId, 'logout');
  }

  /** Whether the login behind a media token is still alive (not logged out or revoked). */
  sessionActive(familyId: string): boolean {
    return this.tokens.familyActive(familyId);
  }

  /** Whose refresh token this is, if it is known at all (to audit a reuse). */
  refreshTokenOwner(refreshToken: string): User | undefined {
    const userId = this.tokens.ownerOfRefresh(refreshToken);
    return userId === undefined ? undefined : this.getUser(userId);
  }

  /** Refuses to remove the only member of Administrators: nobody could manage the site after. */
  private keepAnAdministrator(user: User): void {
    const admins = this.roles.membersOf(ADMINISTRATORS_ROLE_ID);
    if (admins.length === 1 && admins[0] === user.id) {
      throw new VmsError('VMS_ERR_CONFLICT', `${user.username} is the last administrator; make another user an administrator first`);
    }
  }
}

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD) throw new VmsError('VMS_ERR_BAD_INPUT', `password must be at least ${MIN_PASSWORD} characters`);
  if (password.length > 1024) throw new VmsError('VMS_ERR_BAD_INPUT', 'password must be at most 1024 characters');
}
