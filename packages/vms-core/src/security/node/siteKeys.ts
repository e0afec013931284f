import { createCipheriv, createDecipheriv, createHash, createPrivateKey, createPublicKey, generateKeyPairSync,
  hkdfSync, randomBytes, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { VmsError } from '../../base/common/errors';

/**
 * The site's keys: an Ed25519 key that signs recordings and exports, and a 32-byte master
 * secret from which the key that wraps each storage's data key is derived. Kept in one file
 * readable by the service account only (mode 0600).
 */
export class SiteKeys {
  private constructor(
    private readonly signingKey: KeyObject,
    readonly publicKey: KeyObject,
    private readonly masterSecret: Buffer,
  ) {}

  static loadOrCreate(path: string): SiteKeys {
    if (!existsSync(path)) {
      const { privateKey } = generateKeyPairSync('ed25519');
      const file = {
        version: 1,
        signingKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
        masterSecret: randomBytes(32).toString('base64'),
      };
      writeFileSync(path, JSON.stringify(file, null, 2), { mode: 0o600, flag: 'wx' });
    }
    const file = JSON.parse(readFileSync(path, 'utf8')) as { signingKey: string; masterSecret: string };
    const signingKey = createPrivateKey(file.signingKey);
    return new SiteKeys(signingKey, createPublicKey(signingKey), Buffer.from(file.masterSecret, 'base64'));
  }

  sign(data: Uint8Array): Uint8Array {
    return sign(null, data, this.signingKey);
  }

  verify(data: Uint8Array, signature: Uint8Array): boolean {
    return verify(null, data, this.publicKey, signature);
  }

  publicKeyPem(): string {
    return this.publicKey.export({ format: 'pem', type: 'spki' }).toString();
  }

  /** Wraps a storage data key with AES-256-GCM under a key derived from the master secret. */
  wrapKey(dataKey: Uint8Array, label: string): string {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.kek(label), iv);
    const body = Buffer.concat([c.update(dataKey), c.final()]);
    return Buffer.concat([iv, c.getAuthTag(), body]).toString('base64');
  }

  unwrapKey(wrapped: string, label: string): Buffer {
    const b = Buffer.from(wrapped, 'base64');
    try {
      const d = createDecipheriv('aes-256-gcm', this.kek(label), b.subarray(0, 12));
      d.setAuthTag(b.subarray(12, 28));
      return Buffer.concat([d.update(b.subarray(28)), d.final()]);
    } catch (e) {
      throw new VmsError('VMS_ERR_DATA_CORRUPT', `storage key "${label}" cannot be unwrapped with this site's key`, { cause: e });
    }
  }

  /** A secret for one purpose (e.g. signing media tokens), derived so it never equals another key. */
  deriveSecret(purpose: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.masterSecret, Buffer.alloc(0), `nightjar secret ${purpose}`, 32));
  }

  private kek(label: string): Buffer {
    return Buffer.from(hkdfSync('sha256', this.masterSecret, Buffer.alloc(0), `nightjar storage key ${label}`, 32));
  }
}

export const sha256 = (...parts: Uint8Array[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
