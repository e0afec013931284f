import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildAuthorization, chooseChallenge, parseAuthParams, parseWwwAuthenticate } from '../../common/rtsp/auth';

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

describe('RTSP auth', () => {
  it('prefers Digest over Basic', () => {
    const c = parseWwwAuthenticate(['Basic realm="cam"', 'Digest realm="cam", nonce="abc", algorithm=MD5']);
    expect(chooseChallenge(c)?.scheme).toBe('digest');
    expect(chooseChallenge(parseWwwAuthenticate(['Basic realm="x"']))?.scheme).toBe('basic');
  });

  it('builds Basic with UTF-8 credentials', () => {
    const [challenge] = parseWwwAuthenticate(['Basic realm="x"']);
    const header = buildAuthorization({ challenge: challenge!, username: 'admin', password: 'sécret', method: 'DESCRIBE', uri: 'rtsp://x/', md5, cnonce: () => '', state: { nc: 0 } });
    expect(header).toBe('Basic ' + Buffer.from('admin:sécret').toString('base64'));
  });

  it('matches the RFC 2617 qop=auth example', () => {
    const [challenge] = parseWwwAuthenticate([
      'Digest realm="testrealm@host.com", qop="auth,auth-int", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", opaque="5ccc069c403ebaf9f0171e9517f40e41"',
    ]);
    const header = buildAuthorization({ challenge: challenge!, username: 'Mufasa', password: 'Circle Of Life', method: 'GET', uri: '/dir/index.html', md5, cnonce: () => '0a4f113b', state: { nc: 0 } });
    expect(header).toContain('response="6629fae49393a05397450978507c4ef1"');
    expect(header).toContain('nc=00000001');
    expect(header).toContain('opaque="5ccc069c403ebaf9f0171e9517f40e41"');
  });

  it('computes the no-qop (RFC 2069) response', () => {
    const [challenge] = parseWwwAuthenticate(['Digest realm="r", nonce="n"']);
    const header = buildAuthorization({ challenge: challenge!, username: 'u', password: 'p', method: 'DESCRIBE', uri: 'rtsp://x/', md5, cnonce: () => 'c', state: { nc: 0 } });
    const expected = md5(`${md5('u:r:p')}:n:${md5('DESCRIBE:rtsp://x/')}`);
    expect(header).toContain(`response="${expected}"`);
    expect(header).not.toContain('qop');
  });

  it('parses quoted values with escapes and commas, and never throws', () => {
    expect(parseAuthParams('realm="a, \\"b\\"", nonce=xyz')).toEqual(new Map([['realm', 'a, "b"'], ['nonce', 'xyz']]));
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 60 }), { maxLength: 4 }), (values) => void parseWwwAuthenticate(values)));
  });
});
