import { createCipheriv, createDecipheriv } from 'node:crypto';
import { VmsError } from '../../base/common/errors';

export const GCM_TAG_BYTES = 16;

/**
 * AES-256-GCM per frame. The nonce is the file's random 8-byte prefix plus the frame's
 * number in the file, so nonces never repeat under one key and each frame decrypts alone
 * (needed to serve any time range without reading from the start of a file).
 */
export class FrameCipher {
  constructor(private readonly key: Uint8Array) {
    if (key.length !== 32) throw new VmsError('VMS_ERR_BAD_INPUT', 'storage key must be 32 bytes');
  }

  encrypt(noncePrefix: Uint8Array, frameNumber: number, plain: Uint8Array): Buffer {
    const c = createCipheriv('aes-256-gcm', this.key, nonce(noncePrefix, frameNumber));
    return Buffer.concat([c.update(plain), c.final(), c.getAuthTag()]);
  }

  decrypt(noncePrefix: Uint8Array, frameNumber: number, stored: Uint8Array): Buffer {
    const d = createDecipheriv('aes-256-gcm', this.key, nonce(noncePrefix, frameNumber));
    d.setAuthTag(stored.subarray(stored.length - GCM_TAG_BYTES));
    try {
      return Buffer.concat([d.update(stored.subarray(0, stored.length - GCM_TAG_BYTES)), d.final()]);
    } catch (e) {
      throw new VmsError('VMS_ERR_DATA_CORRUPT', `frame ${frameNumber} fails authentication`, { cause: e });
    }
  }
}

function nonce(prefix: Uint8Array, frameNumber: number): Buffer {
  const n = Buffer.alloc(12);
  n.set(prefix.subarray(0, 8), 0);
  n.writeUInt32BE(frameNumber >>> 0, 8);
  return n;
}
