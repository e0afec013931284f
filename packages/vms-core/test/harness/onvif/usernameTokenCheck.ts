/**
 * The device side of WS-Security UsernameToken with PasswordDigest, checked the way strict
 * cameras check it: digest, clock skew against the device clock, and no nonce reuse. The skew
 * check is what makes a client that ignores the device's clock fail, as it would in the field.
 */
import { createHash } from 'node:crypto';
import { child, text } from './soapXml';
import type { XmlNode } from './soapXml';

const PASSWORD_DIGEST_TYPE =
  'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest';

/** Cameras typically accept a few minutes of skew; five is common. */
const MAX_SKEW_MS = 5 * 60_000;
/** Enough to catch replays within a test without growing without bound. */
const MAX_REMEMBERED_NONCES = 1000;

export type TokenVerdict = 'ok' | 'missing' | 'rejected';

export class UsernameTokenCheck {
  private readonly seenNonces = new Set<string>();

  constructor(
    private readonly username: string,
    private readonly password: string,
    /** The device clock, so the simulator can run ahead of or behind the host. */
    private readonly deviceNow: () => number,
  ) {}

  verify(doc: XmlNode): TokenVerdict {
    const token = child(child(child(child(doc, 'Envelope'), 'Header'), 'Security'), 'UsernameToken');
    if (token === undefined) return 'missing';
    const username = text(child(token, 'Username'));
    const passwordNode = child(token, 'Password');
    const digest = text(passwordNode);
    const type = child(passwordNode, '@_Type');
    const nonce = text(child(token, 'Nonce'));
    const created = text(child(token, 'Created'));
    if (!username || !digest || !nonce || !created) return 'rejected';
    // Type may be omitted only for PasswordText, which we do not accept: the brief asks for digest.
    if (type !== PASSWORD_DIGEST_TYPE) return 'rejected';
    if (username !== this.username) return 'rejected';

    const createdMs = Date.parse(created);
    if (Number.isNaN(createdMs) || Math.abs(createdMs - this.deviceNow()) > MAX_SKEW_MS) {
      return 'rejected';
    }
    const expected = createHash('sha1')
      .update(Buffer.concat([Buffer.from(nonce, 'base64'), Buffer.from(created), Buffer.from(this.password)]))
      .digest('base64');
    if (expected !== digest) return 'rejected';

    if (this.seenNonces.has(nonce)) return 'rejected';
    if (this.seenNonces.size >= MAX_REMEMBERED_NONCES) this.seenNonces.clear();
    this.seenNonces.add(nonce);
    return 'ok';
  }
}
