/**
 * Sites this client signed in to, newest first, so connecting again is one click. Only the
 * address and the user name are kept: a password or token on disk would outlive the session
 * and could be read by anyone at the workstation.
 */

export interface RecentServer {
  /** The site's origin, e.g. `http://10.0.0.5:8080`. */
  address: string;
  username: string;
  /** ms since the epoch of the last successful sign-in. */
  lastUsed: number;
}

export const RECENT_SERVERS_KEY = 'nightjar.smartClient.recentServers';
export const MAX_RECENT_SERVERS = 8;

/**
 * The origin an operator meant: `10.0.0.5:8080` becomes `http://10.0.0.5:8080`, a pasted URL
 * loses its path. Undefined when it is not an http(s) address at all.
 */
export function normalizeAddress(input: string): string | undefined {
  const text = input.trim();
  if (!text) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  if (!url.hostname) return undefined;
  return url.origin;
}

/** Puts a sign-in at the front; the same address (any spelling of it) appears once. */
export function rememberServer(list: readonly RecentServer[], entry: RecentServer): RecentServer[] {
  const address = normalizeAddress(entry.address);
  if (!address) return [...list];
  const rest = list.filter((s) => s.address !== address);
  return [{ address, username: entry.username, lastUsed: entry.lastUsed }, ...rest].slice(0, MAX_RECENT_SERVERS);
}

export function forgetServer(list: readonly RecentServer[], address: string): RecentServer[] {
  const origin = normalizeAddress(address) ?? address;
  return list.filter((s) => s.address !== origin);
}

/**
 * Reads what localStorage held. Anything malformed (an older format, a hand edit) is skipped,
 * not thrown: a broken list must never keep an operator from signing in. Unknown fields are
 * dropped, so nothing but address and user name survives a round trip.
 */
export function parseRecentServers(json: string | null): RecentServer[] {
  if (!json) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const out: RecentServer[] = [];
  for (const item of raw as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { address, username, lastUsed } = item as Record<string, unknown>;
    const origin = typeof address === 'string' ? normalizeAddress(address) : undefined;
    if (!origin || typeof username !== 'string' || out.some((s) => s.address === origin)) continue;
    out.push({ address: origin, username, lastUsed: typeof lastUsed === 'number' && Number.isFinite(lastUsed) ? lastUsed : 0 });
  }
  return out.sort((a, b) => b.lastUsed - a.lastUsed).slice(0, MAX_RECENT_SERVERS);
}

/** The list in a Storage (localStorage in the app, a Map-backed fake in tests). */
export class RecentServers {
  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem'>) {}

  load(): RecentServer[] {
    try {
      return parseRecentServers(this.storage.getItem(RECENT_SERVERS_KEY));
    } catch {
      // Storage can be disabled (private windows, policies); the list is a convenience only.
      return [];
    }
  }

  remember(entry: RecentServer): RecentServer[] {
    return this.save(rememberServer(this.load(), entry));
  }

  forget(address: string): RecentServer[] {
    return this.save(forgetServer(this.load(), address));
  }

  private save(list: RecentServer[]): RecentServer[] {
    try {
      this.storage.setItem(RECENT_SERVERS_KEY, JSON.stringify(list.map(({ address, username, lastUsed }) => ({ address, username, lastUsed }))));
    } catch {
      // Quota or disabled storage: keep working without remembering.
    }
    return list;
  }
}
