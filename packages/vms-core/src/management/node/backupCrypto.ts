/**
 * Seals the secrets of a configuration backup with a password: scrypt derives an AES-256 key
 * (the same cost as user passwords, so guessing the export password is as slow as guessing a
 * login), AES-256-GCM encrypts, and the rest of the document is the associated data: any
 * change to the plain part makes opening fail, as does a wrong password.
 */
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { VmsError } from '../../base/common/errors';
import type { SealedSecrets } from '../common/configurationDocument';
import { SCRYPT, scryptAsync } from './passwords';

/** Refuse costs far above ours: a crafted file must not make the server spend gigabytes. */
const MAX_COST = { n: 2 ** 20, r: 16, p: 4 };

const sha256 = (text: string) => createHash('sha256').update(text).digest();

export async function sealSecrets(secrets: unknown, password: string, associated: string): Promise<SealedSecrets> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, 32, SCRYPT);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(sha256(associated));
  const data = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
  return {
    kdf: { name: 'scrypt', n: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, salt: salt.toString('base64') },
    cipher: 'aes-256-gcm', iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64'),
  };
}

export async function openSecrets(sealed: SealedSecrets, password: string, associated: string): Promise<unknown> {
  const { n, r, p } = sealed.kdf;
  if (!(n >= 2 && n <= MAX_COST.n && (n & (n - 1)) === 0 && r >= 1 && r <= MAX_COST.r && p >= 1 && p <= MAX_COST.p)) {
    throw new VmsError('VMS_ERR_BAD_INPUT', 'document.secrets: unsupported key derivation parameters', { field: 'document.secrets.kdf' });
  }
  const key = await scryptAsync(password, Buffer.from(sealed.kdf.salt, 'base64'), 32, { N: n, r, p });
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(sha256(associated));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const plain = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
    return JSON.parse(plain.toString('utf8'));
  } catch {
    throw new VmsError('VMS_ERR_BAD_INPUT', 'password: the secrets do not open: wrong password, or the file was changed after export', { field: 'password' });
  }
}
