/**
 * The Discover step as data: devices found by WS-Discovery described for people (the name and
 * model their ONVIF scopes announce), the manual address checked as the site would, and the
 * addHardware requests for what the administrator chose.
 */

/** discoverHardware's answer (hardwareRoutes.ts). */
export interface DiscoveredBody {
  xaddrs: string[];
  scopes: string[];
  endpoint: string;
}

export interface FoundDevice {
  key: string;
  /** The device service address to probe. */
  address: string;
  name: string;
  model: string | null;
  host: string;
}

export type Driver = 'onvif' | 'rtsp';

export interface AddHardwareRequestBody {
  driver: Driver;
  address: string;
  username?: string;
  password?: string;
  storageId?: string;
}

/** Scopes look like onvif://www.onvif.org/name/Lobby%20Cam; the last path part is the value. */
function scope(scopes: readonly string[], kind: string): string | null {
  const prefix = `onvif://www.onvif.org/${kind}/`;
  const hit = scopes.find((s) => s.toLowerCase().startsWith(prefix));
  if (!hit) return null;
  try {
    return decodeURIComponent(hit.slice(prefix.length)).replace(/_/g, ' ').trim() || null;
  } catch {
    return hit.slice(prefix.length) || null;
  }
}

/** An IPv4 http address first: the site reaches those without name resolution or IPv6 routes. */
function bestAddress(xaddrs: readonly string[]): string | null {
  const ipv4 = xaddrs.find((x) => /^https?:\/\/\d+\.\d+\.\d+\.\d+(:\d+)?\//i.test(x));
  return ipv4 ?? xaddrs[0] ?? null;
}

export function foundDevice(d: DiscoveredBody): FoundDevice | null {
  const address = bestAddress(d.xaddrs);
  if (!address) return null;
  let host = address;
  try {
    host = new URL(address).host;
  } catch {
    // Shown as announced.
  }
  const model = scope(d.scopes, 'hardware');
  return { key: d.endpoint || address, address, name: scope(d.scopes, 'name') ?? model ?? host, model, host };
}

/** Devices found, without those the site already has (by host) and without duplicates. */
export function foundDevices(found: readonly DiscoveredBody[], knownHosts: ReadonlySet<string> = new Set()): FoundDevice[] {
  const seen = new Set<string>();
  const out: FoundDevice[] = [];
  for (const d of found) {
    const f = foundDevice(d);
    if (!f || seen.has(f.key) || knownHosts.has(f.host)) continue;
    seen.add(f.key);
    out.push(f);
  }
  return out.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
}

/** The manual address as the site's drivers take it; a message for the address field, or undefined. */
export function manualAddressProblem(driver: Driver, address: string): string | undefined {
  const a = address.trim();
  if (a === '') return 'Type the camera\'s address.';
  if (driver === 'rtsp') {
    if (!/^rtsp:\/\//i.test(a)) return 'An RTSP address starts with rtsp://, e.g. rtsp://192.168.1.20:554/stream1.';
    try {
      new URL(a);
    } catch {
      return 'Not a valid address.';
    }
    return undefined;
  }
  const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(a) ? a : `http://${a}`;
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return 'ONVIF devices answer on http:// or https://.';
  } catch {
    return 'Not a valid address: a host name or IP address, optionally with :port.';
  }
  return undefined;
}

export function addRequest(driver: Driver, address: string, credentials: { username: string; password: string }, storageId: string | null): AddHardwareRequestBody {
  return {
    driver, address: address.trim(),
    ...(credentials.username.trim() ? { username: credentials.username.trim() } : {}),
    ...(credentials.password ? { password: credentials.password } : {}),
    ...(storageId ? { storageId } : {}),
  };
}
