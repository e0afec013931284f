/**
 * The Add hardware wizard's forms as request bodies: an address-range scan (scanHardware), a
 * device typed in by hand, and a device found by discovery or a scan (addHardware). The checks
 * mirror the site's (IPv4 ranges of at most 256 addresses, ports 1–65535) and name the same
 * request fields, so a problem shows at the field before anything is sent.
 */
import type { ScanHardwareBody, ScanHardwareResult, Static, apiSchemas } from '@nightjar/vms-core';
import type { FieldProblems } from './cameraForms';

export type AddHardwareBody = Static<typeof apiSchemas.AddHardwareRequest>;
export type FoundDevice = ScanHardwareResult['found'][number];
export interface Credentials {
  username: string;
  password: string;
}

export const MAX_SCAN_ADDRESSES = 256;

/** A dotted-quad IPv4 address as a number; undefined for anything else (no leading zeros). */
export function parseIPv4(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text.trim());
  if (!m) return undefined;
  const parts = m.slice(1);
  if (parts.some((p) => Number(p) > 255 || (p.length > 1 && p.startsWith('0')))) return undefined;
  return parts.reduce((n, p) => n * 256 + Number(p), 0);
}

/** Why the range cannot be scanned, by field; empty when it can. */
export function rangeProblems(start: string, end: string): FieldProblems {
  const a = parseIPv4(start);
  if (a === undefined) return { start: start.trim() ? `"${start.trim()}" is not an IPv4 address.` : 'Enter the first address.' };
  const b = parseIPv4(end);
  if (b === undefined) return { end: end.trim() ? `"${end.trim()}" is not an IPv4 address.` : 'Enter the last address.' };
  if (b < a) return { end: 'The last address comes before the first.' };
  if (b - a + 1 > MAX_SCAN_ADDRESSES) return { end: `${b - a + 1} addresses; a scan covers at most ${MAX_SCAN_ADDRESSES}.` };
  for (const [field, n] of [['start', a], ['end', b]] as const) {
    const first = Math.floor(n / 2 ** 24);
    if (first === 0 || first >= 224) return { [field]: 'Not a camera address (this-network, multicast or reserved).' };
  }
  return {};
}

/** The number of addresses from start to end, for the form's "n addresses" hint. */
export function rangeSize(start: string, end: string): number {
  const a = parseIPv4(start);
  const b = parseIPv4(end);
  return a === undefined || b === undefined || b < a ? 0 : b - a + 1;
}

export const isPort = (n: number) => Number.isInteger(n) && n >= 1 && n <= 65535;

/** "80, 554, 8000-8002" as a list of distinct ports (at most 16, as the site takes). */
export function parsePorts(text: string): { ports: number[] } | { problem: string } {
  const ports: number[] = [];
  for (const part of text.split(/[\s,;]+/).filter(Boolean)) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) return { problem: `"${part}" is not a port or a range like 8000-8010.` };
    const from = Number(m[1]);
    const to = m[2] === undefined ? from : Number(m[2]);
    if (!isPort(from) || !isPort(to)) return { problem: `Ports are 1–65535 ("${part}").` };
    if (to < from) return { problem: `"${part}" runs backwards.` };
    for (let p = from; p <= to; p++) if (!ports.includes(p)) ports.push(p);
    if (ports.length > 16) return { problem: 'At most 16 ports per scan.' };
  }
  return ports.length > 0 ? { ports } : { problem: 'Enter at least one port.' };
}

export interface ScanForm {
  start: string;
  end: string;
  ports: string;
  onvif: boolean;
  rtsp: boolean;
  http: boolean;
  https: boolean;
  /** RTSP paths to try, one per line or comma-separated. */
  rtspPaths: string;
  credentials: Credentials[];
  timeoutSeconds: string;
}

export const defaultScanForm = (): ScanForm => ({
  start: '', end: '', ports: '80, 554', onvif: true, rtsp: true, http: true, https: false, rtspPaths: '/',
  credentials: [{ username: '', password: '' }], timeoutSeconds: '3',
});

export function scanRequest(f: ScanForm): { body: ScanHardwareBody } | { problems: FieldProblems } {
  const problems: FieldProblems = rangeProblems(f.start, f.end);
  const ports = parsePorts(f.ports);
  if ('problem' in ports) problems.ports = ports.problem;
  const drivers = [...(f.onvif ? ['onvif' as const] : []), ...(f.rtsp ? ['rtsp' as const] : [])];
  if (drivers.length === 0) problems.drivers = 'Choose ONVIF, RTSP or both.';
  const protocols = [...(f.http ? ['http' as const] : []), ...(f.https ? ['https' as const] : [])];
  if (f.onvif && protocols.length === 0) problems.protocols = 'Choose HTTP, HTTPS or both for ONVIF.';
  const paths = f.rtspPaths.split(/[\s,]+/).filter(Boolean);
  if (f.rtsp && paths.length === 0) problems.rtspPaths = 'Enter at least one path, e.g. /.';
  else if (paths.some((p) => !p.startsWith('/'))) problems.rtspPaths = 'Paths start with "/".';
  else if (paths.length > 8) problems.rtspPaths = 'At most 8 paths.';
  const timeout = Number(f.timeoutSeconds);
  if (!(timeout >= 0.1 && timeout <= 30)) problems.timeoutMs = 'Between 0.1 and 30 seconds.';
  const credentials = f.credentials.filter((c) => c.username !== '' || c.password !== '');
  if (credentials.length > 8) problems.credentials = 'At most 8 sets of credentials.';
  if (Object.keys(problems).length > 0 || 'problem' in ports) return { problems };
  return {
    body: {
      start: f.start.trim(), end: f.end.trim(), ports: ports.ports, drivers,
      ...(f.onvif ? { protocols } : {}),
      ...(f.rtsp ? { rtspPaths: paths } : {}),
      ...(credentials.length > 0 ? { credentials: credentials.map((c) => ({ ...(c.username ? { username: c.username } : {}), ...(c.password ? { password: c.password } : {}) })) } : {}),
      timeoutMs: Math.round(timeout * 1000),
    },
  };
}

/** addHardware for a device the scan found, signing in with the credentials it accepted. */
export function foundDeviceRequest(d: FoundDevice, credentials: readonly Credentials[], storageId: string): AddHardwareBody {
  const c = d.credentialIndex === null ? undefined : credentials.filter((x) => x.username !== '' || x.password !== '')[d.credentialIndex];
  return {
    driver: d.driver, address: d.deviceAddress, storageId,
    ...(c?.username ? { username: c.username } : {}), ...(c?.password ? { password: c.password } : {}),
  };
}
