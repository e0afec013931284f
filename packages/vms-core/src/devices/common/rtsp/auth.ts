import { VmsError } from '../../../base/common/errors';
import { encodeBase64 } from './base64';

/**
 * RTSP authentication (RFC 2617 as used by RFC 2326 cameras). Pure: the MD5 function and the
 * client nonce come from the caller, so this file needs no Node crypto.
 */
export interface AuthChallenge {
  scheme: 'basic' | 'digest' | 'other';
  params: Map<string, string>;
}

/**
 * Parses WWW-Authenticate values. Each value holds one challenge here: cameras send one header
 * per scheme, and commas inside one value separate that challenge's parameters.
 */
export function parseWwwAuthenticate(values: string[]): AuthChallenge[] {
  const out: AuthChallenge[] = [];
  for (const value of values) {
    const m = /^\s*([A-Za-z][\w-]*)\s*(.*)$/s.exec(value);
    if (!m) continue;
    const name = m[1]!.toLowerCase();
    const scheme = name === 'basic' ? 'basic' : name === 'digest' ? 'digest' : 'other';
    out.push({ scheme, params: parseAuthParams(m[2]!) });
  }
  return out;
}

/** key=value or key="quoted \" value" pairs separated by commas. */
export function parseAuthParams(text: string): Map<string, string> {
  const params = new Map<string, string>();
  let i = 0;
  const n = text.length;
  while (i < n) {
    while (i < n && (text[i] === ',' || text[i] === ' ' || text[i] === '\t')) i++;
    const keyStart = i;
    while (i < n && text[i] !== '=' && text[i] !== ',') i++;
    const key = text.slice(keyStart, i).trim().toLowerCase();
    if (i >= n || text[i] !== '=') {
      continue; // a bare token (e.g. a token68 we do not use)
    }
    i++;
    while (i < n && text[i] === ' ') i++;
    let value = '';
    if (text[i] === '"') {
      i++;
      while (i < n && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < n) i++;
        value += text[i];
        i++;
      }
      i++; // closing quote (or end)
    } else {
      const start = i;
      while (i < n && text[i] !== ',') i++;
      value = text.slice(start, i).trim();
    }
    if (key) params.set(key, value);
  }
  return params;
}

export interface DigestState {
  /** Nonce count, incremented per request with qop=auth. */
  nc: number;
}

export interface AuthorizationInput {
  challenge: AuthChallenge;
  username: string;
  password: string;
  method: string;
  uri: string;
  md5: (text: string) => string;
  /** Fresh random hex for qop=auth. */
  cnonce: () => string;
  state: DigestState;
}

/** Picks the strongest challenge we support: Digest (MD5) over Basic. */
export function chooseChallenge(challenges: AuthChallenge[]): AuthChallenge | undefined {
  const digest = challenges.find((c) => {
    if (c.scheme !== 'digest') return false;
    const algorithm = (c.params.get('algorithm') ?? 'MD5').toUpperCase();
    return algorithm === 'MD5' && c.params.has('nonce') && c.params.has('realm');
  });
  return digest ?? challenges.find((c) => c.scheme === 'basic');
}

/** Value of the Authorization header for one request. */
export function buildAuthorization(input: AuthorizationInput): string {
  const { challenge, username, password, method, uri, md5 } = input;
  if (challenge.scheme === 'basic') {
    return 'Basic ' + encodeBase64(new TextEncoder().encode(`${username}:${password}`));
  }
  if (challenge.scheme !== 'digest') {
    throw new VmsError('VMS_ERR_DEVICE_AUTH', 'camera asks for an unsupported authentication scheme');
  }
  const realm = challenge.params.get('realm') ?? '';
  const nonce = challenge.params.get('nonce') ?? '';
  const opaque = challenge.params.get('opaque');
  const qops = (challenge.params.get('qop') ?? '').split(',').map((q) => q.trim().toLowerCase());
  const ha1 = md5(`${username}:${realm}:${password}`);
  const ha2 = md5(`${method}:${uri}`);
  const parts = [
    `username="${quote(username)}"`,
    `realm="${quote(realm)}"`,
    `nonce="${quote(nonce)}"`,
    `uri="${quote(uri)}"`,
  ];
  if (qops.includes('auth')) {
    input.state.nc++;
    const nc = input.state.nc.toString(16).padStart(8, '0');
    const cnonce = input.cnonce();
    parts.push(`response="${md5(`${ha1}:${nonce}:${nc}:${cnonce}:auth:${ha2}`)}"`);
    parts.push('qop=auth', `nc=${nc}`, `cnonce="${cnonce}"`);
  } else {
    parts.push(`response="${md5(`${ha1}:${nonce}:${ha2}`)}"`);
  }
  if (challenge.params.has('algorithm')) parts.push(`algorithm=${challenge.params.get('algorithm')}`);
  if (opaque !== undefined) parts.push(`opaque="${quote(opaque)}"`);
  return 'Digest ' + parts.join(', ');
}

function quote(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
}
