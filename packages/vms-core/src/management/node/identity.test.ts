import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../base/common/clock';
import { isVmsError } from '../../base/common/errors';
import type { Db } from '../../base/node/sqlite';
import { openDatabase } from '../../base/node/sqlite';
import { ADMINISTRATORS_ROLE_ID, OPERATORS_ROLE_ID } from '../common/permissions';
import { Identity } from './identity';
import { configMigrations, m001Initial } from './migrations/001_initial';
import { RoleStore } from './roleStore';

const dirs: string[] = [];
const dbs: Db[] = [];
afterEach(() => {
  for (const db of dbs.splice(0)) db.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nightjar-identity-'));
  dirs.push(dir);
  return join(dir, 'config.db');
}

async function setup() {
  const clock = new ManualClock();
  const db = openDatabase(tempPath(), configMigrations);
  dbs.push(db);
  const roles = new RoleStore(db, clock);
  const identity = new Identity(db, clock, roles);
  await identity.createUser({ username: 'alice', password: 'alice-password', roleIds: [OPERATORS_ROLE_ID] });
  return { clock, db, roles, identity };
}

async function codeOf(p: Promise<unknown> | (() => unknown)): Promise<string | undefined> {
  try {
    await (typeof p === 'function' ? p() : p);
    return undefined;
  } catch (e) {
    if (isVmsError(e)) return e.code;
    throw e;
  }
}

describe('Identity tokens', () => {
  it('issues a short access token and a longer refresh token', async () => {
    const { clock, identity } = await setup();
    const { pair, user } = await identity.login('alice', 'alice-password', '10.0.0.1');
    expect(user.roleIds).toEqual([OPERATORS_ROLE_ID]);
    expect(pair.expiresAt - clock.now()).toBe(15 * 60_000);
    expect(pair.refreshExpiresAt - clock.now()).toBe(24 * 3600_000);
    expect(identity.authenticate(pair.token)?.user.username).toBe('alice');
    expect(identity.authenticate(pair.refreshToken)).toBeUndefined();
    clock.advance(15 * 60_000);
    expect(identity.authenticate(pair.token)).toBeUndefined();
  });

  it('rotates the refresh token and revokes the whole session when an old one comes back', async () => {
    const { clock, identity } = await setup();
    const first = (await identity.login('alice', 'alice-password', '10.0.0.1')).pair;
    clock.advance(14 * 60_000);
    const second = identity.refresh(first.refreshToken).pair;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(identity.authenticate(second.token)).toBeDefined();
    // The thief (or the client, twice) presents the used token: every token of the login dies.
    expect(await codeOf(() => identity.refresh(first.refreshToken))).toBe('VMS_ERR_TOKEN_REUSED');
    expect(identity.refreshTokenOwner(first.refreshToken)?.username).toBe('alice');
    expect(identity.authenticate(second.token)).toBeUndefined();
    expect(identity.authenticate(first.token)).toBeUndefined();
    expect(await codeOf(() => identity.refresh(second.refreshToken))).toBe('VMS_ERR_UNAUTHENTICATED');
  });

  it('keeps other sessions of the same user when one is revoked', async () => {
    const { identity } = await setup();
    const a = (await identity.login('alice', 'alice-password', '10.0.0.1')).pair;
    const b = (await identity.login('alice', 'alice-password', '10.0.0.2')).pair;
    identity.logout(identity.authenticate(a.token)!.familyId);
    expect(identity.authenticate(a.token)).toBeUndefined();
    expect(await codeOf(() => identity.refresh(a.refreshToken))).toBe('VMS_ERR_UNAUTHENTICATED');
    expect(identity.authenticate(b.token)).toBeDefined();
  });

  it('refuses an expired refresh token', async () => {
    const { clock, identity } = await setup();
    const { pair } = await identity.login('alice', 'alice-password', '10.0.0.1');
    clock.advance(24 * 3600_000);
    expect(await codeOf(() => identity.refresh(pair.refreshToken))).toBe('VMS_ERR_UNAUTHENTICATED');
  });

  it('ends every session when the password changes or a role is taken away', async () => {
    const { identity } = await setup();
    const { pair, user } = await identity.login('alice', 'alice-password', '10.0.0.1');
    await identity.updateUser(user.id, { roleIds: [OPERATORS_ROLE_ID] });
    expect(identity.authenticate(pair.token)).toBeDefined();
    await identity.updateUser(user.id, { password: 'new-password' });
    expect(identity.authenticate(pair.token)).toBeUndefined();
    expect(await codeOf(identity.login('alice', 'alice-password', '10.0.0.1'))).toBe('VMS_ERR_BAD_CREDENTIALS');
    const again = (await identity.login('alice', 'new-password', '10.0.0.1')).pair;
    await identity.updateUser(user.id, { roleIds: [] });
    expect(identity.authenticate(again.token)).toBeUndefined();
  });
});

describe('Identity login throttling', () => {
  it('slows, then locks a user name after 5 failures, for 5 minutes', async () => {
    const { clock, identity } = await setup();
    const wrong = () => codeOf(identity.login('alice', 'wrong-password', '10.0.0.1'));
    expect(await wrong()).toBe('VMS_ERR_BAD_CREDENTIALS');
    expect(await wrong()).toBe('VMS_ERR_BAD_CREDENTIALS');
    expect(await wrong()).toBe('VMS_ERR_TOO_MANY_ATTEMPTS');
    for (const wait of [1000, 2000, 4000]) {
      clock.advance(wait);
      expect(await wrong()).toBe('VMS_ERR_BAD_CREDENTIALS');
    }
    // Locked: even the right password is refused, without being checked.
    expect(await codeOf(identity.login('alice', 'alice-password', '10.0.0.1'))).toBe('VMS_ERR_LOCKED_OUT');
    expect(await codeOf(identity.login('ALICE', 'alice-password', '10.0.0.9'))).toBe('VMS_ERR_LOCKED_OUT');
    expect(identity.listUsers()[0]?.lockedUntil).toBe(clock.now() + 5 * 60_000);
    clock.advance(5 * 60_000);
    expect((await identity.login('alice', 'alice-password', '10.0.0.1')).user.username).toBe('alice');
  });

  it('tells the caller how long to wait', async () => {
    const { identity } = await setup();
    for (let i = 0; i < 2; i++) await codeOf(identity.login('alice', 'wrong-password', '10.0.0.1'));
    const e = await identity.login('alice', 'wrong-password', '10.0.0.1').catch((x: unknown) => x);
    expect(isVmsError(e, 'VMS_ERR_TOO_MANY_ATTEMPTS') && e.retryAfterMs).toBe(1000);
  });

  it('throttles a source address trying many user names, without touching other addresses', async () => {
    const { clock, identity } = await setup();
    for (let i = 0; i < 10; i++) expect(await codeOf(identity.login(`user${i}`, 'guess-guess', '10.6.6.6'))).toBe('VMS_ERR_BAD_CREDENTIALS');
    expect(await codeOf(identity.login('alice', 'alice-password', '10.6.6.6'))).toBe('VMS_ERR_TOO_MANY_ATTEMPTS');
    expect((await identity.login('alice', 'alice-password', '10.0.0.1')).user.username).toBe('alice');
    clock.advance(1000);
    expect((await identity.login('alice', 'alice-password', '10.6.6.6')).user.username).toBe('alice');
  });

  it('answers unknown users like wrong passwords', async () => {
    const { identity } = await setup();
    expect(await codeOf(identity.login('nobody', 'whatever-pw', '10.0.0.1'))).toBe('VMS_ERR_BAD_CREDENTIALS');
  });
});

describe('Identity users', () => {
  it('refuses short passwords, duplicate names and unknown roles', async () => {
    const { identity } = await setup();
    expect(await codeOf(identity.createUser({ username: 'bob', password: 'short', roleIds: [] }))).toBe('VMS_ERR_BAD_INPUT');
    expect(await codeOf(identity.createUser({ username: 'ALICE', password: 'long-enough', roleIds: [] }))).toBe('VMS_ERR_CONFLICT');
    expect(await codeOf(identity.createUser({ username: 'bob', password: 'long-enough', roleIds: ['nope'] }))).toBe('VMS_ERR_NOT_FOUND');
    expect(identity.listUsers().map((u) => u.username)).toEqual(['alice']);
  });

  it('keeps at least one administrator', async () => {
    const { identity } = await setup();
    const admin = await identity.createUser({ username: 'root', password: 'root-password', roleIds: [ADMINISTRATORS_ROLE_ID] });
    expect(await codeOf(() => identity.deleteUser(admin.id))).toBe('VMS_ERR_CONFLICT');
    expect(await codeOf(identity.updateUser(admin.id, { roleIds: [OPERATORS_ROLE_ID] }))).toBe('VMS_ERR_CONFLICT');
    const second = await identity.createUser({ username: 'root2', password: 'root-password', roleIds: [ADMINISTRATORS_ROLE_ID] });
    identity.deleteUser(admin.id);
    expect(identity.getUser(second.id).roleIds).toEqual([ADMINISTRATORS_ROLE_ID]);
  });
});

describe('migration 002', () => {
  it('moves administrators and operators into the built-in roles', () => {
    const path = tempPath();
    const old = openDatabase(path, [m001Initial]);
    const ins = old.prepare('INSERT INTO user (id, username, password_hash, role, created_at) VALUES (?, ?, ?, ?, 0)');
    ins.run('u1', 'boss', 'scrypt$16384$8$1$x$y', 'administrator');
    ins.run('u2', 'guard', 'scrypt$16384$8$1$x$y', 'operator');
    old.prepare('INSERT INTO token (token_hash, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)').run('h', 'u1', 1e15, 0);
    old.close();

    const db = openDatabase(path, configMigrations);
    dbs.push(db);
    const roles = new RoleStore(db, new ManualClock());
    expect(roles.roleIdsOfUser('u1')).toEqual([ADMINISTRATORS_ROLE_ID]);
    expect(roles.roleIdsOfUser('u2')).toEqual([OPERATORS_ROLE_ID]);
    expect(roles.get(OPERATORS_ROLE_ID)).toMatchObject({
      name: 'Operators', builtin: false, manageConfiguration: false, manageUsers: false,
      grants: [{ cameraId: null, rights: ['live', 'playback', 'bookmarkView'] }],
    });
    expect(roles.get(ADMINISTRATORS_ROLE_ID)).toMatchObject({ builtin: true, manageConfiguration: true, manageUsers: true });
    expect((db.prepare('SELECT COUNT(*) AS n FROM token').get() as { n: number }).n).toBe(0);
  });
});
