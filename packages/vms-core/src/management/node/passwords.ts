import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { ScryptOptions } from 'node:crypto';

/**
 * scrypt password hashes, stored as `scrypt$N$r$p$salt$hash` so the cost can rise later
 * without breaking old hashes (they are re-hashed at the next successful login).
 *
 * N = 2^15, r = 8 takes 32 MiB and tens of milliseconds per attempt: memory-hard enough that
 * GPU guessing is expensive, cheap enough for a 2-core site. (The first release used 2^14.)
 * Hashing runs on libuv's thread pool, not the event loop, so logins do not stall video.
 */
export const SCRYPT = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;

export function scryptAsync(password: string, salt: Buffer, length: number, o: ScryptOptions): Promise<Buffer> {
  // maxmem must exceed 128 * N * r bytes; Node's default (32 MiB) is exactly that at 2^15.
  const options = { ...o, maxmem: 256 * (o.N ?? SCRYPT.N) * (o.r ?? SCRYPT.r) };
  return new Promise((resolve, reject) => scrypt(password, salt, length, options, (e, key) => (e ? reject(e) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, KEY_BYTES, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [, n, r, p, salt, hash] = stored.split('$');
  const expected = Buffer.from(hash ?? '', 'base64');
  const got = await scryptAsync(password, Buffer.from(salt ?? '', 'base64'), expected.length || KEY_BYTES, { N: Number(n), r: Number(r), p: Number(p) });
  return expected.length === got.length && timingSafeEqual(expected, got);
}

/** True when a stored hash used weaker parameters than today's and should be replaced. */
export function needsRehash(stored: string): boolean {
  const [, n, r, p] = stored.split('$');
  return Number(n) < SCRYPT.N || Number(r) < SCRYPT.r || Number(p) < SCRYPT.p;
}

let dummy: Promise<string> | undefined;
/**
 * A hash to check unknown user names against, so a login for a name that does not exist
 * takes as long as one with a wrong password and does not reveal which names exist.
 */
export function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword(randomBytes(8).toString('hex')));
}
