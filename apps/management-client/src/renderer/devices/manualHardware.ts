/**
 * Adding hardware by hand, and devices found by WS-Discovery: what the administrator typed or
 * the device announced, made into an addHardware body. ONVIF takes host:port or the device
 * service URL; RTSP takes the main stream's URL (and a sub stream's); the simulated driver a
 * sim:// name, for trying the system without a camera.
 */
import type { AddHardwareBody } from './hardwareForms';
import { isPort } from './hardwareForms';
import type { FieldProblems } from './cameraForms';

export type ManualDriver = AddHardwareBody['driver'];

export interface ManualForm {
  driver: ManualDriver;
  /** A host name or IP address, or a whole URL (then port and paths are ignored). */
  host: string;
  port: string;
  /** RTSP: the main stream's path; simulated: the pattern's name. */
  path: string;
  /** RTSP: a second stream's path, optional. */
  subPath: string;
  username: string;
  password: string;
  name: string;
}

const DRIVER_LABELS: Record<string, string> = { onvif: 'ONVIF', rtsp: 'RTSP', simulated: 'Simulated' };
export const driverLabel = (driver: string) => DRIVER_LABELS[driver] ?? driver;

export const DEFAULT_PORTS: Record<ManualDriver, string> = { onvif: '80', rtsp: '554', simulated: '' };

export const defaultManualForm = (): ManualForm => ({
  driver: 'onvif', host: '', port: DEFAULT_PORTS.onvif, path: '/', subPath: '', username: '', password: '', name: '',
});

const URL_PREFIX: Record<ManualDriver, RegExp> = { onvif: /^https?:\/\//i, rtsp: /^rtsps?:\/\//i, simulated: /^sim:\/\//i };
// Host names and IPv4 addresses; IPv6 literals in brackets.
const HOST = /^(?:\[[0-9a-f:.]+\]|[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*)$/i;

/** Paths start with one "/"; what the administrator left out is added. */
const asPath = (p: string) => `/${p.trim().replace(/^\/+/, '')}`;

export function manualRequest(f: ManualForm, storageId: string): { body: AddHardwareBody } | { problems: FieldProblems } {
  const problems: FieldProblems = {};
  const host = f.host.trim();
  const isUrl = URL_PREFIX[f.driver].test(host);
  let address = '';
  let streamUrls: string[] = [];
  if (f.driver === 'simulated') {
    const name = (isUrl ? host.replace(URL_PREFIX.simulated, '') : f.path.trim()) || 'camera';
    address = `sim://${name}`;
  } else if (host === '') {
    problems.address = 'Enter the device\'s address.';
  } else if (isUrl) {
    try {
      address = new URL(host).toString();
    } catch {
      problems.address = `"${host}" is not a valid URL.`;
    }
  } else if (!HOST.test(host)) {
    problems.address = `"${host}" is not a host name or IP address.`;
  } else {
    const port = Number(f.port);
    if (f.port.trim() === '' || !isPort(port)) problems.port = 'Ports are 1–65535.';
    else if (f.driver === 'onvif') address = `${host}:${port}`;
    else {
      address = `rtsp://${host}:${port}${asPath(f.path)}`;
      if (f.subPath.trim() !== '') streamUrls = [`rtsp://${host}:${port}${asPath(f.subPath)}`];
    }
  }
  if (f.name.trim().length > 200) problems.name = 'At most 200 characters.';
  if (Object.keys(problems).length > 0) return { problems };
  return {
    body: {
      driver: f.driver, address, storageId,
      ...(streamUrls.length > 0 ? { streamUrls } : {}),
      ...(f.driver !== 'simulated' && f.username ? { username: f.username } : {}),
      ...(f.driver !== 'simulated' && f.password ? { password: f.password } : {}),
      ...(f.name.trim() ? { name: f.name.trim() } : {}),
    },
  };
}

/** One answer to WS-Discovery, as discoverHardware returns it. */
export interface DiscoveredDevice {
  xaddrs: string[];
  scopes: string[];
  endpoint: string;
}

export interface DiscoveredSummary {
  /** What addHardware takes: the first device service URL. */
  address: string;
  /** host[:port] of that URL, for the table. */
  host: string;
  name: string | undefined;
  hardware: string | undefined;
  location: string | undefined;
}

/** The value of an ONVIF scope such as onvif://www.onvif.org/name/Lobby%20Dome. */
function scopeValue(scopes: readonly string[], kind: string): string | undefined {
  const prefix = `onvif://www.onvif.org/${kind}/`;
  const scope = scopes.find((s) => s.toLowerCase().startsWith(prefix));
  if (!scope) return undefined;
  const raw = scope.slice(prefix.length);
  try {
    return decodeURIComponent(raw.replace(/_/g, ' ')) || undefined;
  } catch {
    return raw || undefined;
  }
}

export function summarizeDiscovered(d: DiscoveredDevice): DiscoveredSummary {
  // Prefer an IPv4 http address: the site reaches those; link-local IPv6 ones it may not.
  const address = d.xaddrs.find((x) => /^https?:\/\/\d+\.\d+\.\d+\.\d+/i.test(x)) ?? d.xaddrs[0] ?? '';
  let host = address;
  try {
    host = new URL(address).host;
  } catch {
    // Shown as announced.
  }
  return { address, host, name: scopeValue(d.scopes, 'name'), hardware: scopeValue(d.scopes, 'hardware'), location: scopeValue(d.scopes, 'location') };
}
