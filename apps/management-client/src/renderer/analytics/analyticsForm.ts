/**
 * The analytics source form's draft, its checks and the bodies it saves. The site never
 * returns a source's token (it keeps only a hash), so the form makes one itself: a new source
 * gets a fresh random token, "Regenerate" replaces it, and the administrator sees the value
 * once, after saving, to copy into the analytics system. Addresses are typed one per line or
 * separated by commas. The limits are the site's (events/common/analyticsEvent.ts); the site
 * checks everything again and names the field. Pure.
 */
import type { AnalyticsSourceBody, CreateAnalyticsSourceBody, UpdateAnalyticsSourceBody } from './analyticsApi';

export const LIMITS = { maxAllowedAddresses: 50, maxEventsPerSecond: 1000, minTokenLength: 16, maxTokenLength: 200, nameMaxLength: 100 } as const;

/** What saving does to the token: keep the stored one (or none), set this value, or remove it. */
export type TokenChange = { kind: 'keep' } | { kind: 'set'; value: string } | { kind: 'remove' };

export interface AnalyticsDraft {
  name: string;
  description: string;
  /** As typed: one entry per line or comma-separated. */
  allowedAddresses: string;
  /** '' watches no camera. */
  cameraId: string;
  maxEventsPerSecond: string;
  enabled: boolean;
  token: TokenChange;
}

/** 32 random bytes as 43 URL-safe characters: printable, no spaces, well inside the site's 16–200. */
export function newToken(random: (bytes: Uint8Array) => Uint8Array = (b) => crypto.getRandomValues(b)): string {
  const bytes = random(new Uint8Array(32));
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A new source: open to no address yet, with a fresh token (a source must have addresses or a token). */
export function newAnalyticsDraft(token = newToken()): AnalyticsDraft {
  return { name: '', description: '', allowedAddresses: '', cameraId: '', maxEventsPerSecond: '20', enabled: true, token: { kind: 'set', value: token } };
}

export function sourceToDraft(s: AnalyticsSourceBody): AnalyticsDraft {
  return {
    name: s.name, description: s.description, allowedAddresses: s.allowedAddresses.join('\n'), cameraId: s.cameraId ?? '',
    maxEventsPerSecond: String(s.maxEventsPerSecond), enabled: s.enabled, token: { kind: 'keep' },
  };
}

export function parseAddresses(text: string): string[] {
  return text.split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
}

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4_OR_CIDR = new RegExp(`^${OCTET}(\\.${OCTET}){3}(/(3[0-2]|[12]?\\d))?$`);

export function isAddressEntry(entry: string): boolean {
  return IPV4_OR_CIDR.test(entry);
}

/** Whether the source will require a token once saved. */
export function tokenAfterSave(d: AnalyticsDraft, stored: Pick<AnalyticsSourceBody, 'hasToken'> | undefined): boolean {
  return d.token.kind === 'set' || (d.token.kind === 'keep' && stored?.hasToken === true);
}

export function tokenProblem(token: string): string | undefined {
  return token.length < LIMITS.minTokenLength || token.length > LIMITS.maxTokenLength || !/^[\x21-\x7e]+$/.test(token)
    ? `${LIMITS.minTokenLength} to ${LIMITS.maxTokenLength} printable characters without spaces.` : undefined;
}

/** Problems the form sees, by the site's field names. */
export function analyticsProblems(d: AnalyticsDraft, stored?: Pick<AnalyticsSourceBody, 'hasToken'>): Map<string, string> {
  const out = new Map<string, string>();
  if (d.name.trim() === '') out.set('name', 'The source needs the name its events carry as "source".');
  const addresses = parseAddresses(d.allowedAddresses);
  const bad = addresses.find((a) => !isAddressEntry(a));
  if (bad !== undefined) out.set('allowedAddresses', `"${bad}" is not an IPv4 address or block (10.0.0.0/8).`);
  else if (addresses.length > LIMITS.maxAllowedAddresses) out.set('allowedAddresses', `At most ${LIMITS.maxAllowedAddresses} entries.`);
  else if (addresses.length === 0 && !tokenAfterSave(d, stored)) {
    out.set('allowedAddresses', 'List the addresses the events come from, or keep a token: a source open to any address must prove who it is.');
  }
  if (d.token.kind === 'set') {
    const p = tokenProblem(d.token.value);
    if (p) out.set('token', p);
  }
  const rate = Number(d.maxEventsPerSecond);
  if (!Number.isInteger(rate) || rate < 1 || rate > LIMITS.maxEventsPerSecond) out.set('maxEventsPerSecond', `A whole number from 1 to ${LIMITS.maxEventsPerSecond}.`);
  return out;
}

const common = (d: AnalyticsDraft) => ({
  name: d.name.trim(), description: d.description, allowedAddresses: parseAddresses(d.allowedAddresses),
  maxEventsPerSecond: Number(d.maxEventsPerSecond), enabled: d.enabled,
});

export function draftToCreate(d: AnalyticsDraft): CreateAnalyticsSourceBody {
  return { ...common(d), ...(d.cameraId ? { cameraId: d.cameraId } : {}), ...(d.token.kind === 'set' ? { token: d.token.value } : {}) };
}

/** The whole source as a change (the site audits only what differs); the token only when it changes. */
export function draftToUpdate(d: AnalyticsDraft): UpdateAnalyticsSourceBody {
  return {
    ...common(d), cameraId: d.cameraId || null,
    ...(d.token.kind === 'set' ? { token: d.token.value } : d.token.kind === 'remove' ? { token: null } : {}),
  };
}
